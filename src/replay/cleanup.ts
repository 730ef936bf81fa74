/**
 * What a replayed request creates on the server (indices, data streams, aliases, templates, pipelines,
 * policies, jobs, repositories, users…), read from its method and path shape, and the requests that remove
 * it again. Elasticsearch's doc tests wipe the cluster after each test; docspec removes exactly what the test
 * created, so that a shared cluster keeps everything else and pages do not depend on their order.
 */
import type { HttpMethod } from '../model/types.js'

export interface CleanupRequest {
  method: HttpMethod
  path: string
  query?: Record<string, string>
  /** A JSON body (putting settings back). */
  body?: unknown
}

export interface Resource {
  /** One key per resource, so that creating it twice removes it once. */
  key: string
  /** A request answering 200 when the resource exists already (then it is not the test's to remove). */
  exists?: CleanupRequest
  /** The requests that remove it, in order. */
  remove: CleanupRequest[]
}

const del = (path: string, query?: Record<string, string>): CleanupRequest => ({ method: 'DELETE', path, ...(query && { query }) })
const FORCE = { force: 'true' }

/** `/_prefix/…/{name}` APIs: the segments before the name, and how to remove what is there (default: DELETE it). */
const NAMED: [prefix: string, make?: (path: string) => CleanupRequest[]][] = [
  ['_index_template'],
  ['_component_template'],
  ['_template'],
  ['_ingest/pipeline'],
  ['_ilm/policy'],
  ['_slm/policy'],
  ['_enrich/policy'],
  ['_scripts'],
  ['_watcher/watch'],
  ['_security/user'],
  ['_security/role'],
  ['_security/role_mapping'],
  ['_ml/calendars'],
  ['_ml/filters'],
  ['_data_stream'],
  ['_autoscaling/policy'],
  ['_ml/anomaly_detectors', (path) => [del(path, FORCE)]],
  ['_ml/datafeeds', (path) => [del(path, FORCE)]],
  ['_ml/data_frame/analytics', (path) => [del(path, FORCE)]],
  ['_ml/trained_models', (path) => [del(path, FORCE)]],
  ['_transform', (path) => [del(path, FORCE)]],
  ['_rollup/job', (path) => [{ method: 'POST', path: `${path}/_stop`, query: { wait_for_completion: 'true' } }, del(path)]],
]

/** What a request creates once it succeeds, given the segments of the path it was sent to (decoded). */
export function createdBy(method: HttpMethod, segments: readonly string[], body?: unknown): Resource[] {
  if (method !== 'PUT' && method !== 'POST') return []
  if (segments.some((s) => !isName(s))) return []
  const path = `/${segments.join('/')}`
  for (const [prefix, make] of NAMED) {
    const parts = prefix.split('/')
    if (segments.length === parts.length + 1 && parts.every((p, i) => segments[i] === p)) {
      return [{ key: path, exists: { method: 'GET', path }, remove: make ? make(path) : [del(path)] }]
    }
  }
  return [...snapshots(segments), ...indices(method, segments, body)]
}

function snapshots(segments: readonly string[]): Resource[] {
  if (segments[0] !== '_snapshot' || segments.length < 2 || segments[1]!.startsWith('_')) return []
  const repository = `/_snapshot/${segments[1]}`
  if (segments.length === 2) return [{ key: repository, exists: { method: 'GET', path: repository }, remove: [del(repository)] }]
  if (segments.length === 3 && !segments[2]!.startsWith('_')) return [{ key: `${repository}/${segments[2]}`, remove: [del(`${repository}/${segments[2]}`)] }]
  return []
}

/** Indices made by creating one, writing documents into it, copying one into it, or an alias on it. */
function indices(method: HttpMethod, segments: readonly string[], body: unknown): Resource[] {
  const [first, action, ...rest] = segments
  if (first === undefined) return []
  if (first === '_bulk') return bulkIndices(body).map(index)
  if (first === '_reindex') return [destinationIndex(body)].filter((i): i is string => i !== undefined).map(index)
  if (first.startsWith('_')) return []
  if (action === undefined) return method === 'PUT' ? [{ key: `/${first}`, remove: [del(`/${first}`)] }] : []
  if (action === '_bulk') return [...new Set([first, ...bulkIndices(body)])].map(index)
  if (['_doc', '_create', '_update'].includes(action)) return [index(first)]
  if (['_clone', '_split', '_shrink'].includes(action) && rest[0]) return [index(rest[0])]
  if ((action === '_alias' || action === '_aliases') && rest[0]) {
    const alias = `/${first}/_alias/${rest[0]}`
    return [{ key: alias, exists: { method: 'HEAD', path: `/_alias/${rest[0]}` }, remove: [del(alias)] }]
  }
  if (action === '_ccr' && rest[0] === 'follow' && method === 'PUT') return [index(first)]
  return []
}

/**
 * Indices a successful request created that only its answer names: the index of a date-math name
 * (`PUT /<logs-{now/d}>` answers `"index": "logs-2024.01.31"`) and the new index of a rollover. A data
 * stream's new backing index goes with its data stream.
 */
export function createdByAnswer(method: HttpMethod, segments: readonly string[], answer: unknown): Resource[] {
  const [first, action] = segments
  if ((method !== 'PUT' && method !== 'POST') || first === undefined || first.startsWith('_') || !isRecord(answer)) return []
  const name = method === 'PUT' && segments.length === 1 ? answer.index : action === '_rollover' && answer.rolled_over === true ? answer.new_index : undefined
  return typeof name === 'string' && isName(name) && !name.startsWith('.ds-') ? [{ key: `/${name}`, remove: [del(`/${name}`)] }] : []
}

/**
 * Requests that create indices neither their path nor their answer names — a snapshot restore, a reindex
 * whose script may set `ctx._index`: the indices listed after it and not before are the ones it created.
 */
export function createsUnnamedIndices(method: HttpMethod, segments: readonly string[], body: unknown): boolean {
  if (method !== 'POST') return false
  if (segments.length === 4 && segments[0] === '_snapshot' && segments[3] === '_restore') return true
  return segments.length === 1 && segments[0] === '_reindex' && isRecord(body) && body.script !== undefined
}

/** Lists every index by name (`[{"index": "…"}]`). */
export const LIST_INDICES: CleanupRequest = { method: 'GET', path: '/_cat/indices', query: { h: 'index', format: 'json', expand_wildcards: 'all' } }

/** The names a `LIST_INDICES` answer holds. */
export function listedIndices(text: string): Set<string> {
  let rows: unknown
  try {
    rows = JSON.parse(text)
  } catch {
    return new Set()
  }
  return new Set((Array.isArray(rows) ? rows : []).flatMap((row) => (isRecord(row) && typeof row.index === 'string' ? [row.index] : [])))
}

/** A restored index that was not there before. */
export function restoredIndex(name: string): Resource {
  return { key: `/${name}`, remove: [del(`/${name}`)] }
}

export type SettingsScope = 'persistent' | 'transient'

/** The cluster settings a `PUT /_cluster/settings` body sets, as flat names by scope (wildcards left out). */
export function settingsSet(method: HttpMethod, segments: readonly string[], body: unknown): Record<SettingsScope, string[]> | undefined {
  if (method !== 'PUT' || segments.join('/') !== '_cluster/settings' || !isRecord(body)) return undefined
  const names = (scope: SettingsScope) => flatNames(body[scope]).filter((name) => !name.includes('*'))
  const set = { persistent: names('persistent'), transient: names('transient') }
  return set.persistent.length + set.transient.length > 0 ? set : undefined
}

/** Asks for the cluster settings as flat names, to know what a settings change replaces. */
export const GET_SETTINGS: CleanupRequest = { method: 'GET', path: '/_cluster/settings', query: { flat_settings: 'true' } }

/**
 * Puts back the values the settings `set` had before (`before`: the `GET_SETTINGS` answer), or clears the
 * ones that had none, as the doc tests reset the cluster settings after each test.
 */
export function settingsRestore(set: Record<SettingsScope, string[]>, before: unknown): Resource {
  const body = Object.fromEntries(
    (['persistent', 'transient'] as const).map((scope) => {
      const had = isRecord(before) && isRecord(before[scope]) ? before[scope] : {}
      return [scope, Object.fromEntries(set[scope].map((name) => [name, Object.hasOwn(had, name) ? had[name] : null]))]
    }),
  )
  return { key: `/_cluster/settings ${JSON.stringify(set)}`, remove: [{ method: 'PUT', path: '/_cluster/settings', body }] }
}

/** `{ cluster: { routing: { x: 1 } }, "a.b": 2 }` → `cluster.routing.x`, `a.b`; arrays and null are values. */
function flatNames(value: unknown, prefix = ''): string[] {
  if (!isRecord(value)) return prefix ? [prefix] : []
  return Object.entries(value).flatMap(([key, inner]) => flatNames(inner, prefix ? `${prefix}.${key}` : key))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An index that may exist already (documents written into it create it otherwise). */
function index(name: string): Resource {
  return { key: `/${name}`, exists: { method: 'HEAD', path: `/${name}` }, remove: [del(`/${name}`)] }
}

function bulkIndices(body: unknown): string[] {
  if (!Array.isArray(body)) return []
  const names = body.flatMap((line) => {
    const action = line && typeof line === 'object' ? Object.values(line as Record<string, unknown>)[0] : undefined
    const name = action && typeof action === 'object' ? (action as { _index?: unknown })._index : undefined
    return typeof name === 'string' && isName(name) ? [name] : []
  })
  return [...new Set(names)]
}

function destinationIndex(body: unknown): string | undefined {
  const name = (body as { dest?: { index?: unknown } } | undefined)?.dest?.index
  return typeof name === 'string' && isName(name) ? name : undefined
}

/** A concrete name: no wildcard, list, date math or unfilled reference. */
function isName(segment: string): boolean {
  return segment !== '' && !/[*,<>{}$]/.test(segment)
}
