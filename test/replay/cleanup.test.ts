/** What a replayed request creates, read from its method and path, and how it is removed again. */
import { describe, expect, it } from 'vitest'
import { createdBy } from '../../src/replay/cleanup.js'
import type { HttpMethod } from '../../src/model/types.js'

const created = (method: HttpMethod, path: string, body?: unknown) =>
  createdBy(method, path.split('/').filter(Boolean), body).map((r) => [r.key, r.exists ? `${r.exists.method} ${r.exists.path}` : '-', r.remove.map((q) => `${q.method} ${q.path}${q.query ? `?${new URLSearchParams(q.query)}` : ''}`).join('; ')])

describe('createdBy', () => {
  it.each<[string, HttpMethod, string, unknown, string[][]]>([
    ['an index', 'PUT', '/logs', undefined, [['/logs', '-', 'DELETE /logs']]],
    ['an index documents create', 'PUT', '/logs/_doc/1', undefined, [['/logs', 'HEAD /logs', 'DELETE /logs']]],
    ['indices a bulk writes to', 'POST', '/_bulk', [{ index: { _index: 'a' } }, { x: 1 }, { create: { _index: 'b' } }, { x: 2 }], [['/a', 'HEAD /a', 'DELETE /a'], ['/b', 'HEAD /b', 'DELETE /b']]],
    ['the destination of a reindex', 'POST', '/_reindex', { source: { index: 'a' }, dest: { index: 'b' } }, [['/b', 'HEAD /b', 'DELETE /b']]],
    ['an alias', 'PUT', '/logs/_alias/current', undefined, [['/logs/_alias/current', 'HEAD /_alias/current', 'DELETE /logs/_alias/current']]],
    ['an index template', 'PUT', '/_index_template/t', undefined, [['/_index_template/t', 'GET /_index_template/t', 'DELETE /_index_template/t']]],
    ['an ingest pipeline', 'PUT', '/_ingest/pipeline/p', undefined, [['/_ingest/pipeline/p', 'GET /_ingest/pipeline/p', 'DELETE /_ingest/pipeline/p']]],
    ['a data stream', 'PUT', '/_data_stream/logs-x', undefined, [['/_data_stream/logs-x', 'GET /_data_stream/logs-x', 'DELETE /_data_stream/logs-x']]],
    ['an ML job, forced', 'PUT', '/_ml/anomaly_detectors/j', undefined, [['/_ml/anomaly_detectors/j', 'GET /_ml/anomaly_detectors/j', 'DELETE /_ml/anomaly_detectors/j?force=true']]],
    ['a rollup job, stopped first', 'PUT', '/_rollup/job/r', undefined, [['/_rollup/job/r', 'GET /_rollup/job/r', 'POST /_rollup/job/r/_stop?wait_for_completion=true; DELETE /_rollup/job/r']]],
    ['a snapshot repository', 'PUT', '/_snapshot/repo', undefined, [['/_snapshot/repo', 'GET /_snapshot/repo', 'DELETE /_snapshot/repo']]],
    ['a user', 'POST', '/_security/user/jacknich', undefined, [['/_security/user/jacknich', 'GET /_security/user/jacknich', 'DELETE /_security/user/jacknich']]],
    ['nothing for a read', 'GET', '/logs', undefined, []],
    ['nothing for a search', 'POST', '/logs/_search', undefined, []],
    ['nothing for a wildcard or date math', 'PUT', '/<logs-{now/d}>', undefined, []],
    ['nothing for an action on a job', 'POST', '/_ml/anomaly_detectors/j/_open', undefined, []],
  ])('%s', (_, method, path, body, want) => {
    expect(created(method, path, body)).toEqual(want)
  })
})
