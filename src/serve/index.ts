import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { PageModel } from '../model/types.js'
import { documentedApi, failureResponse, type DocRequest, type DocResponse } from './answer.js'

export { documentedApi, type DocRequest, type DocResponse } from './answer.js'

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

/**
 * Serves the documented API (`documentedApi`, which answers a request without a socket) over HTTP: reads
 * each request, answers it, logs one line per request.
 */
export function createDocServer(models: PageModel[], options: DocServerOptions = {}): DocServer {
  const log = options.log ?? (() => undefined)
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES
  const api = documentedApi(models)
  for (const note of api.notes) log(`route skipped: ${note}`)
  let closing = false

  const server = createServer((req, res) => {
    const started = performance.now()
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`))
    const url = req.url ?? '/'
    const queryAt = url.indexOf('?')
    const head = { method: req.method ?? 'GET', path: queryAt < 0 ? url : url.slice(0, queryAt), query: queryAt < 0 ? '' : url.slice(queryAt + 1) }
    respond(req, head, limit, api.answer).then(
      (response) => send(res, response, closing),
      (error: unknown) => {
        log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        send(res, failureResponse(head, { status: 500, type: 'exception', reason: String(error) }), closing)
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

/** Reads the request and answers it; a body over the limit is refused as Elasticsearch refuses it. */
async function respond(req: IncomingMessage, head: Pick<DocRequest, 'method' | 'path' | 'query'>, limit: number, answer: (request: DocRequest) => DocResponse): Promise<DocResponse> {
  const body = await readBody(req, limit)
  if (body === undefined) {
    return failureResponse(head, { status: 413, type: 'illegal_argument_exception', reason: `request body is larger than ${limit} bytes (http.max_content_length)` })
  }
  return answer({ ...head, headers: req.headers, body })
}

function send(res: ServerResponse, { status, headers, body }: DocResponse, closing: boolean): void {
  // A request still running at shutdown must not keep its connection (and so `close`) alive.
  res.writeHead(status, closing ? { ...headers, connection: 'close' } : headers)
  res.end(body)
}

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
