/** Sends replayed requests to the target and reads the answers. */
import { request as send } from 'undici'
import { resolveReferences } from './match.js'
import type { Target } from './target.js'
import type { ReplayBody, ReplayRequest } from './types.js'

export interface ReplayAnswer {
  status: number
  text: string
  /** Texts of the `Warning` headers (the quoted part of `299 Elasticsearch-… "text"`). */
  warnings: string[]
}

const TIMEOUT_MS = 60_000

/**
 * Sends one request. `$body…` references in the body and in path segments are filled from the previous
 * answer, as the docs allow ("any place you can use json").
 */
export async function sendRequest(target: Target, request: ReplayRequest, previous?: ReplayAnswer): Promise<ReplayAnswer> {
  const previousJson = previous ? parseOrUndefined(previous.text) : undefined
  const url = new URL(target.url)
  url.pathname = joinPath(url.pathname, request.path, previousJson)
  for (const [key, value] of Object.entries(request.query)) url.searchParams.append(key, value)
  const { body, contentType } = encodeBody(request.body, previousJson)
  const response = await send(url, {
    method: request.method,
    headers: { ...documentedHeaders(request.headers), ...target.headers, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
    dispatcher: target.dispatcher,
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  })
  return {
    status: response.statusCode,
    text: await response.body.text(),
    warnings: parseWarnings(response.headers.warning),
  }
}

/** Headers a page's example sets are sent, but for credentials (the environment's only) and the body's own. */
const NOT_SENT = new Set(['authorization', 'cookie', 'proxy-authorization', 'host', 'content-type', 'content-length', 'transfer-encoding', 'connection'])

function documentedHeaders(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_SENT.has(name.toLowerCase())))
}

function joinPath(base: string, path: string, previousJson: unknown): string {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const value = segment.startsWith('$body') ? resolveReferences(segment, previousJson) : segment
      return encodeURIComponent(safeDecode(String(value)))
    })
  return `${base.replace(/\/$/, '')}/${segments.join('/')}`
}

function encodeBody(body: ReplayBody | undefined, previousJson: unknown): { body?: string; contentType?: string } {
  if (!body) return {}
  if (body.kind === 'json') return { body: JSON.stringify(resolveReferences(body.json, previousJson)), contentType: 'application/json' }
  if (body.kind === 'ndjson') {
    const lines = body.lines.map((line) => JSON.stringify(resolveReferences(line, previousJson)))
    return { body: `${lines.join('\n')}\n`, contentType: 'application/x-ndjson' }
  }
  return { body: body.text, contentType: 'text/plain' }
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
