/**
 * The server replayed against, read from the environment. Credentials are kept in headers only: the URL
 * that is ever shown (`display`) has none, so messages, errors and summaries cannot leak them.
 */
import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { Agent, type Dispatcher } from 'undici'
import type { SnippetTarget } from '../model/types.js'

export const DEFAULT_URL = 'http://localhost:9200'
export const DEFAULT_KIBANA_URL = 'http://localhost:5601'

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
  /** The user named this server (`ES_URL`, `KIBANA_URL`): when it cannot be reached, tests fail rather than skip. */
  named: boolean
  /** Time for each answer. */
  requestTimeoutMs: number
  /** The server keeps no state (docspec's embedded server): nothing a test creates needs removing. */
  stateless: boolean
}

export type Env = Record<string, string | undefined>

interface Settings {
  url?: string
  apiKey?: string
  username?: string
  password?: string
  ca?: string
}

/** The variables each service is configured by: Kibana's mirror Elasticsearch's. */
const SETTINGS: Record<SnippetTarget, (env: Env) => Settings> = {
  elasticsearch: (env) => ({ url: env.ES_URL, apiKey: env.ES_API_KEY, username: env.ES_USERNAME, password: env.ES_PASSWORD, ca: env.ES_CA_CERT }),
  kibana: (env) => ({ url: env.KIBANA_URL, apiKey: env.KIBANA_API_KEY, username: env.KIBANA_USERNAME, password: env.KIBANA_PASSWORD, ca: env.KIBANA_CA_CERT }),
}

/** The server a variable (or `--target`) names; the error does not repeat the value, which may hold credentials. */
export function serverUrl(value: string, name: string): URL {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new TypeError(`${name} must be an http:// or https:// URL`)
  return url
}

/**
 * The Elasticsearch target (`ES_URL`, `ES_API_KEY`, …) or the Kibana one (`KIBANA_URL`, `KIBANA_API_KEY`, …),
 * which also gets the `kbn-xsrf` header Kibana asks of every API call.
 */
export function targetFromEnv(env: Env = process.env, service: SnippetTarget = 'elasticsearch'): Target {
  const settings = SETTINGS[service](env)
  const url = serverUrl(settings.url || (service === 'kibana' ? DEFAULT_KIBANA_URL : DEFAULT_URL), service === 'kibana' ? 'KIBANA_URL' : 'ES_URL')
  const headers: Record<string, string> = service === 'kibana' ? { 'kbn-xsrf': 'true' } : {}
  const urlUser = decodeURIComponent(url.username)
  const urlPassword = decodeURIComponent(url.password)
  url.username = ''
  url.password = ''
  const username = settings.username || urlUser
  const password = settings.password ?? urlPassword
  if (settings.apiKey) headers.authorization = `ApiKey ${settings.apiKey}`
  else if (username) headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
  const tls = {
    ...(settings.ca ? { ca: readFileSync(settings.ca) } : {}),
    ...(env.DOCSPEC_INSECURE === '1' ? { rejectUnauthorized: false } : {}),
  }
  return {
    url,
    display: displayUrl(url),
    headers,
    dispatcher: new Agent({ connect: tls }),
    loopback: isLoopback(url.hostname),
    allowWrites: env.DOCSPEC_ALLOW_WRITES === '1',
    named: !!settings.url,
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
