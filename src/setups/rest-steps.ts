/**
 * REST-test YAML steps (the language of Elasticsearch's YAML tests, which `build.gradle` setups are written
 * in) → replay steps: `do:` an API by name with its parameters and body, with `catch:`, `headers:` and
 * `warnings:`; `set:` (the `$name` stash); `is_true`, `is_false`, `match`, `length` and comparisons; `skip:`.
 */
import { isSeq, parseDocument, type Node } from 'yaml'
import type { ReplayBody, ReplayRequest, ReplayStep } from '../replay/types.js'
import { chooseMethod, chooseUrl, type Api, type ApiTable } from './api-table.js'
import { lineAt, type MappedText } from './mapped-text.js'

export interface StepContext {
  /** The setups file, relative to the docs root. */
  file: string
  /** The setup's name. */
  name: string
  /** The API table, read on first use. */
  api: () => ApiTable
}

export interface Translated {
  steps: ReplayStep[]
  /** What could not be translated, each at its line. */
  problems: { line: number; message: string }[]
}

const ASSERTIONS = new Set(['is_true', 'is_false', 'match', 'length', 'gt', 'gte', 'lt', 'lte'])
/** `skip: features:` docspec's runner has. */
const FEATURES = new Set(['headers', 'warnings', 'allowed_warnings', 'stash_in_path', 'stash_in_key', 'default_shards', 'node_selector'])
const DO_OPTIONS = new Set(['catch', 'headers', 'warnings', 'allowed_warnings', 'warnings_regex', 'allowed_warnings_regex', 'node_selector'])

/** Translates a named script's YAML steps; problems say where, and a script with problems is not replayed. */
export function restSteps(script: MappedText, context: StepContext): Translated {
  const out: Translated = { steps: [], problems: [] }
  const doc = parseDocument(script.text)
  for (const error of doc.errors) out.problems.push({ line: lineAt(script, error.pos[0]), message: `not YAML: ${error.message.split('\n')[0]}` })
  if (doc.errors.length > 0) return out
  const contents = doc.contents
  if (!isSeq(contents)) {
    out.problems.push({ line: lineAt(script, 0), message: `setup '${context.name}' holds no REST-test steps (a YAML list of do:, set:, match: …)` })
    return out
  }
  for (const item of contents.items as Node[]) {
    const line = lineAt(script, item.range?.[0] ?? 0)
    const step = (item as { toJSON(): unknown }).toJSON() as unknown
    const problem = translateStep(step, { ...context, line }, out.steps)
    if (problem) out.problems.push({ line, message: problem })
  }
  if (out.steps.length === 0 && out.problems.length === 0) out.problems.push({ line: lineAt(script, 0), message: `setup '${context.name}' yields no steps` })
  return out
}

type Place = StepContext & { line: number }

/** Adds the step's replay steps; returns what is wrong with it, if anything. */
function translateStep(step: unknown, place: Place, steps: ReplayStep[]): string | undefined {
  if (!isObject(step) || Object.keys(step).length !== 1) return `a REST-test step is a map with one key (do, set, match, …)`
  const [kind, value] = Object.entries(step)[0]!
  const at = { line: place.line, file: place.file, from: place.name }
  if (kind === 'do') {
    const request = doStep(value, place)
    if (typeof request === 'string') return request
    steps.push({ kind: 'request', ...request })
  } else if (kind === 'set') {
    if (!isObject(value)) return 'set: takes a map of path: name'
    for (const [path, variable] of Object.entries(value)) steps.push({ kind: 'set', ...at, path, variable: String(variable) })
  } else if (ASSERTIONS.has(kind)) {
    const check = kind as Extract<ReplayStep, { kind: 'assert' }>['check']
    if (typeof value === 'string') steps.push({ kind: 'assert', ...at, check, path: value })
    else if (isObject(value)) for (const [path, expected] of Object.entries(value)) steps.push({ kind: 'assert', ...at, check, path, value: expected })
    else return `${kind}: takes a path or a map of path: value`
  } else if (kind === 'skip') {
    const features = isObject(value) ? [value.features ?? []].flat().map(String) : []
    const missing = features.filter((f) => !FEATURES.has(f))
    if (missing.length > 0) return `skip: needs features docspec does not have: ${missing.join(', ')}`
  } else {
    return `the REST-test step '${kind}' is not one docspec replays`
  }
  return undefined
}

/** `do: {api: {params…, body}, catch, headers, warnings}` → a request, or what is wrong with it. */
function doStep(value: unknown, place: Place): Omit<ReplayRequest, never> | string {
  if (!isObject(value)) return 'do: takes a map naming one API'
  const apis = Object.keys(value).filter((k) => !DO_OPTIONS.has(k))
  if (apis.length !== 1) return `do: names ${apis.length === 0 ? 'no API' : `several APIs (${apis.join(', ')})`}`
  const name = apis[0]!
  const params = value[name] ?? {}
  if (!isObject(params)) return `do: ${name} takes a map of parameters`
  const request = name === 'raw' ? rawRequest(params, place) : apiRequest(name, params, place)
  if (typeof request === 'string') return request
  if (typeof value.catch === 'string') request.catch = value.catch
  if (isObject(value.headers)) request.headers = Object.fromEntries(Object.entries(value.headers).map(([k, v]) => [k, String(v)]))
  if (value.warnings !== undefined) request.warnings = [value.warnings].flat().map(String)
  return request
}

function apiRequest(name: string, params: Record<string, unknown>, place: Place): ReplayRequest | string {
  const api = place.api().get(name)
  if (!api) return `the API '${name}' is not in the API table`
  const { body, ...rest } = params
  const given = new Set(Object.keys(rest))
  const url = chooseUrl(api, given)
  if (!url) {
    const fewest = [...api.urls].sort((a, b) => missing(a.parts, given).length - missing(b.parts, given).length)[0]
    return `${name} needs the path part${fewest ? ` ${missing(fewest.parts, given).join(', ')}` : 's'} the step does not give`
  }
  let path = url.path
  const query: Record<string, string> = {}
  for (const [key, v] of Object.entries(rest)) {
    if (url.parts.includes(key)) path = path.replace(`{${key}}`, paramText(v))
    else query[key] = paramText(v)
  }
  const replayBody = body === undefined ? undefined : toBody(body, api)
  return { line: place.line, file: place.file, method: chooseMethod(url, replayBody !== undefined), path, query, ...(replayBody && { body: replayBody }), from: place.name }
}

/** `raw: {method, path, body, …query}`: a request written out. */
function rawRequest(params: Record<string, unknown>, place: Place): ReplayRequest | string {
  const { method, path, body, ...rest } = params
  if (typeof method !== 'string' || typeof path !== 'string') return 'raw: needs method and path'
  const query = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, paramText(v)]))
  const replayBody = body === undefined ? undefined : toBody(body, undefined)
  const upper = method.toUpperCase() as ReplayRequest['method']
  return { line: place.line, file: place.file, method: upper, path: path.startsWith('/') ? path : `/${path}`, query, ...(replayBody && { body: replayBody }), from: place.name }
}

/** A body as the YAML runner sends it: a value as JSON, a JSON string parsed, NDJSON lines for bulk-like APIs. */
function toBody(body: unknown, api: Api | undefined): ReplayBody {
  if (api?.ndjson && (typeof body === 'string' || Array.isArray(body))) {
    const items = typeof body === 'string' ? body.split('\n').filter((l) => l.trim() !== '') : body
    const lines = items.map((item) => (typeof item === 'string' ? parseJson(item) : { ok: true as const, value: item }))
    if (lines.every((l) => l.ok)) return { kind: 'ndjson', lines: lines.map((l) => (l as { value: unknown }).value) }
    return { kind: 'text', text: typeof body === 'string' ? body : (body as unknown[]).map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join('\n') + '\n' }
  }
  if (typeof body !== 'string') return { kind: 'json', json: body }
  const parsed = parseJson(body)
  return parsed.ok ? { kind: 'json', json: parsed.value } : { kind: 'text', text: body }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function paramText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value)
}

function missing(parts: string[], given: ReadonlySet<string>): string[] {
  return parts.filter((p) => !given.has(p))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
