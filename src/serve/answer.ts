import type { PageModel } from '../model/types.js'
import { readBody, readsAsJson, type ReadBody } from './body.js'
import type { ServedBody } from './doc-json.js'
import { errorBody, illegalArgument, type EsFailure } from './errors.js'
import { chooseExample, exactExample, exampleBody, pageExamples, warnedRequests, type Example, type Incoming } from './examples.js'
import { filterPath } from './filter-path.js'
import { breaksRule, enforcedPathRules, type EnforcedRule } from './path-rules.js'
import { preferredAnswer, preferredStatus } from './prefer.js'
import { checkQuery, queryPolicy, type QueryPolicy } from './query-params.js'
import { buildRoutes, type Match, type Route, type RouteTable } from './routes.js'

/** A request as it came over the wire. */
export interface DocRequest {
  method: string
  /** The path as sent (not decoded), without the query string. */
  path: string
  /** Everything after the first `?`, or ''. */
  query: string
  headers: Record<string, string | string[] | undefined>
  /** The body's text, or the body as the HTTP adapter read it (checked while it streamed in). */
  body: string | ReadBody
}

/** The answer to send: status, headers and body text (empty for `HEAD`; `content-length` still tells its size). */
export interface DocResponse {
  status: number
  headers: Record<string, string | number>
  body: string
}

/** What the page has to say before it is written out: a status, a body, extra headers (`allow`). */
interface Answer {
  status: number
  body: ServedBody
  headers?: Record<string, string>
}

/** Everything answering needs to know about the pages, worked out once. */
interface DocumentedApi {
  routes: RouteTable
  examples: Map<PageModel, Example[]>
  /** Examples of pages that send requests to a route without documenting it (guides, aggregation pages), by route. */
  elsewhere: Map<Route, Example[]>
  /** Requests any page documents warnings for, by route: the same request gets the same `Warning` headers. */
  warned: Map<Route, Example[]>
  rules: Map<PageModel, Map<string, EnforcedRule>>
  policies: Map<PageModel, QueryPolicy>
}

/**
 * The documented API as a function from request to response: every endpoint routed, requests checked the
 * way Elasticsearch checks them, answers taken from the page's examples. `notes` say which endpoints could
 * not be routed.
 */
export function documentedApi(models: PageModel[]): { answer: (request: DocRequest) => DocResponse; notes: string[] } {
  const routes = buildRoutes(models)
  const examples = new Map(models.map((m) => [m, pageExamples(m, routes)]))
  const api: DocumentedApi = {
    routes,
    examples,
    elsewhere: examplesElsewhere(examples),
    warned: byRoute(models.flatMap((m) => warnedRequests(m, routes))),
    rules: new Map(models.map((m) => [m, enforcedPathRules(m, routes)])),
    policies: new Map(models.map((m) => [m, queryPolicy(m)])),
  }
  return { answer: (request) => respond(request, answerFor(api, request)), notes: routes.notes }
}

/** A refusal written out as Elasticsearch writes it. */
export function failureResponse(request: Pick<DocRequest, 'method' | 'query'>, failure: EsFailure): DocResponse {
  return respond(request, failed(failure))
}

function answerFor(api: DocumentedApi, request: DocRequest): Answer {
  const query = [...new URLSearchParams(request.query)]
  const path = decodedPath(request.path)
  if (request.method === 'OPTIONS') {
    // Elasticsearch answers OPTIONS itself, listing the path's methods.
    const allowed = api.routes.methods(request.path)
    return { status: 200, body: { text: '' }, headers: allowed.length > 0 ? { allow: allowed.join(',') } : {} }
  }
  // HEAD is GET without the body (`respond` drops it), as Elasticsearch serves it.
  const match = api.routes.find(request.method, request.path) ?? (request.method === 'HEAD' ? api.routes.find('GET', request.path) : undefined)
  if (!match) return unrouted(api.routes, request, path)
  const failure = refusal(api, match, path, query)
  if (failure) return failed(failure)
  const body = typeof request.body === 'string' ? readBody(request.body, readsAsJson(request.headers['content-type'])) : request.body
  if ('failure' in body) return failed(body.failure)
  return documentedAnswer(api, match, request.headers.prefer, { match, query, body: body.value })
}

/**
 * Marks answers to requests no page documents, so that a replay can tell a setup the pages cannot serve
 * from a documented failure (the replay runtime reads it; Elasticsearch never sends it).
 */
const UNDOCUMENTED = { 'x-docspec-undocumented': '1' }

/** 404 for a path no page documents, 405 (with `allow`) for one documented under other methods. */
function unrouted(routes: RouteTable, request: DocRequest, path: string): Answer {
  const allowed = routes.methods(request.path)
  if (allowed.length === 0) {
    return failed({ status: 404, type: 'resource_not_found_exception', reason: `no handler found for uri [${path}] and method [${request.method}]` }, UNDOCUMENTED)
  }
  const reason = `Incorrect HTTP method for uri [${path}] and method [${request.method}], allowed: [${allowed.join(', ')}]`
  return failed(illegalArgument(reason, 405), { allow: allowed.join(','), ...UNDOCUMENTED })
}

/** The refusal Elasticsearch would give for this request's parameters, if any. */
function refusal(api: DocumentedApi, match: Match, path: string, query: Incoming['query']): EsFailure | undefined {
  const { model } = match.route
  const failure = checkQuery(path, query, routePolicy(api, match.route), Object.keys(match.params))
  if (failure) return failure
  const enforced = api.rules.get(model)!
  for (const [name, value] of Object.entries(match.params)) {
    const found = enforced.get(name)
    if (found && breaksRule(found.param, found.rule, value)) return illegalArgument(`Invalid ${name} [${value}]: ${found.rule.text}`)
  }
  return undefined
}

/** What a route's query may hold: every parameter of every page documenting it. */
function routePolicy(api: DocumentedApi, route: Route): QueryPolicy {
  const policies = route.models.map((m) => api.policies.get(m)!)
  if (policies.length === 1) return policies[0]!
  const typed = new Map(policies.flatMap((p) => [...p.typed]).reverse())
  return { typed, names: new Set(policies.flatMap((p) => [...p.names])) }
}

/** The answer of the pages: the status `Prefer` asks for, the best-matching example of them all, `filter_path` applied. */
function documentedAnswer(api: DocumentedApi, match: Match, prefer: string | string[] | undefined, incoming: Incoming): Answer {
  const examples = match.route.models.flatMap((m) => api.examples.get(m) ?? [])
  let status: number | undefined
  const preferred = preferredStatus(prefer)
  if (preferred !== undefined) {
    const wanted = preferredAnswer(preferred, match.route, examples)
    if (wanted.kind === 'failure') return failed(wanted.failure)
    if (wanted.kind === 'example') return { status: wanted.example.status, body: exampleBody(wanted.example, incoming) }
    status = wanted.status
  }
  // A preferred success status asks for a success answer, even to a request documented as failing.
  const usable = (list: Example[]) => (status === undefined ? list : list.filter((e) => e.status < 300))
  const candidates = usable(examples)
  // The page sending this very request answers it, the endpoint's own pages first, then any other page (a
  // guide, an aggregation page); then the same but for filter_path and pretty; else the closest own example.
  const others = usable(api.elsewhere.get(match.route) ?? [])
  const exact = (loose: boolean) => exactExample(candidates, incoming, loose) ?? exactExample(others, incoming, loose)
  const example = exact(false) ?? exact(true) ?? chooseExample(candidates, incoming)
  const warnings = example?.warnings.length ? example.warnings : (exactExample(api.warned.get(match.route) ?? [], incoming)?.warnings ?? [])
  const answered: Answer = example
    ? { status: status ?? example.status, body: exampleBody(example, incoming), ...warningHeader(warnings) }
    : { status: status ?? 200, body: { json: { acknowledged: true } }, ...warningHeader(warnings) }
  const filter = incoming.query.find(([name]) => name === 'filter_path')?.[1]
  if (filter && 'json' in answered.body) answered.body = { json: filterPath(answered.body.json, filter) }
  return answered
}

function examplesElsewhere(examples: Map<PageModel, Example[]>): Map<Route, Example[]> {
  return byRoute([...examples].flatMap(([model, list]) => list.filter((example) => example.match && !example.match.route.models.includes(model))))
}

function byRoute(examples: Example[]): Map<Route, Example[]> {
  const routes = new Map<Route, Example[]>()
  for (const example of examples) {
    const route = example.match?.route
    if (!route) continue
    const list = routes.get(route)
    if (list) list.push(example)
    else routes.set(route, [example])
  }
  return routes
}

/** The deprecation warnings the pages document for the request, as Elasticsearch sends them. */
function warningHeader(warnings: string[]): { headers?: Record<string, string> } {
  if (warnings.length === 0) return {}
  // Header values are Latin-1 text: anything else is replaced.
  const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')}"`
  return { headers: { warning: warnings.map((text) => `299 Elasticsearch-docspec ${quoted(text)}`).join(', ') } }
}

/** The answer written out: JSON (indented with `?pretty`) or text, and the headers Elasticsearch sends. */
function respond(request: Pick<DocRequest, 'method' | 'query'>, { status, body, headers }: Answer): DocResponse {
  // Read as the server always has: the part between the first and a second `?`.
  const params = new URLSearchParams(request.query.split('?')[0])
  const pretty = params.has('pretty') && params.get('pretty') !== 'false'
  const text = 'json' in body ? JSON.stringify(body.json, null, pretty ? 2 : undefined) + (pretty ? '\n' : '') : body.text
  return {
    status,
    headers: {
      'content-type': 'json' in body ? 'application/json' : 'text/plain; charset=UTF-8',
      // Official Elasticsearch clients refuse servers that do not say they are Elasticsearch.
      'x-elastic-product': 'Elasticsearch',
      'content-length': Buffer.byteLength(text),
      ...headers,
    },
    body: request.method === 'HEAD' ? '' : text,
  }
}

function failed(failure: EsFailure, headers?: Record<string, string>): Answer {
  return { status: failure.status, body: { json: errorBody(failure) }, ...(headers && { headers }) }
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}
