/**
 * Requests a careless or hostile client sends: bodies that are not JSON, nest too deep or are huge, HEAD on a
 * GET route, request lines Node refuses before the handler. Each gets Elasticsearch's answer, and a huge body
 * never stalls the other requests. Loopback only.
 */
import { request as httpRequest } from 'node:http'
import net from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMPARED_BODY_BYTES, MAX_JSON_DEPTH, readBody, UNCOMPARED_BODY } from '../../src/serve/body.js'
import { createDocServer } from '../../src/serve/index.js'
import { mlJobs, rollupStopJob } from './models.js'

const server = createDocServer([rollupStopJob(), mlJobs()])
let base = ''
beforeAll(async () => {
  base = await server.listen()
})
afterAll(() => server.close())

const STOP = '/_rollup/job/sensor/_stop'

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(base + STOP, { method: 'POST', body, headers: { 'content-type': contentType } })
  return { status: res.status, json: (await res.json()) as { error?: { type: string; reason: string }; status?: number } }
}

/** Sends raw bytes and returns the raw answer (for what Node refuses before any handler runs). */
function raw(text: string): Promise<string> {
  const { port } = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(text))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('request bodies', () => {
  it('refuses a body that is not JSON with 400 x_content_parse_exception at its line and column', async () => {
    const res = await post('{bad')
    expect(res.status).toBe(400)
    expect(res.json.error).toMatchObject({ type: 'x_content_parse_exception', reason: "[1:2] Unexpected character ('b' (code 98))" })
    const second = await post('{\n  "a": 1\n  "b": 2\n}')
    expect(second.json.error?.reason).toMatch(/^\[3:3\] Unexpected token: was expecting comma/)
    expect((await post('{"a": [1, 2}')).status).toBe(400)
    expect((await post('{"a": 1')).json.error?.reason).toMatch(/Unexpected end-of-input: expected close marker for Object/)
  })

  it('accepts JSON, newline-delimited JSON and bodies sent as text', async () => {
    expect((await post('{"a": [1, {"b": null}]}')).status).toBe(200)
    expect((await post('{"index":{}}\n{"a":1}\n', 'application/x-ndjson')).status).toBe(200)
    expect((await post('not json at all', 'text/plain')).status).toBe(200)
  })

  it(`accepts JSON nested ${MAX_JSON_DEPTH} levels and refuses one level more`, async () => {
    const nested = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)
    expect((await post(nested(MAX_JSON_DEPTH))).status).toBe(200)
    const deeper = await post(nested(MAX_JSON_DEPTH + 1))
    expect(deeper.status).toBe(400)
    expect(deeper.json.error?.reason).toContain(`Document nesting depth (${MAX_JSON_DEPTH + 1}) exceeds the maximum allowed (${MAX_JSON_DEPTH}`)
  })

  it.each([
    ['{"a":[1,-2.5e+3,0,true,false,null,"x\\u00e9\\n",{}],"b":{"c":[]}}', true],
    ['  [1, 2]  \n', true],
    ['{"a":1}\n{"b":2}\n', true],
    ['"\u00e9t\u00e9"', true],
    ['{"a":01}', false],
    ['[1,]', false],
    ['{"a" 1}', false],
    ['{"a":tru}', false],
    ['[-]', false],
    ['[1.]', false],
    ['[1e]', false],
    ['"a\\x"', false],
    ['"\u0001"', false],
    ['"unclosed', false],
    ['[1]]', false],
    ['{,}', false],
  ])('reads %j as JSON: %s', (text, valid) => {
    const read = readBody(text)
    expect('failure' in read ? read.failure.type : 'ok').toBe(valid ? 'ok' : 'x_content_parse_exception')
    if (valid && !text.includes('\n{')) expect((read as { value: unknown }).value).toEqual(JSON.parse(text))
  })

  it('keeps and parses only a body small enough to compare with the examples', () => {
    expect(readBody('{"a":1}')).toEqual({ value: { a: 1 } })
    expect(readBody(`[${'1,'.repeat(COMPARED_BODY_BYTES)}1]`)).toEqual({ value: UNCOMPARED_BODY })
  })

  it('answers a 32 MB JSON array without stalling the event loop, and answers other requests meanwhile', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 })
    const chunk = '{},'.repeat(100_000)
    const { port } = new URL(base)
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: STOP, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode!))
      })
      req.on('error', reject)
      req.write('[')
      for (let i = 0; i < 110; i++) req.write(chunk)
      req.end('{}]')
    })
    delay.enable()
    const other = await fetch(`${base}/_ml/anomaly_detectors`)
    expect(other.status).toBe(200)
    expect(await answered).toBe(200)
    delay.disable()
    // Parsing the whole array at once (34 million values for 68 MB) stalled it for a minute; streaming stalls it for milliseconds.
    expect(delay.max / 1e6).toBeLessThan(1_000)
  })
})

describe('HEAD and what Node refuses', () => {
  it('answers HEAD on a GET route as GET without the body', async () => {
    const res = await fetch(`${base}/_ml/anomaly_detectors`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0)
    expect(await res.text()).toBe('')
  })

  it.each([
    ['a 100 KB path', `GET /${'x/'.repeat(50_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['10,000 query parameters', `GET /_ml/anomaly_detectors?${Array.from({ length: 10_000 }, (_, i) => `p${i}=1`).join('&')} HTTP/1.1\r\nHost: x\r\n\r\n`],
  ])('answers %s with 400 too_long_frame_exception, as Elasticsearch does', async (_, text) => {
    const answer = await raw(text)
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { type: string }; status: number }
    expect(body).toMatchObject({ status: 400, error: { type: 'too_long_frame_exception' } })
  })

  it('answers a malformed request line with an Elasticsearch error', async () => {
    const answer = await raw('BREW\x01 / HTTP/1.1\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('"status":400')
    expect(answer).toContain('x-elastic-product: Elasticsearch')
  })
})
