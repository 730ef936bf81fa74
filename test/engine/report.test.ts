import { describe, expect, it } from 'vitest'
import { chapterOf, classify, classifyEmbedded, failedRequestPath, fileOfTest, formatMarkdown, summarize } from '../../scripts/engine/report.mjs'

const error = (request: string, type: string, reason: string, status = 400) =>
  `${request} (docs/reference/p.asciidoc:3): answered ${status}\n{"error":{"root_cause":[{"type":"${type}","reason":"${reason}"}],"type":"${type}","reason":"${reason}"},"status":${status}}`

describe('verify:engine report', () => {
  it('files a page under the folder of docs/reference it sits in, or its own name', () => {
    expect(chapterOf('docs/reference/aggregations/metrics/avg-aggregation.asciidoc')).toBe('aggregations')
    expect(chapterOf('reference/cat/indices.asciidoc')).toBe('cat')
    expect(chapterOf('docs/reference/api-conventions.asciidoc')).toBe('api-conventions.asciidoc')
  })

  it('reads the snippet file from a test name', () => {
    expect(fileOfTest('cat-health › docs/reference/cat/health.asciidoc:70')).toBe('docs/reference/cat/health.asciidoc')
    expect(fileOfTest('p › x-pack/docs/en/a b.asciidoc:561:1')).toBe('x-pack/docs/en/a b.asciidoc')
    expect(fileOfTest('no file here')).toBeUndefined()
  })

  it('reads the failing request from a failure message', () => {
    expect(failedRequestPath(error('PUT /_ilm/policy/p', 'x', 'y'))).toBe('/_ilm/policy/p')
    expect(failedRequestPath('response does not match TESTRESPONSE at p.asciidoc:9')).toBeUndefined()
  })

  it.each([
    [error('PUT /_ilm/policy/p', 'invalid_index_name_exception', "Invalid index name [_ilm], must not start with '_'."), 'engine', /x-pack API/],
    [error('POST /my-index/_freeze', 'x', 'y'), 'engine', /x-pack API/],
    [error('PUT /bugs', 'mapper_parsing_exception', 'No handler for type [flattened] declared on field [labels]'), 'engine', /x-pack field type/],
    [error('PUT /_ingest/pipeline/p', 'parse_exception', 'No processor type exists with name [set]'), 'engine', /ingest-common/],
    [error('PUT /shapes', 'mapper_parsing_exception', 'No handler for type [geo_shape] declared on field [location]'), 'engine', /geo/],
    ['response does not match TESTRESPONSE at p.asciidoc:9\nfirst difference at $body._type: missing; expected "_doc"\n-  "_type": "_doc",', 'engine', /mapping types/],
    ['response does not match TESTRESPONSE at p.asciidoc:9 (text)\n-  "cluster_name" : "elasticsearch"\n+  "distribution" : "opensearch",', 'engine', /naming/],
    [error('PUT /my-index-000001', 'resource_already_exists_exception', 'index [my-index-000001/abc] already exists'), 'docspec', /clean state/],
    [`PUT /thai (p.asciidoc:3): answered 406\n{"error":"Content-Type header [text/plain] is not supported","status":406}`, 'docspec', /text\/plain/],
    [error('GET /x/_search', 'query_shard_exception', 'failed to create query'), 'unclassified', /not yet/],
  ])('classifies %#', (message, klass, reason) => {
    const result = classify({ name: 't', message })
    expect(result.klass).toBe(klass)
    expect(result.reason).toMatch(reason)
  })

  it('does not take a package name in a stack for OpenSearch naming', () => {
    const message = error('GET /_analyze', 'script_exception', 'compile error') + ' caused_by [token] is of unknown type [org.opensearch.analysis.common.AnalysisPredicateScript$Token]'
    expect(classify({ name: 't', message }).reason).toMatch(/painless extensions/)
  })

  it('lets a decision taken by reading the failure win over the rules', () => {
    const message = error('PUT /my-index-000001', 'resource_already_exists_exception', 'index [my-index-000001/abc] already exists')
    expect(classify({ name: 'p › line 3', message }, { 'p › line 3': { class: 'page', reason: 'the page creates the index twice', note: 'line 3 repeats line 1' } })).toEqual({
      klass: 'page',
      reason: 'the page creates the index twice',
      note: 'line 3 repeats line 1',
    })
  })

  it('says why a test fails on the embedded server: a gap of the pages, or a limit of answering from examples', () => {
    const pretty405 = `GET /_cluster/settings (docs/reference/p.asciidoc:4): answered 405\n{\n  "error": {\n    "reason": "Incorrect HTTP method for uri [/_cluster/settings] and method [GET], allowed: [PUT]"\n  }\n}`
    const cases: [string, string][] = [
      [error('POST /test/test', 'resource_not_found_exception', 'no handler found for uri [/test/test] and method [POST]', 404), 'page'],
      [pretty405, 'page'],
      [error('PUT /_bulk', 'illegal_argument_exception', 'request [/_bulk] contains unrecognized parameter: [refresh]'), 'page'],
      ['setup host, docs/build.gradle:222: set: the last answer has nothing at master_node', 'embedded'],
      ['response does not match TESTRESPONSE at docs/reference/p.asciidoc:9 (as the doc tests match _cat and non_json text)\n', 'page'],
      ['response does not match TESTRESPONSE at docs/reference/p.asciidoc:9\nfirst difference at $body.hits.total.value: expected 1, got 0', 'embedded'],
      ['GET /x (docs/reference/p.asciidoc:3): answered 500\n{}', 'unclassified'],
    ]
    expect(cases.map(([message]) => classifyEmbedded({ message }).klass)).toEqual(cases.map(([, klass]) => klass))
    const tests = [{ name: 'a › docs/reference/a.asciidoc:1', state: 'failed' as const, message: cases[3]![0] }]
    const summary = summarize({ engine: { tests }, embedded: { tests } }, { classifyRuns: ['engine', 'embedded'], classifiers: { embedded: classifyEmbedded } })
    expect(summary.classes.embedded![0]).toMatchObject({ klass: 'embedded', count: 1 })
    expect(summary.classes.engine![0]).toMatchObject({ klass: 'unclassified' })
  })

  it('counts each run per chapter and classifies the failures of the runs asked for', () => {
    const A = 'docs/reference/ml/a.asciidoc'
    const tests = [
      { name: `a › ${A}:1`, state: 'passed' as const },
      { name: `a › ${A}:5`, state: 'failed' as const, message: error('PUT /_ml/x', 'x', 'y') },
      { name: `a › ${A}:9`, state: 'failed' as const, message: error('PUT /_ml/y', 'x', 'y') },
      { name: `a › ${A}:12`, state: 'failed' as const, message: error('PUT /_ml/z', 'x', 'y') },
      { name: 'b › docs/reference/cat.asciidoc:2', state: 'skipped' as const },
    ]
    const summary = summarize({ engine: { tests }, embedded: { tests: tests.map((t) => ({ ...t, state: 'passed' as const })) } }, { classifyRuns: ['engine'] })
    expect(summary.totals).toEqual({ engine: { passed: 1, failed: 3, skipped: 1 }, embedded: { passed: 5, failed: 0, skipped: 0 } })
    expect(summary.chapters).toEqual([
      { chapter: 'cat.asciidoc', engine: { passed: 0, failed: 0, skipped: 1 }, embedded: { passed: 1, failed: 0, skipped: 0 } },
      { chapter: 'ml', engine: { passed: 1, failed: 3, skipped: 0 }, embedded: { passed: 4, failed: 0, skipped: 0 } },
    ])
    expect(summary.failures.embedded).toEqual([])
    expect(summary.classes.engine).toHaveLength(1)
    expect(summary.classes.engine![0]).toMatchObject({ klass: 'engine', count: 3 })
    expect(summary.classes.engine![0]!.examples.map((e) => e.name)).toEqual([`a › ${A}:5`, `a › ${A}:9`])
    expect(summary.failures.engine![0]).toMatchObject({ page: A, chapter: 'ml' })

    const markdown = formatMarkdown(summary, { title: 'T', runs: [{ key: 'engine', label: 'engine' }, { key: 'embedded', label: 'embedded' }], notes: ['n'] })
    expect(markdown).toContain('| engine | 1 | 3 | 1 |')
    expect(markdown).toContain('| embedded | 5 | 0 | 0 |')
    expect(markdown).toContain('| ml | 1 / 3 / 0 | 4 / 0 / 0 |')
    expect(markdown).toContain('### engine: x-pack API (not in OpenSearch) (3)')
  })
})
