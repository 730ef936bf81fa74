/** Sends replayed requests to the target and reads the answers. */
import { request as send, type Dispatcher } from 'undici'
import { resolveReferences } from './match.js'
import { unstash, unstashString, type Stash } from './stash.js'
import { DEFAULT_REQUEST_TIMEOUT_MS, type Target } from './target.js'
import type { ReplayBody, ReplayRequest } from './types.js'

export interface ReplayAnswer {
  status: number
  text: string
  /** Texts of the `Warning` headers (the quoted part of `299 Elasticsearch-… "text"`). */
  warnings: string[]
  /** The answer came from docspec's embedded server, for a route no page documents. */
  undocumented?: boolean
}

/** The header docspec's embedded server puts on answers to routes no page documents. */
export const UNDOCUMENTED_HEADER = 'x-docspec-undocumented'

/** A request ready to send: references filled in; `segments` and `value` are what its path and body hold. */
export interface Prepared {
  method: string
  url: URL
  headers: Record<string, string>
  body?: string
  segments: string[]
  value?: unknown
}

/** Thrown when the server does not answer in time. */
export class RequestTimeout extends Error {}

export interface SendOptions {
  /** The last answer, for `$body…` references. */
  previous?: ReplayAnswer | undefined
  /** Values kept by `set:` steps, for `$name` references. */
  stash?: Stash
  /** Time for the whole answer; default 30 s. */
  timeoutMs?: number
}

/**
 * Sends one request. `$body…` references in the body and in path segments are filled from the previous
 * answer, as the docs allow ("any place you can use json"), and `$name` from the stash.
 */
export async function sendRequest(target: Target, request: ReplayRequest, options: SendOptions = {}): Promise<ReplayAnswer> {
  return exchange(target, prepareRequest(target, request, options), options.timeoutMs)
}

/** The request with `$body…` and `$name` references filled in, as it will be sent. */
export function prepareRequest(target: Target, request: ReplayRequest, options: Omit<SendOptions, 'timeoutMs'> = {}): Prepared {
  const previous = previousAnswer(options.previous)
  const stash = options.stash ?? new Map()
  const url = new URL(target.url)
  const segments = pathSegments(request.path, previous, stash)
  url.pathname = `${url.pathname.replace(/\/$/, '')}/${segments.map(encodeURIComponent).join('/')}`
  for (const [key, value] of Object.entries(request.query)) url.searchParams.append(key, String(unstashString(value, stash)))
  const { body, value, contentType } = encodeBody(request.body, previous, stash)
  const headers = { ...documentedHeaders(request.headers), ...target.headers, ...(contentType ? { 'content-type': contentType } : {}) }
  return { method: request.method, url, headers, segments, ...(body !== undefined && { body }), ...(value !== undefined && { value }) }
}

/** The previous answer's JSON, parsed only if a `$body…` reference asks for it (answers can be large; most requests name none). */
function previousAnswer(answer: ReplayAnswer | undefined): () => unknown {
  let parsed: { json: unknown } | undefined
  return () => (parsed ??= { json: answer ? parseOrUndefined(answer.text) : undefined }).json
}

/** Sends a request and reads the whole answer within the time given. */
export async function exchange(
  target: Target,
  request: { method: string; url: URL; headers?: Record<string, string>; body?: string },
  timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
): Promise<ReplayAnswer> {
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    // undici closes the connection after a GET or DELETE that has a body, which Elasticsearch's APIs take
    // (`GET /_search {…}`): the content-length frames it, so the connection is kept.
    const response = await send(request.url, { method: request.method as Dispatcher.HttpMethod, headers: request.headers ?? target.headers, body: request.body ?? null, dispatcher: target.dispatcher, signal, ...(request.body !== undefined && { reset: false }) })
    const text = await response.body.text()
    return { status: response.statusCode, text, warnings: parseWarnings(response.headers.warning), ...(response.headers[UNDOCUMENTED_HEADER] !== undefined && { undocumented: true }) }
  } catch (error) {
    if (signal.aborted) throw new RequestTimeout(`no answer within ${timeoutMs / 1000} s (--request-timeout)`)
    throw error
  }
}

/** Headers a page's example or a setup step sets are sent, but for credentials (the environment's only) and the body's own. */
const NOT_SENT = new Set(['authorization', 'cookie', 'proxy-authorization', 'host', 'content-type', 'content-length', 'transfer-encoding', 'connection'])

function documentedHeaders(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_SENT.has(name.toLowerCase())))
}

function pathSegments(path: string, previous: () => unknown, stash: Stash): string[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const value = segment.startsWith('$body') ? resolveReferences(segment, previous()) : unstashString(safeDecode(segment), stash)
      return safeDecode(String(value))
    })
}

function encodeBody(body: ReplayBody | undefined, previous: () => unknown, stash: Stash): { body?: string; value?: unknown; contentType?: string } {
  if (!body) return {}
  if (body.kind === 'json') {
    const value = withReferences(unstash(body.json, stash), previous)
    return { body: asWritten(body.exact, body.json, value) ?? JSON.stringify(value), value, contentType: 'application/json' }
  }
  if (body.kind === 'ndjson') {
    const lines = body.lines.map((line) => withReferences(unstash(line, stash), previous))
    const text = asWritten(body.exact, body.lines, lines) ?? `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`
    return { body: text, value: lines, contentType: 'application/x-ndjson' }
  }
  return { body: body.text, contentType: 'text/plain' }
}

/** A body value with its `$body…` references filled in; one without any (most) is left as it is. */
function withReferences(value: unknown, previous: () => unknown): unknown {
  return mentionsBody(value) ? resolveReferences(value, previous()) : value
}

function mentionsBody(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('$body')
  if (Array.isArray(value)) return value.some(mentionsBody)
  if (value !== null && typeof value === 'object') return Object.values(value).some(mentionsBody)
  return false
}

/** The body as written, for integers a number cannot hold, unless a reference changed the value. */
function asWritten(exact: string | undefined, written: unknown, value: unknown): string | undefined {
  return exact !== undefined && JSON.stringify(written) === JSON.stringify(value) ? exact : undefined
}

const WARNING = /\d{3} \S+ "((?:[^"\\]|\\.)*)"/g

export function parseWarnings(header: string | string[] | undefined): string[] {
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header]
  return values.flatMap((value) => [...value.matchAll(WARNING)].map((match) => match[1]!.replace(/\\(.)/g, '$1')))
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
