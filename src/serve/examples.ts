import { isDeepStrictEqual } from 'node:util'
import { snippetContents } from '../console/callouts.js'
import { CATCH_STATUS } from '../console/catch.js'
import { positionAtLines } from '../console/position.js'
import { parseConsole } from '../console/requests.js'
import { applySubstitutions } from '../console/substitute.js'
import type { ConsoleRequest, PageModel, Snippet } from '../model/types.js'
import { readDocJson, servedBody, type ServedBody } from './doc-json.js'
import { errorBody, exceptionTypeFor, type EsFailure } from './errors.js'
import type { Match, RouteTable } from './routes.js'

/** A documented request with the response the page shows for it. */
export interface Example {
  request: ConsoleRequest
  /** The documented answer; absent for a `catch:` example the page shows no answer for. */
  response?: Snippet
  /** The error a `catch:` example without a documented answer is answered with. */
  failure?: EsFailure
  /** The status the documented answer carries (an error body's `status`, else 200). */
  status: number
  /** The example's path parameter values, when its path routes to an endpoint. */
  match?: Match
  /** `// TEST[warning:…]` texts: the `Warning` headers the documented answer carries. */
  warnings: string[]
}

/** The request the server is answering, as the example scoring sees it. */
export interface Incoming {
  match: Match
  query: ReadonlyArray<readonly [string, string]>
  body?: unknown
}

function documentedStatus(response: Snippet, request: Snippet): number {
  const json = response.responseJson ?? readDocJson(response.text)
  const status = (json as { status?: unknown } | undefined)?.status
  const isError = json !== null && typeof json === 'object' && 'error' in json
  if (isError && typeof status === 'number' && status >= 400) return status
  const caught = request.test?.catch
  if (caught) return CATCH_STATUS[caught] ?? 400
  return isError ? 500 : 200
}

/** The page's request/response pairs: a response answers the last request of the snippet it follows. */
export function pageExamples(model: PageModel, routes: RouteTable): Example[] {
  const byIndex = new Map(model.examples.map((s) => [s.index, s]))
  const examples: Example[] = []
  for (const response of model.examples) {
    if (response.role !== 'response' || response.answers === undefined) continue
    const requestSnippet = byIndex.get(response.answers)
    const request = requestSnippet?.requests.at(-1)
    if (!requestSnippet || !request) continue
    const status = documentedStatus(response, requestSnippet)
    const warnings = requestSnippet.test?.warnings ?? []
    for (const sent of [request, substitutedRequest(requestSnippet)]) {
      if (sent) examples.push({ request: sent, response, status, match: routes.find(sent.method, sent.path), warnings })
    }
  }
  const answered = new Set(model.examples.map((s) => s.answers))
  for (const snippet of model.examples) {
    const caught = snippet.role === 'request' && snippet.test?.catch && !answered.has(snippet.index) ? caughtExample(snippet, snippet.test.catch, routes) : undefined
    if (caught) examples.push(caught)
  }
  return examples
}

/** The requests a page documents deprecation warnings for (`// TEST[warning:…]`), answered or not. */
export function warnedRequests(model: PageModel, routes: RouteTable): Example[] {
  return model.examples.flatMap((snippet) =>
    snippet.role === 'request' && snippet.test?.warnings.length
      ? snippet.requests.map((request) => ({ request, status: 200, match: routes.find(request.method, request.path), warnings: snippet.test!.warnings }))
      : [],
  )
}

/**
 * The last request of a snippet as its `// TEST[s/…/…/]` substitutions make it, which is what a replay
 * sends (`GET /_search` becoming `GET /_search?filter_path=aggregations`, a field renamed); undefined
 * when there are none or they change nothing the request holds.
 */
function substitutedRequest(snippet: Snippet): ConsoleRequest | undefined {
  const substitutions = snippet.test?.substitutions ?? []
  if (substitutions.length === 0) return undefined
  const substituted = applySubstitutions(snippetContents(snippet.text), substitutions)
  if (!substituted.ok) return undefined
  const request = parseConsole(substituted.text, positionAtLines(snippet.position.file, snippet.position.line)).requests.at(-1)
  const original = snippet.requests.at(-1)
  if (!request || !original) return undefined
  const same = request.method === original.method && request.path === original.path && isDeepStrictEqual(request.query, original.query) && isDeepStrictEqual(request.body?.json ?? request.body?.raw, original.body?.json ?? original.body?.raw)
  return same ? undefined : request
}

/**
 * A `// TEST[catch:…]` request the page shows no answer for: answered with an error of the status the
 * runner expects, so a replay sees the failure documented.
 */
function caughtExample(snippet: Snippet, caught: string, routes: RouteTable): Example | undefined {
  const request = snippet.requests.at(-1)
  if (!request) return undefined
  const status = CATCH_STATUS[caught] ?? 400
  const regex = /^\/(.*)\/$/s.exec(caught)
  // A `catch:/…/` pattern's text, escapes of punctuation dropped, is a reason the pattern finds.
  const reason = regex ? regex[1]!.replace(/\\([^A-Za-z0-9])/g, '$1') : `the page documents this request as failing (catch:${caught})`
  return { request, status, match: routes.find(request.method, request.path), warnings: [], failure: { status, type: exceptionTypeFor(status), reason } }
}

/** Leaf paths and `path=value` pairs of a JSON value, for body similarity. */
function features(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(`${prefix}/${k}`)
      features(v, `${prefix}/${k}`, into)
    }
  } else {
    into.add(`${prefix}=${JSON.stringify(value)}`)
  }
  return into
}

/** Features of bodies, each worked out once: every request is scored against each example of its route. */
const featureSets = new WeakMap<object, Set<string>>()

function featuresOf(value: unknown): Set<string> {
  if (value === null || typeof value !== 'object') return features(value)
  let found = featureSets.get(value)
  if (!found) featureSets.set(value, (found = features(value)))
  return found
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const union = new Set([...a, ...b]).size
  if (union === 0) return 1
  return [...a].filter((x) => b.has(x)).length / union
}

/** A query value as the handler reads it: a bare flag is `true`, an absent parameter its documented default. */
function effective(
  query: ReadonlyMap<string, string>,
  name: string,
  defaults: ReadonlyMap<string, string>,
): string | undefined {
  const value = query.get(name)
  if (value === '') return 'true'
  return value ?? defaults.get(name)
}

/**
 * How well an example matches the request: equal path values; per query parameter either side sets, equal
 * effective values (so `?flag=false` matches an example that leaves a false-by-default flag out), else a small
 * credit when both set the same parameter; and similar bodies.
 */
function score(example: Example, incoming: Incoming): number {
  let total = 0
  for (const [name, value] of Object.entries(incoming.match.params)) {
    if (example.match?.params[name] === value) total += 2
  }
  const defaults = new Map<string, string>()
  for (const p of incoming.match.route.model.queryParams) if (p.default !== undefined) defaults.set(p.name, p.default)
  const theirs = new Map(Object.entries(example.request.query))
  const ours = new Map(incoming.query)
  for (const name of new Set([...theirs.keys(), ...ours.keys()])) {
    const mine = effective(ours, name, defaults)
    if (mine !== undefined && mine === effective(theirs, name, defaults)) total += 2
    else if (theirs.has(name) && ours.has(name)) total += 0.5
    else total -= 1
  }
  const theirBody = example.request.body?.json ?? example.request.body?.raw
  if (theirBody !== undefined && incoming.body !== undefined)
    total += 4 * jaccard(featuresOf(theirBody), featuresOf(incoming.body))
  else if ((theirBody === undefined) !== (incoming.body === undefined)) total -= 1
  return total
}

/** Parameters that only shape how the answer is written (applied by the server to whichever example answers). */
const PRESENTATION = new Set(['filter_path', 'pretty'])

/**
 * Whether the example sends exactly this request: same path values, query and body; `loose` leaves out the
 * parameters that only shape the answer.
 */
function sameRequest(example: Example, incoming: Incoming, loose = false): boolean {
  if (example.match?.route !== incoming.match.route) return false
  if (!isDeepStrictEqual(example.match.params, incoming.match.params)) return false
  const meaningful = (query: Iterable<readonly [string, string]>) =>
    [...query].filter(([name]) => !loose || !PRESENTATION.has(name)).map(([k, v]) => [k, v]).sort()
  if (!isDeepStrictEqual(meaningful(Object.entries(example.request.query)), meaningful(incoming.query))) {
    return false
  }
  const theirBody = example.request.body?.json ?? example.request.body?.raw
  return isDeepStrictEqual(theirBody, incoming.body)
}

/**
 * The example to answer with. A request the page documents exactly gets its documented answer — a failure
 * too (`// TEST[catch:…]` examples), unless the same request is also documented as succeeding. Otherwise the
 * best-scoring example for this very endpoint: a documented failure (one with its answer shown) only when it
 * matches better than every success (the earliest success on ties); else the page's first successful example.
 */
export function chooseExample(examples: readonly Example[], incoming: Incoming): Example | undefined {
  const successes = examples.filter((e) => e.status < 300)
  const exact = exactExample(examples, incoming)
  if (exact) return exact
  let best: Example | undefined
  let bestScore = -Infinity
  // A failure the page shows no answer for (a bare catch: example) answers only its own request, above.
  for (const example of [...successes, ...examples.filter((e) => e.status >= 300 && e.response)]) {
    if (example.match?.route !== incoming.match.route) continue
    const s = score(example, incoming)
    if (s > bestScore) [best, bestScore] = [example, s]
  }
  return best ?? successes[0]
}

/**
 * The example sending exactly this request, a success before a failure documented for the same request;
 * `loose`: but for `filter_path` and `pretty`, which the server applies to any answer.
 */
export function exactExample(examples: readonly Example[], incoming: Incoming, loose = false): Example | undefined {
  return examples.find((e) => e.status < 300 && sameRequest(e, incoming, loose)) ?? examples.find((e) => e.status >= 300 && sameRequest(e, incoming, loose))
}

/** Strings equal to the example's path values read as the request's: `GET /job/x` answers about `x`. */
function echoPathValues(value: unknown, swaps: Map<string, string>): unknown {
  if (typeof value === 'string') return swaps.get(value) ?? value
  if (Array.isArray(value)) return value.map((v) => echoPathValues(v, swaps))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, echoPathValues(v, swaps)]))
  }
  return value
}

export function exampleBody(example: Example, incoming: Incoming): ServedBody {
  if (!example.response) return { json: errorBody(example.failure!) }
  const served = servedBody(example.response)
  if (!('json' in served) || example.match?.route !== incoming.match.route) return served
  const swaps = new Map<string, string>()
  for (const [name, value] of Object.entries(example.match.params)) {
    const wanted = incoming.match.params[name]
    if (wanted !== undefined && wanted !== value && value.length > 1) swaps.set(value, wanted)
  }
  return swaps.size === 0 ? served : { json: echoPathValues(served.json, swaps) }
}
