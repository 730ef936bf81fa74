import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as docspec from '../../src/index.js'

const root = path.resolve(import.meta.dirname, '../..')
const FIXTURES = path.join(root, 'fixtures')

describe('the package as a library', () => {
  it('maps every entry of package.json `exports` and `bin` to a source module the build compiles', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string>; bin: Record<string, string> }
    const targets = [...Object.values(pkg.exports), ...Object.values(pkg.bin)].filter((t) => t.endsWith('.js'))
    expect(targets.length).toBeGreaterThanOrEqual(3)
    for (const target of targets) expect(fs.existsSync(path.join(root, target.replace(/^(\.\/)?dist\//, 'src/').replace(/\.js$/, '.ts'))), target).toBe(true)
  })

  it('chains the stages the CLI chains: extract → types and replay tests', async () => {
    const { models } = await docspec.extractFiles([path.join(FIXTURES, 'rollup-stop-job.asciidoc')], { root: FIXTURES })
    expect(models.map((m) => m.id)).toEqual(['rollup-stop-job'])
    const types = await docspec.emitTypes(models)
    expect(types.files.map((f) => f.path)).toEqual(['types/_common.ts', 'types/RollupStopJob.ts', 'index.ts', 'endpoints.json'])
    const tests = await docspec.emitReplayTests(models, { setups: { sensor_started_rollup_job: 'POST _rollup/job/sensor/_start' } })
    expect(tests.files.map((f) => f.path)).toEqual(['replay/root.test.ts', 'replay/root.json', 'replay/manifest.json'])
    expect(tests.diagnostics).toEqual([])
  })
})
