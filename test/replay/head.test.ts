/** An exists API (HEAD) answered 404 means "does not exist", as the YAML test client reads it: no failure. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { emitReplayTests } from '../../src/emit/replay-tests/index.js'
import { runReplay } from '../../src/replay/run.js'
import { page, request } from './models.js'

const FILE = 'reference/indices/exists.asciidoc'
const exists = page(FILE, 'indices-exists', [
  { line: 3, role: 'request', text: 'HEAD /missing', requests: [request(FILE, 3, 'HEAD', '/missing')] },
  { line: 7, role: 'request', text: 'GET /missing', requests: [request(FILE, 7, 'GET', '/missing')] },
])
const server = createServer((req, res) => res.writeHead(req.url === '/' ? 200 : 404).end())
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docspec-head-'))
  for (const file of (await emitReplayTests([exists], {})).files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true })
    writeFileSync(join(dir, file.path), file.content)
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
})

afterAll(async () => {
  await new Promise((done) => server.close(done))
  rmSync(dir, { recursive: true, force: true })
})

it('passes a HEAD answered 404 and fails a GET answered 404', async () => {
  const summary = await runReplay({ dir, target: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
  expect(summary.tests.map((t) => [t.name, t.state])).toEqual([
    [`indices-exists › ${FILE}:3`, 'passed'],
    [`indices-exists › ${FILE}:7`, 'failed'],
  ])
})
