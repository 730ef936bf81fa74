/** The two seed fixtures through the whole pipeline: extract, generate replay tests, replay them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitReplayTests } from '../../src/emit/replay-tests/index.js'
import { extractFiles } from '../../src/extract/index.js'
import { runReplay } from '../../src/replay/run.js'

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures')
const setups = { sensor_started_rollup_job: 'PUT _rollup/job/sensor\n{"index_pattern": "sensor-*", "rollup_index": "sensor_rollup"}\n\nPOST _rollup/job/sensor/_start' }
const seen: string[] = []
const server = createServer((req, res) => {
  seen.push(`${req.method} ${req.url}`)
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.url?.includes('_stop') ? { stopped: true } : { acknowledged: true }))
})
let dir: string
let emitted: Awaited<ReturnType<typeof emitReplayTests>>

beforeAll(async () => {
  const seeds = ['rollup-stop-job.asciidoc', 'stop-dfanalytics-damaged.asciidoc'].map((name) => join(fixtures, name))
  const { models } = await extractFiles(seeds, { root: fixtures })
  emitted = await emitReplayTests(models, { setups })
  dir = mkdtempSync(join(tmpdir(), 'docspec-fixtures-'))
  for (const file of emitted.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true })
    writeFileSync(join(dir, file.path), file.content)
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
})

afterAll(async () => {
  await new Promise((done) => server.close(done))
  rmSync(dir, { recursive: true, force: true })
})

describe('seed fixtures', () => {
  it('generate one test file with their data, without diagnostics', () => {
    expect(emitted.files.map((f) => f.path)).toEqual(['replay/root.test.ts', 'replay/root.json', 'replay/manifest.json'])
    expect(emitted.diagnostics).toEqual([])
  })

  it('replay: the rollup example runs after its named setup, the damaged page is skipped as documented', async () => {
    const summary = await runReplay({ dir, target: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
    expect(summary.errors).toEqual([])
    expect(summary.tests.map((t) => [t.name, t.state])).toEqual([
      ['rollup-stop-job › rollup-stop-job.asciidoc:77', 'passed'],
      ['stop-dfanalytics › stop-dfanalytics-damaged.asciidoc:1', 'skipped'],
    ])
    expect(summary.tests[1]?.message).toBe('TBD')
    expect(seen.filter((line) => line !== 'GET /')).toEqual([
      'GET /_rollup/job/sensor',
      'PUT /_rollup/job/sensor',
      'POST /_rollup/job/sensor/_start',
      'POST /_rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s',
    ])
  })
})
