import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { PageModel } from '../model/types.js'
import { errorBody, illegalArgument, type EsFailure } from './errors.js'
import { chooseExample, exampleBody, pageExamples, type Example, type Incoming } from './examples.js'
import type { ServedBody } from './doc-json.js'
import { filterPath } from './filter-path.js'
import { breaksRule, enforcedPathRules } from './path-rules.js'
import { preferredAnswer, preferredStatus } from './prefer.js'
import { checkQuery, queryPolicy, type QueryPolicy } from './query-params.js'
import { buildRoutes, type Match } from './routes.js'

export interface DocServerOptions {
  log?: (line: string) => void
  /** Largest request body accepted, in bytes; Elasticsearch's `http.max_content_length` default is 100mb. */
  maxBodyBytes?: number
}

const MAX_BODY_BYTES = 100 * 1024 * 1024

export interface DocServer {
  /** Starts listening; resolves to the base URL. Defaults: loopback `127.0.0.1`, an ephemeral port. */
  listen(port?: number, host?: string): Promise<string>
  /** Stops accepting connections and resolves once open ones are done. */
  close(): Promise<void>
}

interface Answer {
  status: number
  body: ServedBody
  headers?: Record<string, string>
}

const failed = (failure: EsFailure, headers?: Record<string, string>): Answer => ({
  status: failure.status,
  body: { json: errorBody(failure) },
  headers,
})

/** The body's text, or undefined once it grows past `limit` bytes (the rest is read and dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The request body as JSON (or NDJSON lines) when it parses, else its text; undefined when empty. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    try {
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown)
    } catch {
      return text
    }
  }
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/**
 * Serves the documented API from endpoint models alone: every endpoint routed, requests checked the way
 * Elasticsearch checks them, answers taken from the page's examples.
 */
export function createDocServer(models: PageModel[], options: DocServerOptions = {}): DocServer {
  const log = options.log ?? (() => undefined)
  const routes = buildRoutes(models)
  for (const note of routes.notes) log(`route skipped: ${note}`)
  const examples = new Map<PageModel, Example[]>(models.map((m) => [m, pageExamples(m, routes)]))
  const rules = new Map(models.map((m) => [m, enforcedPathRules(m, routes)]))
  const policies = new Map<PageModel, QueryPolicy>(models.map((m) => [m, queryPolicy(m)]))

  /** The refusal Elasticsearch would give for this request's parameters, if any. */
  function refusal(match: Match, path: string, query: Incoming['query']): EsFailure | undefined {
    const { model } = match.route
    const failure = checkQuery(path, query, policies.get(model)!, Object.keys(match.params))
    if (failure) return failure
    const enforced = rules.get(model)!
    for (const [name, value] of Object.entries(match.params)) {
      const found = enforced.get(name)
      if (found && breaksRule(found.param, found.rule, value)) {
        return illegalArgument(`Invalid ${name} [${value}]: ${found.rule.text}`)
      }
    }
    return undefined
  }

  async function answer(req: IncomingMessage): Promise<Answer> {
    const url = req.url ?? '/'
    const queryAt = url.indexOf('?')
    const pathname = queryAt < 0 ? url : url.slice(0, queryAt)
    const query = [...new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1))]
    const method = req.method ?? 'GET'
    const path = decodedPath(pathname)
    const text = await readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES)
    if (text === undefined) return failed({ status: 413, type: 'illegal_argument_exception', reason: `request body is larger than ${options.maxBodyBytes ?? MAX_BODY_BYTES} bytes (http.max_content_length)` })
    const body = parseBody(text)

    if (method === 'OPTIONS') {
      // Elasticsearch answers OPTIONS itself, listing the path's methods.
      const allowed = routes.methods(pathname)
      return { status: 200, body: { text: '' }, headers: allowed.length > 0 ? { allow: allowed.join(',') } : {} }
    }
    const match = routes.find(method, pathname)
    if (!match) {
      const allowed = routes.methods(pathname)
      if (allowed.length === 0) {
        return failed({
          status: 404,
          type: 'resource_not_found_exception',
          reason: `no handler found for uri [${path}] and method [${method}]`,
        })
      }
      return failed(
        illegalArgument(
          `Incorrect HTTP method for uri [${path}] and method [${method}], allowed: [${allowed.join(', ')}]`,
          405,
        ),
        { allow: allowed.join(',') },
      )
    }

    const failure = refusal(match, path, query)
    if (failure) return failed(failure)

    const incoming: Incoming = { match, query, body }
    const pageExamplesList = examples.get(match.route.model) ?? []
    let status: number | undefined
    const preferred = preferredStatus(req.headers.prefer)
    if (preferred !== undefined) {
      const wanted = preferredAnswer(preferred, match.route, pageExamplesList)
      if (wanted.kind === 'failure') return failed(wanted.failure)
      if (wanted.kind === 'example') {
        return { status: wanted.example.status, body: exampleBody(wanted.example, incoming) }
      }
      status = wanted.status
    }
    // A preferred success status asks for a success answer, even to a request documented as failing.
    const candidates = status === undefined ? pageExamplesList : pageExamplesList.filter((e) => e.status < 300)
    const example = chooseExample(candidates, incoming)
    const answered: Answer = example
      ? { status: status ?? example.status, body: exampleBody(example, incoming) }
      : { status: status ?? 200, body: { json: { acknowledged: true } } }
    const filter = query.find(([name]) => name === 'filter_path')?.[1]
    if (filter && 'json' in answered.body) answered.body = { json: filterPath(answered.body.json, filter) }
    return answered
  }

  let closing = false

  function send(req: IncomingMessage, res: ServerResponse, { status, body, headers }: Answer): void {
    const params = new URLSearchParams((req.url ?? '').split('?')[1] ?? '')
    const pretty = params.has('pretty') && params.get('pretty') !== 'false'
    const text =
      'json' in body ? JSON.stringify(body.json, null, pretty ? 2 : undefined) + (pretty ? '\n' : '') : body.text
    res.writeHead(status, {
      'content-type': 'json' in body ? 'application/json' : 'text/plain; charset=UTF-8',
      // Official Elasticsearch clients refuse servers that do not say they are Elasticsearch.
      'x-elastic-product': 'Elasticsearch',
      'content-length': Buffer.byteLength(text),
      // A request still running at shutdown must not keep its connection (and so `close`) alive.
      ...(closing ? { connection: 'close' } : {}),
      ...headers,
    })
    res.end(req.method === 'HEAD' ? undefined : text)
  }

  const server = createServer((req, res) => {
    const started = performance.now()
    res.on('finish', () => {
      log(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`)
    })
    answer(req).then(
      (result) => send(req, res, result),
      (error: unknown) => {
        log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        send(req, res, failed({ status: 500, type: 'exception', reason: String(error) }))
      },
    )
  })

  return {
    listen(port = 0, host = '127.0.0.1') {
      closing = false
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const address = server.address() as AddressInfo
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
          resolve(`http://${shownHost}:${address.port}`)
        })
      })
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve()
        closing = true
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive connections would hold `close` open until they time out.
        server.closeIdleConnections()
      })
    },
  }
}
