/**
 * Routes as the pages document them: an optional trailing path parameter routes with and without it, and a
 * method and path documented on several pages takes the parameters and examples of all of them.
 */
import { describe, expect, it } from 'vitest'
import type { Snippet } from '../../src/model/types.js'
import { documentedApi, type DocRequest } from '../../src/serve/answer.js'
import { parseWarnings } from '../../src/replay/http.js'
import { emptyPage } from '../model-builders.js'
import { endpoint, param } from './models.js'

const at = (file: string) => ({ file, line: 1, column: 1 })

function example(file: string, index: number, method: 'GET' | 'POST', path: string, query: Record<string, string>, response: unknown, extra: Partial<Snippet> = {}): Snippet[] {
  const base = { language: 'console', markers: [], console: true, notConsole: false, testSetup: false, teardown: false, endLine: 1, position: at(file) }
  return [
    { ...base, index, role: 'request', text: `${method} ${path}`, requests: [{ method, path, query, position: at(file) }], ...extra },
    { ...base, index: index + 1, role: 'response', language: 'console-result', text: JSON.stringify(response), requests: [], responseJson: response, answers: index },
  ]
}

const state = emptyPage({
  file: 'cluster/state.asciidoc',
  id: 'cluster-state',
  endpoints: [endpoint('GET', '/_cluster/state/{metric}/{target}')],
  pathParams: [param('metric', 'string'), param('target', 'string')],
  examples: example('cluster/state.asciidoc', 0, 'GET', '/_cluster/state/metadata/my-index', {}, { metadata: {} }),
})
const health = emptyPage({
  file: 'cluster/health.asciidoc',
  id: 'cluster-health',
  endpoints: [endpoint('GET', '/_cluster/health/{target}')],
  pathParams: [param('target', 'string')],
  queryParams: [param('level', 'string')],
})
const search = emptyPage({
  file: 'search/search.asciidoc',
  id: 'search-search',
  endpoints: [endpoint('GET', '/{index}/_search')],
  pathParams: [param('index', 'string', '', true)],
  queryParams: [param('size', 'integer')],
  examples: example('search/search.asciidoc', 0, 'GET', '/my-index/_search', {}, { hits: { total: 1 } }),
})
const uriSearch = emptyPage({
  file: 'search/uri.asciidoc',
  id: 'search-uri-request',
  endpoints: [endpoint('GET', '/{index}/_search')],
  pathParams: [param('index', 'string', '', true)],
  queryParams: [param('q', 'string')],
  examples: [
    ...example('search/uri.asciidoc', 0, 'GET', '/my-index/_search', { q: 'user:kimchy' }, { hits: { total: 7 } }),
    ...example('search/uri.asciidoc', 2, 'GET', '/missing/_search', { q: 'x' }, { error: { type: 'index_not_found_exception' }, status: 404 }, {
      test: { continued: false, setup: [], teardown: [], warnings: [], substitutions: [], cat: false, nonJson: false, unknown: [], catch: 'missing' },
    }),
  ],
})

const { answer } = documentedApi([state, health, search, uriSearch])
const call = (method: string, target: string) => {
  const [path, query = ''] = target.split('?')
  const response = answer({ method, path: path!, query, headers: {}, body: '' } satisfies DocRequest)
  return { status: response.status, json: JSON.parse(response.body) as unknown }
}

describe('routing', () => {
  it.each([
    ['GET', '/_cluster/state/metadata/my-index', 200],
    ['GET', '/_cluster/state/metadata', 200],
    ['GET', '/_cluster/state', 200],
    ['GET', '/_cluster/health/my-index', 200],
    ['GET', '/_cluster/health', 200],
    ['GET', '/_cluster/health?level=shards', 200],
    ['GET', '/_cluster', 404],
  ])('routes optional trailing path parameters with and without them: %s %s → %d', (method, target, status) => {
    expect(call(method, target).status).toBe(status)
  })

  it('accepts the parameters of every page documenting a route and answers with the best example of them all', () => {
    expect(call('GET', '/my-index/_search?size=1').status).toBe(200)
    expect(call('GET', '/my-index/_search?q=user:kimchy')).toEqual({ status: 200, json: { hits: { total: 7 } } })
    expect(call('GET', '/my-index/_search?nope=1').status).toBe(400)
  })

  it('sends the Warning headers the page documents for the example it answers with', () => {
    const deprecated = emptyPage({
      file: 'old.asciidoc',
      id: 'old',
      endpoints: [endpoint('GET', '/_old')],
      examples: example('old.asciidoc', 0, 'GET', '/_old', {}, { ok: true }, {
        test: { continued: false, setup: [], teardown: [], warnings: ['[_old] is "deprecated"', 'and gone'], substitutions: [], cat: false, nonJson: false, unknown: [] },
      }),
    })
    const response = documentedApi([deprecated]).answer({ method: 'GET', path: '/_old', query: '', headers: {}, body: '' })
    expect(response.headers.warning).toBe('299 Elasticsearch-docspec "[_old] is \\"deprecated\\"", 299 Elasticsearch-docspec "and gone"')
    expect(parseWarnings(String(response.headers.warning))).toEqual(['[_old] is "deprecated"', 'and gone'])
  })

  it('answers a catch: example the page shows no answer for with an error of the status the runner expects', () => {
    const caught = (value: string) => ({ continued: false, setup: [], teardown: [], warnings: [], substitutions: [], cat: false, nonJson: false, unknown: [], catch: value })
    const [bad] = example('agg.asciidoc', 2, 'POST', '/sales/_search', { size: 'x' }, {}, { test: caught('bad_request') })
    const [odd] = example('agg.asciidoc', 4, 'POST', '/sales/_search', { from: '-1' }, {}, { test: caught('/\\[from\\] must be positive/') })
    const page = emptyPage({
      file: 'agg.asciidoc',
      id: 'agg',
      endpoints: [endpoint('POST', '/{index}/_search')],
      pathParams: [param('index', 'string', '', true)],
      queryParams: [param('size', 'string'), param('from', 'string')],
      examples: [...example('agg.asciidoc', 0, 'POST', '/sales/_search', {}, { hits: {} }), bad!, odd!],
    })
    const api = documentedApi([page])
    const status = (query: string) => api.answer({ method: 'POST', path: '/sales/_search', query, headers: {}, body: '' })
    expect(status('size=x').status).toBe(400)
    expect(JSON.parse(status('from=-1').body).error.reason).toBe('[from] must be positive')
    expect(status('').status).toBe(200)
    // Only its own request: a bare catch: example never wins by resemblance.
    expect(status('size=y').status).toBe(200)
  })

  it('answers a request matching a catch: example best with its documented error', () => {
    expect(call('GET', '/missing/_search?q=x').status).toBe(404)
    expect(call('GET', '/missing/_search?q=y').status).toBe(404)
    expect(call('GET', '/other/_search').status).toBe(200)
  })
})
