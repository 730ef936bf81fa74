/**
 * Replay with the doc build's own setups against a recording loopback server that keeps state as a cluster
 * does: the setup requests are sent in order, each test removes what it (and its setups) created and never
 * touches anything else, and pages give the same results in any order. A server that stalls costs one
 * request timeout, with the snippet's own file:line.
 */
import fs from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitReplayTests } from '../../src/emit/replay-tests/index.js'
import { runReplay, type ReplaySummary } from '../../src/replay/run.js'
import { readSetupsFiles } from '../../src/setups/index.js'
import { writeFixture } from '../setups/gradle-fixture.js'
import { options, page, request } from './models.js'

const A = 'a.asciidoc'
const B = 'b.asciidoc'
const pageA = page(A, 'a', [
  { line: 3, role: 'request', text: 'GET /logs/_search', requests: [request(A, 3, 'GET', '/logs/_search')], test: options({ setup: ['logs'] }) },
  {
    line: 7,
    role: 'request',
    text: 'PUT /a-index',
    requests: [request(A, 7, 'PUT', '/a-index'), request(A, 8, 'PUT', '/a-index/_doc/1', { n: 1 })],
    test: options({ setup: ['logs_and_pipeline'], teardown: ['drop_pipeline'] }),
  },
  { line: 12, role: 'request', text: 'GET /x', requests: [request(A, 12, 'GET', '/x')], test: options({ setup: ['unknown_api'] }) },
])
const pageB = page(B, 'b', [
  {
    line: 3,
    role: 'request',
    text: 'PUT /_ingest/pipeline/b-pipe',
    requests: [request(B, 3, 'PUT', '/_ingest/pipeline/b-pipe', { processors: [] }), request(B, 4, 'PUT', '/existing-index/_doc/1', { n: 2 })],
    test: options({ setup: ['logs'] }),
  },
  { line: 9, role: 'request', text: 'PUT /_watcher/watch/my_watch', requests: [request(B, 9, 'GET', '/_watcher/watch/my_watch')], test: options({ setup: ['active'] }) },
])

const BEFORE = ['/existing-index', '/_ingest/pipeline/theirs']
const state = new Set(BEFORE)
const seen: string[] = []

/** A cluster in miniature: indices, pipelines and watches are created, looked up and deleted by path. */
function cluster(req: IncomingMessage, res: ServerResponse): void {
  req.resume()
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://x')
    const key = url.pathname.replace(/\/(_doc|_bulk|_search)(\/.*)?$/, '')
    const reply = (status: number, body: unknown = {}) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (url.pathname === '/stall') return
    if (url.pathname !== '/') seen.push(`${req.method} ${req.url}`)
    if (req.method === 'PUT' && key === url.pathname && !key.startsWith('/_') && state.has(key)) return reply(400, { error: { type: 'resource_already_exists_exception' } })
    if (req.method === 'PUT' || req.method === 'POST') {
      state.add(key)
      return reply(200, { acknowledged: true })
    }
    if (req.method === 'DELETE') return state.delete(key) ? reply(200, { acknowledged: true }) : reply(404)
    if (url.pathname === '/' || url.pathname.endsWith('/_search')) return reply(200, { hits: {} })
    reply(state.has(key) ? 200 : 404, state.has(key) ? { found: true } : {})
  })
}

const server = createServer(cluster)
let url: string
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-clean-'))
  const fixture = writeFixture(dir)
  const { sources } = readSetupsFiles([fixture.gradle], { root: fixture.root, apiSpec: fixture.apiSpec })
  const { files } = await emitReplayTests([pageA, pageB], { scripts: sources })
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, 'out', file.path)), { recursive: true })
    fs.writeFileSync(path.join(dir, 'out', file.path), file.content)
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
  fs.rmSync(dir, { recursive: true, force: true })
})

const outcomes = (summary: ReplaySummary) => Object.fromEntries(summary.tests.map((t) => [t.name, t.message ? `${t.state}: ${t.message}` : t.state]))

describe('replay with build.gradle setups on a cluster that keeps state', () => {
  it('sends the setup steps in order, then the snippet, and removes what the test created', async () => {
    seen.length = 0
    const summary = await runReplay({ dir: path.join(dir, 'out'), target: url, filter: 'a › a.asciidoc:3' })
    expect(outcomes(summary)).toEqual({ 'a › a.asciidoc:3': 'passed' })
    expect(seen).toEqual(['PUT /logs', 'POST /logs/_bulk?refresh=true', 'GET /logs/_search', 'DELETE /logs'])
    expect([...state].sort()).toEqual([...BEFORE].sort())
  })

  it('removes exactly what each page created, leaves what was there, and runs teardowns', async () => {
    seen.length = 0
    const summary = await runReplay({ dir: path.join(dir, 'out'), target: url })
    expect(outcomes(summary)).toEqual({
      'a › a.asciidoc:3': 'passed',
      'a › a.asciidoc:7': 'passed',
      'a › a.asciidoc:12': "skipped: setup unknown_api has a step docspec cannot replay (../build.gradle:52: the API 'indices.no_such_api' is not in the API table)",
      'b › b.asciidoc:3': 'passed',
      'b › b.asciidoc:9': 'passed',
    })
    expect([...state].sort()).toEqual([...BEFORE].sort())
    const deletes = seen.filter((line) => line.startsWith('DELETE')).sort()
    expect(deletes).toEqual([
      'DELETE /_ingest/pipeline/b-pipe',
      'DELETE /_ingest/pipeline/my-pipeline',
      'DELETE /_watcher/watch/my_watch',
      'DELETE /a-index',
      'DELETE /logs',
      'DELETE /logs',
      'DELETE /logs',
    ])
    // The index that existed before was written to, asked about, and left alone.
    expect(seen).toContain('HEAD /existing-index')
    expect(seen).not.toContain('DELETE /existing-index')
  })

  it('gives the same results whatever the order of the pages', async () => {
    const runs = []
    for (const seed of [11, 29]) runs.push(outcomes(await runReplay({ dir: path.join(dir, 'out'), target: url, shuffleSeed: seed })))
    const plain = outcomes(await runReplay({ dir: path.join(dir, 'out'), target: url }))
    expect(runs).toEqual([plain, plain])
    expect([...state].sort()).toEqual([...BEFORE].sort())
  })
})

describe('a server that stops answering', () => {
  it('fails the request after --request-timeout, naming the snippet where it is written', async () => {
    const stall = page('reference/stall.asciidoc', 'stall', [{ line: 5, role: 'request', text: 'GET /stall', requests: [request('reference/included.asciidoc', 2, 'GET', '/stall')] }])
    const out = path.join(dir, 'stall')
    for (const file of (await emitReplayTests([stall], {})).files) {
      fs.mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true })
      fs.writeFileSync(path.join(out, file.path), file.content)
    }
    const started = Date.now()
    const summary = await runReplay({ dir: out, target: url, requestTimeoutMs: 300 })
    expect(summary.failed).toBe(1)
    expect(summary.tests[0]?.message).toBe('GET /stall (reference/included.asciidoc:2): no answer within 0.3 s (--request-timeout)')
    expect(Date.now() - started).toBeLessThan(30_000)
  })
})
