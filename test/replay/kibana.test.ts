/**
 * Kibana examples end to end: pages of test/fixtures/kibana are extracted, their replay tests generated and
 * run with `runReplay`; `// KIBANA` requests go to `KIBANA_URL` (a local server) with `kbn-xsrf`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitReplayTests } from '../../src/emit/replay-tests/index.js'
import { planPage } from '../../src/emit/replay-tests/plan.js'
import { extractFiles } from '../../src/extract/index.js'
import { sendRequest } from '../../src/replay/http.js'
import { runReplay } from '../../src/replay/run.js'
import { DEFAULT_KIBANA_URL, targetFromEnv } from '../../src/replay/target.js'
import type { ReplayManifest } from '../../src/replay/types.js'

const ROOT = path.resolve(import.meta.dirname, '../fixtures/kibana')
const { models } = await extractFiles([path.join(ROOT, 'gadgets')], { root: ROOT })

describe('the Kibana target', () => {
  it('reads KIBANA_* variables, defaults to localhost:5601 and always sends kbn-xsrf', () => {
    expect(targetFromEnv({}, 'kibana')).toMatchObject({ display: DEFAULT_KIBANA_URL, headers: { 'kbn-xsrf': 'true' }, loopback: true })
    const withKey = targetFromEnv({ KIBANA_URL: 'https://kb.example:5601', KIBANA_API_KEY: 'k', ES_API_KEY: 'es' }, 'kibana')
    expect(withKey).toMatchObject({ display: 'https://kb.example:5601', headers: { 'kbn-xsrf': 'true', authorization: 'ApiKey k' }, loopback: false })
    // Elasticsearch's credentials stay Elasticsearch's.
    expect(targetFromEnv({ ES_API_KEY: 'es' }, 'kibana').headers.authorization).toBeUndefined()
    expect(targetFromEnv({ KIBANA_URL: 'http://u:p@127.0.0.1:1' }, 'kibana').headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`)
  })
})

describe('planning', () => {
  it('replays // KIBANA snippets with their target and headers, and lists their writes apart', async () => {
    const create = models.find((m) => m.file === 'gadgets/create.asciidoc')!
    const { plan } = planPage(create, [{ setups: {}, teardowns: {} }])
    expect(plan!.tests).toMatchObject([
      { name: 'gadgets-api-create › gadgets/create.asciidoc:74', steps: [{ kind: 'request', method: 'POST', path: '/api/gadgets/gadget/g-1', target: 'kibana', headers: { 'kbn-xsrf': 'true' } }, { kind: 'response', line: 86 }] },
    ])
    const { files } = await emitReplayTests(models, { setups: {} })
    const manifest = JSON.parse(files.find((f) => f.path.endsWith('manifest.json'))!.content) as ReplayManifest
    expect(manifest.pages.map((p) => [p.id, p.writes.length, p.kibanaWrites?.length])).toEqual([
      ['gadgets-api-create', 1, 1],
      ['find-gadgets-api', 1, 1],
    ])
  })
})

describe('replaying against Kibana', () => {
  const seen: { service: string; line: string; xsrf?: string; type?: string; authorization?: string; version?: string }[] = []
  const serve = (service: string) => (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ service, line: `${req.method} ${req.url}`, xsrf: req.headers['kbn-xsrf'] as string | undefined, type: req.headers['content-type'], authorization: req.headers.authorization, version: req.headers['elastic-api-version'] as string | undefined })
    const url = req.url ?? '/'
    const body = url.startsWith('/api/gadgets/gadget/g-1?') ? { id: 'g-1', name: 'Gadget one' } : url.startsWith('/api/gadgets/_find') ? [{ id: 'g-1' }, { id: 'g-2' }] : { ok: true }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
  const kibana = createServer(serve('kibana'))
  const elasticsearch = createServer(serve('elasticsearch'))
  let dir: string
  const urlOf = (server: typeof kibana) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'docspec-kibana-'))
    const { files } = await emitReplayTests(models, { setups: {} })
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true })
      writeFileSync(path.join(dir, file.path), file.content)
    }
    await Promise.all([kibana, elasticsearch].map((s) => new Promise<void>((done) => s.listen(0, '127.0.0.1', done))))
  })
  afterAll(async () => {
    await Promise.all([kibana, elasticsearch].map((s) => new Promise((done) => s.close(done))))
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends every Kibana example to KIBANA_URL with kbn-xsrf, and checks the documented answers', async () => {
    const summary = await runReplay({ dir, target: urlOf(elasticsearch), kibanaTarget: urlOf(kibana) })
    expect(summary.errors).toEqual([])
    expect(summary.tests.map((t) => `${t.state} ${t.name}`).sort()).toEqual(['passed find-gadgets-api › gadgets/find.asciidoc:39', 'passed find-gadgets-api › gadgets/find.asciidoc:55', 'passed gadgets-api-create › gadgets/create.asciidoc:74'])
    const calls = seen.filter((s) => s.line !== 'GET /')
    expect(calls.map((s) => `${s.service} ${s.line} ${s.xsrf}`).sort()).toEqual([
      'kibana DELETE /api/gadgets/gadget/g-1 true',
      'kibana GET /api/gadgets/_find?ids=%5B%22g-1%22%2C%22g-2%22%5D&per_page=5 true',
      'kibana POST /api/gadgets/gadget/g-1?overwrite=true true',
    ])
    expect(calls.find((s) => s.line.startsWith('POST'))!.type).toBe('application/json')
    // Elasticsearch, named, is only asked whether it answers (GET /).
    expect(seen.some((s) => s.service === 'elasticsearch' && s.line !== 'GET /')).toBe(false)
  })

  it("sends the example's own headers, but never its credentials", async () => {
    seen.length = 0
    const target = targetFromEnv({ KIBANA_URL: urlOf(kibana) }, 'kibana')
    const headers = { authorization: 'Basic ZG9jOmRvYw==', 'elastic-api-version': '2023-10-31', 'content-type': 'text/plain' }
    await sendRequest(target, { line: 1, method: 'GET', path: '/api/status', query: {}, target: 'kibana', headers })
    expect(seen).toEqual([{ service: 'kibana', line: 'GET /api/status', xsrf: 'true', type: undefined, authorization: undefined, version: '2023-10-31' }])
  })

  it('refuses up front to write to a Kibana that is not on loopback, sending nothing', async () => {
    seen.length = 0
    const attempts = globalThis.nonLoopbackAttempts.length
    const summary = await runReplay({ dir, target: urlOf(elasticsearch), kibanaTarget: 'https://kibana.example.invalid:5601' })
    expect(summary.refused).toMatch(/^refusing to run: 2 state-changing request\(s\) would go to https:\/\/kibana\.example\.invalid:5601/)
    expect(summary.tests).toEqual([])
    expect(seen).toEqual([])
    expect(globalThis.nonLoopbackAttempts.length).toBe(attempts)
  })
})
