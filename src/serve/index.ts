import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { PageModel } from '../model/types.js'
import { documentedApi, failureResponse, type DocRequest, type DocResponse } from './answer.js'
import { JsonBodyReader, readsAsJson, type ReadBody } from './body.js'
import type { EsFailure } from './errors.js'

export { documentedApi, type DocRequest, type DocResponse } from './answer.js'

export interface DocServerOptions {
  log?: (line: string) => void
  /** Largest request body accepted, in bytes; Elasticsearch's `http.max_content_length` default is 100mb. */
  maxBodyBytes?: number
}

export const MAX_BODY_BYTES = 100 * 1024 * 1024
/** Longest stretch the server spends checking one body before it answers other requests. */
const BODY_SLICE_MS = 4
/** Node's limit on the request line and headers together (its `maxHeaderSize` default). */
export const MAX_HEADER_BYTES = 16 * 1024

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

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
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

  // Requests Node refuses before they reach the handler (a 100 KB path, a malformed request line) get
  // Elasticsearch's answer instead of Node's bare one.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => refuseClient(error, socket, log))

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

function refuseClient(error: NodeJS.ErrnoException, socket: Socket, log: (line: string) => void): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy()
    return
  }
  const failure: EsFailure =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? { status: 400, type: 'too_long_frame_exception', reason: `An HTTP line is larger than ${MAX_HEADER_BYTES} bytes.` }
      : { status: 400, type: 'illegal_argument_exception', reason: `malformed HTTP request (${error.code ?? error.message})` }
  const { status, headers, body } = failureResponse({ method: 'GET', query: '' }, failure)
  const head = Object.entries({ ...headers, connection: 'close' }).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  socket.end(`HTTP/1.1 ${status} Bad Request\r\n${head}\r\n${body}`)
  log(`- - ${status} (${error.code ?? 'client error'})`)
}

function send(res: ServerResponse, { status, headers, body }: DocResponse, closing: boolean): void {
  // A request still running at shutdown must not keep its connection (and so `close`) alive.
  res.writeHead(status, closing ? { ...headers, connection: 'close' } : headers)
  res.end(body)
}

/**
 * The body, checked chunk by chunk as it arrives (see `JsonBodyReader`), or undefined once it grows past
 * `limit` bytes (the rest is read and dropped unchecked).
 */
function readBody(req: IncomingMessage, limit: number): Promise<ReadBody | undefined> {
  return new Promise((resolve, reject) => {
    const reader = new JsonBodyReader(readsAsJson(req.headers['content-type']))
    let size = 0
    let slice = performance.now()
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) reader.write(chunk)
      // A stream in flowing mode hands over every chunk already buffered in one go: past a few milliseconds
      // of checking, the body waits for the next turn of the event loop and other requests are answered.
      if (performance.now() - slice < BODY_SLICE_MS) return
      req.pause()
      setImmediate(() => {
        slice = performance.now()
        req.resume()
      })
    })
    req.on('end', () => resolve(size > limit ? undefined : reader.end()))
    req.on('error', reject)
  })
}
