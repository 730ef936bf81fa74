/**
 * The server replayed against, read from the environment. Credentials are kept in headers only: the URL
 * that is ever shown (`display`) has none, so messages, errors and summaries cannot leak them.
 */
import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { Agent, type Dispatcher } from 'undici'

export const DEFAULT_URL = 'http://localhost:9200'

/** Time for each answer unless `--request-timeout` says otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

export interface Target {
  /** Base URL without credentials. */
  url: URL
  /** The base URL as it may be printed. */
  display: string
  /** Authorization header, when credentials are configured. */
  headers: Record<string, string>
  dispatcher: Dispatcher
  loopback: boolean
  allowWrites: boolean
  /** The user named this server (`ES_URL`): when it cannot be reached, tests fail rather than skip. */
  named: boolean
  /** Time for each answer. */
  requestTimeoutMs: number
  /** The server keeps no state (docspec's embedded server): nothing a test creates needs removing. */
  stateless: boolean
}

export type Env = Record<string, string | undefined>

export function targetFromEnv(env: Env = process.env): Target {
  const url = new URL(env.ES_URL || DEFAULT_URL)
  const headers: Record<string, string> = {}
  const urlUser = decodeURIComponent(url.username)
  const urlPassword = decodeURIComponent(url.password)
  url.username = ''
  url.password = ''
  const username = env.ES_USERNAME || urlUser
  const password = env.ES_PASSWORD ?? urlPassword
  if (env.ES_API_KEY) headers.authorization = `ApiKey ${env.ES_API_KEY}`
  else if (username) headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
  const tls = {
    ...(env.ES_CA_CERT ? { ca: readFileSync(env.ES_CA_CERT) } : {}),
    ...(env.DOCSPEC_INSECURE === '1' ? { rejectUnauthorized: false } : {}),
  }
  return {
    url,
    display: displayUrl(url),
    headers,
    dispatcher: new Agent({ connect: tls }),
    loopback: isLoopback(url.hostname),
    allowWrites: env.DOCSPEC_ALLOW_WRITES === '1',
    named: !!env.ES_URL,
    requestTimeoutMs: Number(env.DOCSPEC_REQUEST_TIMEOUT_MS) > 0 ? Number(env.DOCSPEC_REQUEST_TIMEOUT_MS) : DEFAULT_REQUEST_TIMEOUT_MS,
    stateless: env.DOCSPEC_STATELESS === '1',
  }
}

/** A URL as it may be printed: no credentials, no query, no trailing slash. */
export function displayUrl(url: URL | string): string {
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`.replace(/\/$/, '')
}

/** Loopback by its name alone: `localhost` and loopback addresses; other names (`x.localhost` too) may resolve anywhere. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host.startsWith('::ffff:7f')
  return false
}
