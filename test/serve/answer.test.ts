import { describe, expect, it } from 'vitest'
import { documentedApi, type DocRequest } from '../../src/serve/answer.js'
import { mlJobs, page, requestSnippet, responseSnippet, rollupStopJob } from './models.js'

// The documented API answered as a function, without a socket: what the server sends is exactly this.
const { answer, notes } = documentedApi([rollupStopJob(), mlJobs()])

function request(method: string, target: string, extra: Partial<DocRequest> = {}): DocRequest {
  const [path, ...query] = target.split('?')
  return { method, path: path!, query: query.join('?'), headers: {}, body: '', ...extra }
}

function esError(status: number, type: string, reason: string) {
  return JSON.stringify({ error: { root_cause: [{ type, reason }], type, reason }, status })
}

describe('answer', () => {
  it('routes every documented endpoint', () => {
    expect(notes).toEqual([])
  })

  it.each<[string, DocRequest, { status: number; headers?: Record<string, string | number>; body: string }]>([
    [
      'a documented request: the example answer, with the headers Elasticsearch sends',
      request('POST', '/_rollup/job/sensor/_stop'),
      { status: 200, headers: { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch', 'content-length': 16 }, body: '{"stopped":true}' },
    ],
    ['the example sharing the query', request('POST', '/_rollup/job/sensor/_stop?wait_for_completion=true'), { status: 200, body: '{"stopped":true,"waited":true}' }],
    ['?pretty: indented', request('POST', '/_rollup/job/sensor/_stop?pretty'), { status: 200, body: '{\n  "stopped": true\n}\n' }],
    ['filter_path', request('POST', '/_rollup/job/sensor/_stop?wait_for_completion=true&filter_path=waited'), { status: 200, body: '{"waited":true}' }],
    [
      'an unknown route: 404',
      request('GET', '/_nothing/here'),
      { status: 404, body: esError(404, 'resource_not_found_exception', 'no handler found for uri [/_nothing/here] and method [GET]') },
    ],
    [
      'another method: 405 with allow',
      request('GET', '/_rollup/job/sensor/_stop'),
      {
        status: 405,
        headers: { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch', 'content-length': 319, allow: 'POST', 'x-docspec-undocumented': '1' },
        body: esError(405, 'illegal_argument_exception', 'Incorrect HTTP method for uri [/_rollup/job/sensor/_stop] and method [GET], allowed: [POST]'),
      },
    ],
    [
      'OPTIONS: the allowed methods, no body',
      request('OPTIONS', '/_rollup/job/sensor/_stop'),
      { status: 200, headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-elastic-product': 'Elasticsearch', 'content-length': 0, allow: 'POST' }, body: '' },
    ],
    [
      'a bad query value: 400',
      request('POST', '/_rollup/job/sensor/_stop?wait_for_completion=yes'),
      { status: 400, body: esError(400, 'illegal_argument_exception', 'Failed to parse value [yes] as only [true] or [false] are allowed.') },
    ],
    [
      'Prefer: a status the page does not document is refused',
      request('POST', '/_rollup/job/sensor/_stop', { headers: { prefer: 'code=418' } }),
      { status: 400, body: esError(400, 'illegal_argument_exception', 'Prefer asks for status [418] but [POST /_rollup/job/{job_id}/_stop] documents [200, 404]') },
    ],
  ])('%s', (_title, given, want) => {
    const got = answer(given)
    expect(got.status).toBe(want.status)
    expect(got.body).toBe(want.body)
    if (want.headers) expect(got.headers).toEqual(want.headers)
  })

  it('answers HEAD on a GET route as GET, with no body but the length of the one GET sends', () => {
    const head = answer(request('HEAD', '/_ml/anomaly_detectors'))
    const get = answer(request('GET', '/_ml/anomaly_detectors'))
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(Buffer.byteLength(get.body))
  })

  it('sends no body to HEAD on a route without GET, but tells the length of the one it would send', () => {
    const head = answer(request('HEAD', '/_rollup/job/sensor/_stop'))
    expect(head.status).toBe(405)
    expect(head.body).toBe('')
    const reason = 'Incorrect HTTP method for uri [/_rollup/job/sensor/_stop] and method [HEAD], allowed: [POST]'
    expect(head.headers['content-length']).toBe(Buffer.byteLength(esError(405, 'illegal_argument_exception', reason)))
  })

  it("answers a request another page sends exactly with that page's answer, others with the endpoint's own examples", () => {
    // A guide page stopping a job of its own (no endpoint documented there), as aggregation and setup guides do with _search.
    const guide = page({
      id: 'rollup-guide',
      endpoints: [],
      examples: [
        requestSnippet(0, 'POST /_rollup/job/nightly/_stop?timeout=1m'),
        responseSnippet(1, 0, '{ "stopped": true, "job": "nightly" }'),
        requestSnippet(2, 'POST /_rollup/job/sensor/_stop'),
        responseSnippet(3, 2, '{ "stopped": false }'),
        requestSnippet(4, 'POST /_rollup/job/sensor/_stop?filter_path=stopped'),
        responseSnippet(5, 4, '{ "stopped": "filtered" }'),
      ],
    })
    const withGuide = documentedApi([rollupStopJob(), guide])
    expect(withGuide.answer(request('POST', '/_rollup/job/nightly/_stop?timeout=1m')).body).toBe('{"stopped":true,"job":"nightly"}')
    // The endpoint's own page documents this very request: its answer wins.
    expect(withGuide.answer(request('POST', '/_rollup/job/sensor/_stop')).body).toBe('{"stopped":true}')
    // The guide sends this one as written, filter_path included: its answer comes before the own page's same request without it.
    expect(withGuide.answer(request('POST', '/_rollup/job/sensor/_stop?filter_path=stopped')).body).toBe('{"stopped":"filtered"}')
    // Not sent as written anywhere: the best of the endpoint's own examples, never the guide's.
    expect(withGuide.answer(request('POST', '/_rollup/job/nightly/_stop')).body).toBe('{"stopped":true}')
  })

  it('sends the warnings a page documents for a request it shows no answer to, with the answer chosen for it', () => {
    const deprecated = page({
      id: 'rollup-deprecated',
      endpoints: [],
      examples: [requestSnippet(0, 'POST /_rollup/job/old/_stop?timeout=5s', undefined, { warnings: ['[old] jobs are deprecated'] })],
    })
    const api = documentedApi([rollupStopJob(), deprecated])
    const warned = api.answer(request('POST', '/_rollup/job/old/_stop?timeout=5s'))
    expect(warned.status).toBe(200)
    expect(warned.headers.warning).toBe('299 Elasticsearch-docspec "[old] jobs are deprecated"')
    expect(api.answer(request('POST', '/_rollup/job/old/_stop')).headers.warning).toBeUndefined()
  })

  it('answers a request as its TEST substitutions make it, filter_path and pretty left out of the comparison', () => {
    const guide = page({
      id: 'rollup-guide',
      endpoints: [],
      examples: [
        requestSnippet(0, 'POST /_rollup/job/my-job/_stop', undefined, { substitutions: [{ pattern: 'my-job', replacement: 'nightly' }] }),
        responseSnippet(1, 0, '{ "stopped": true, "job": "nightly" }'),
      ],
    })
    const api = documentedApi([rollupStopJob(), guide])
    expect(api.answer(request('POST', '/_rollup/job/nightly/_stop')).body).toBe('{"stopped":true,"job":"nightly"}')
    expect(api.answer(request('POST', '/_rollup/job/nightly/_stop?filter_path=job')).body).toBe('{"job":"nightly"}')
    expect(api.answer(request('POST', '/_rollup/job/my-job/_stop')).body).toBe('{"stopped":true,"job":"nightly"}')
  })
})

