/** What a replayed request creates, read from its method and path, and how it is removed again. */
import { describe, expect, it } from 'vitest'
import { createdBy, createdByAnswer, settingsRestore, settingsSet } from '../../src/replay/cleanup.js'
import type { HttpMethod } from '../../src/model/types.js'

const created = (method: HttpMethod, path: string, body?: unknown) =>
  createdBy(method, path.split('/').filter(Boolean), body).map((r) => [r.key, r.exists ? `${r.exists.method} ${r.exists.path}` : '-', r.remove.map((q) => `${q.method} ${q.path}${q.query ? `?${new URLSearchParams(q.query)}` : ''}`).join('; ')])

describe('createdBy', () => {
  it.each<[string, HttpMethod, string, unknown, string[][]]>([
    ['an index', 'PUT', '/logs', undefined, [['/logs', '-', 'DELETE /logs']]],
    ['an index documents create', 'PUT', '/logs/_doc/1', undefined, [['/logs', 'HEAD /logs', 'DELETE /logs']]],
    ['indices a bulk writes to', 'POST', '/_bulk', [{ index: { _index: 'a' } }, { x: 1 }, { create: { _index: 'b' } }, { x: 2 }], [['/a', 'HEAD /a', 'DELETE /a'], ['/b', 'HEAD /b', 'DELETE /b']]],
    ['indices a bulk to an index writes to', 'POST', '/logs/_bulk', [{ index: { _index: 'a' } }, { x: 1 }, { index: {} }, { x: 2 }], [['/logs', 'HEAD /logs', 'DELETE /logs'], ['/a', 'HEAD /a', 'DELETE /a']]],
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

describe('createdByAnswer', () => {
  // Segments as the runtime has them: split on the path's slashes, then decoded (%2F inside a date-math name).
  const names = (method: HttpMethod, path: string, answer: unknown) => createdByAnswer(method, path.split('/').filter(Boolean).map(decodeURIComponent), answer).map((r) => r.key)

  it.each<[string, HttpMethod, string, unknown, string[]]>([
    ['the index a date-math name became', 'PUT', '/%3Clogs-%7Bnow%2Fd%7D%3E', { acknowledged: true, index: 'logs-2030.01.31' }, ['/logs-2030.01.31']],
    ["a rollover's new index", 'POST', '/logs/_rollover', { rolled_over: true, new_index: 'logs-000002' }, ['/logs-000002']],
    ['nothing for a dry run', 'POST', '/logs/_rollover', { rolled_over: false, new_index: 'logs-000002' }, []],
    ["nothing for a data stream's backing index", 'POST', '/logs-ds/_rollover', { rolled_over: true, new_index: '.ds-logs-ds-000002' }, []],
    ['nothing for a document', 'PUT', '/logs/_doc/1', { _index: 'logs' }, []],
  ])('%s', (_, method, path, answer, want) => {
    expect(names(method, path, answer)).toEqual(want)
  })
})

describe('cluster settings', () => {
  it('reads the names a settings body sets, nested or flat, leaving wildcards out', () => {
    const body = { persistent: { cluster: { routing: { allocation: { enable: 'none' } } }, 'logger.*': null }, transient: { 'cluster.remote.a.seeds': ['127.0.0.1:9300'] } }
    expect(settingsSet('PUT', ['_cluster', 'settings'], body)).toEqual({ persistent: ['cluster.routing.allocation.enable'], transient: ['cluster.remote.a.seeds'] })
    expect(settingsSet('GET', ['_cluster', 'settings'], body)).toBeUndefined()
    expect(settingsSet('PUT', ['_cluster', 'settings'], { persistent: {} })).toBeUndefined()
  })

  it('puts back the values from before, and clears the ones there were none of', () => {
    const restore = settingsRestore({ persistent: ['a.b', 'c'], transient: ['d'] }, { persistent: { 'a.b': 'all', e: '1' }, transient: {} })
    expect(restore.remove).toEqual([{ method: 'PUT', path: '/_cluster/settings', body: { persistent: { 'a.b': 'all', c: null }, transient: { d: null } } }])
  })
})
