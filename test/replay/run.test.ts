/**
 * End to end: generate replay tests from hand-built models, run them with `runReplay` against a local
 * `node:http` server, and look at the outcomes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitReplayTests } from '../../src/emit/replay-tests/index.js'
import { runReplay, type ReplaySummary } from '../../src/replay/run.js'
import { countPage, options, page, request, rollupStop, SETUPS } from './models.js'

const ERRORS = 'reference/errors.asciidoc'
const errorsPage = page(ERRORS, 'errors', [
  { line: 5, role: 'request', text: 'GET /missing-index', requests: [request(ERRORS, 5, 'GET', '/missing-index')], test: options({ catch: 'missing' }) },
  { line: 9, role: 'request', text: 'GET /_old', requests: [request(ERRORS, 9, 'GET', '/_old')], test: options({ warnings: ['[_old] is deprecated'] }) },
])

type Behaviour = 'documented' | 'different'
let behaviour: Behaviour = 'documented'
const seen: string[] = []
const authorizations: (string | undefined)[] = []

function answer(req: IncomingMessage, res: ServerResponse): void {
  seen.push(`${req.method} ${req.url}`)
  authorizations.push(req.headers.authorization)
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
  }
  const url = req.url ?? '/'
  if (url.startsWith('/_rollup/job/sensor/_stop')) return json(200, { stopped: behaviour === 'documented' })
  if (url.startsWith('/_rollup/')) return json(200, { acknowledged: true })
  if (url.startsWith('/logs-000001/_count')) return json(200, { count: 1, took: 3 })
  if (url === '/missing-index') return json(behaviour === 'documented' ? 404 : 200, { error: 'index_not_found_exception' })
  if (url === '/_old') {
    const warning = behaviour === 'documented' ? '[_old] is deprecated' : 'something else'
    return json(200, {}, { warning: `299 Elasticsearch-8.0.0 "${warning}"` })
  }
  json(200, { name: 'test', version: { number: '8.0.0' } })
}

let dir: string
let url: string
const server = createServer(answer)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docspec-replay-'))
  const { files, diagnostics } = await emitReplayTests([rollupStop, countPage, errorsPage], { setups: SETUPS })
  expect(diagnostics).toEqual([])
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true })
    writeFileSync(join(dir, file.path), file.content)
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((done) => server.close(done))
  rmSync(dir, { recursive: true, force: true })
})

const states = (summary: ReplaySummary) => Object.fromEntries(summary.tests.map((t) => [t.name, t.state]))

describe('runReplay', () => {
  it('passes when the server answers as documented', async () => {
    behaviour = 'documented'
    seen.length = 0
    const summary = await runReplay({ dir, target: url })
    expect(summary.errors).toEqual([])
    expect(states(summary)).toEqual({
      'errors › reference/errors.asciidoc:5': 'passed',
      'errors › reference/errors.asciidoc:9': 'passed',
      'rollup-stop-job › reference/rollup/apis/stop-job.asciidoc:76': 'passed',
      'search-count › reference/search/count.asciidoc:10': 'passed',
    })
    expect(summary).toMatchObject({ target: url, passed: 4, failed: 0, skipped: 0 })
    // Named setup first (asking whether the job exists: this server says it does, so it is not removed after),
    // then the documented request with its query; the substituted index name is used.
    const rollup = seen.filter((line) => line.includes('_rollup'))
    expect(rollup).toEqual([
      'GET /_rollup/job/sensor',
      'PUT /_rollup/job/sensor',
      'POST /_rollup/job/sensor/_start',
      'POST /_rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s',
    ])
    expect(seen).toContain('GET /logs-000001/_count?q=user%3Akimchy')
  })

  it('fails with the diff, the path of the difference and the doc location when answers differ', async () => {
    behaviour = 'different'
    const summary = await runReplay({ dir, target: url })
    expect(states(summary)).toEqual({
      'errors › reference/errors.asciidoc:5': 'failed',
      'errors › reference/errors.asciidoc:9': 'failed',
      'rollup-stop-job › reference/rollup/apis/stop-job.asciidoc:76': 'failed',
      'search-count › reference/search/count.asciidoc:10': 'passed',
    })
    const message = (name: string) => summary.tests.find((t) => t.name === name)?.message ?? ''
    expect(message('rollup-stop-job › reference/rollup/apis/stop-job.asciidoc:76')).toBe(
      [
        'response does not match TESTRESPONSE at reference/rollup/apis/stop-job.asciidoc:85',
        'first difference at $body.stopped: expected true, got false',
        '',
        '--- expected',
        '+++ actual',
        '@@ -1,3 +1,3 @@',
        ' {',
        '-  "stopped": true',
        '+  "stopped": false',
        ' }',
      ].join('\n'),
    )
    expect(message('errors › reference/errors.asciidoc:5')).toContain('GET /missing-index (reference/errors.asciidoc:5): expected 404 (catch:missing), got 200')
    expect(message('errors › reference/errors.asciidoc:9')).toContain('missing warning: "[_old] is deprecated"\nunexpected warning: "something else"')
  })

  it('runs only the tests the filter names', async () => {
    behaviour = 'documented'
    const summary = await runReplay({ dir, target: url, filter: 'search-count' })
    expect(states(summary)).toEqual({ 'search-count › reference/search/count.asciidoc:10': 'passed' })
  })

  it('collects no file when the filter names no test, and sends no request of any', async () => {
    seen.length = 0
    const summary = await runReplay({ dir, target: url, filter: 'no such test' })
    expect(summary).toMatchObject({ passed: 0, failed: 0, skipped: 0, tests: [], errors: [] })
    expect(seen.filter((line) => line !== 'GET /')).toEqual([])
  })

  it('runs the tests side by side against a server that keeps no state, with the same outcomes', async () => {
    behaviour = 'documented'
    const inTurn = await runReplay({ dir, target: url })
    const sideBySide = await runReplay({ dir, target: url, stateless: true })
    expect(states(sideBySide)).toEqual(states(inTurn))
    expect(Object.keys(states(inTurn))).toHaveLength(4)
  })

  it('sends credentials from the target URL but never shows them', async () => {
    behaviour = 'different'
    authorizations.length = 0
    const target = url.replace('http://', 'http://elastic:s3cret@')
    const summary = await runReplay({ dir, target, filter: 'rollup' })
    expect(summary.failed).toBe(1)
    expect(authorizations).toContain(`Basic ${Buffer.from('elastic:s3cret').toString('base64')}`)
    expect(JSON.stringify(summary)).not.toContain('s3cret')
    expect(summary.target).toBe(url)
  })

  it('fails the run, sending nothing, when the server it was given does not answer', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as AddressInfo).port
    await new Promise((done) => closed.close(done))
    const summary = await runReplay({ dir, target: `http://127.0.0.1:${port}` })
    expect(summary).toMatchObject({ passed: 0, failed: 0, skipped: 0, tests: [] })
    expect(summary.unreachable).toBe(`no server reachable at http://127.0.0.1:${port} (ECONNREFUSED)`)
  })

  it('refuses a suite that writes to a non-loopback server, before sending anything', async () => {
    seen.length = 0
    const attempts = globalThis.nonLoopbackAttempts.length
    // 192.0.2.0/24 is TEST-NET-1; the tests' loopback-only guard (test/support) would refuse it anyway.
    const summary = await runReplay({ dir, target: 'http://elastic:s3cret@192.0.2.10:9200' })
    expect(summary.tests).toEqual([])
    expect(summary.refused).toBe(
      'refusing to run: 3 state-changing request(s) would go to http://192.0.2.10:9200, which is not a loopback address; ' +
        'allow them with --allow-writes (or DOCSPEC_ALLOW_WRITES=1). First: PUT /_rollup/job/sensor (setup sensor_started_rollup_job, line 1); ' +
        'POST /_rollup/job/sensor/_start (setup sensor_started_rollup_job, line 3); ' +
        'POST /_rollup/job/sensor/_stop (reference/rollup/apis/stop-job.asciidoc:76)',
    )
    expect(JSON.stringify(summary)).not.toContain('s3cret')
    expect(seen).toEqual([])
    expect(globalThis.nonLoopbackAttempts.length).toBe(attempts)
  })

  it('refuses in the runtime too, when the tests run without the manifest', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'docspec-bare-'))
    try {
      const { files } = await emitReplayTests([rollupStop], { setups: SETUPS })
      for (const file of files.filter((f) => !f.path.endsWith('manifest.json'))) writeFileSync(join(bare, basename(file.path)), file.content)
      const summary = await runReplay({ dir: bare, target: 'http://192.0.2.10:9200' })
      expect(summary.failed).toBe(1)
      expect(summary.tests[0]?.message).toMatch(/^refusing to send 3 state-changing request\(s\) to http:\/\/192\.0\.2\.10:9200/)
      // The replay's own threads run under the tests' loopback-only guard too: allowed, the first connection
      // (the probe) is refused by the guard before it is made.
      const allowed = await runReplay({ dir: bare, target: 'http://192.0.2.10:9200', allowWrites: true })
      expect(allowed.tests[0]?.message).toBe('no server reachable at http://192.0.2.10:9200 (ENOTLOOPBACK)')
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })
})
