/**
 * Property: hostile pages (the fixtures with bytes flipped, cut short, delimiters left open, nesting
 * thousands deep, long lines, include chains, fan-out and cycles, NUL bytes, invalid UTF-8; see
 * scripts/fuzz/hostile-pages.mjs) each give a schema-valid model, or are an include fragment, within a
 * bounded time, without a crash; and `docspec generate` over a tree of them exits 0 or 1 and writes nothing
 * outside `--out`. Seeded (`DOCSPEC_FUZZ_SEED` replays another seed); `npm run fuzz` runs it long.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCase, describeRecipe, hostileRecipe, isFragment, writeCase } from '../../scripts/fuzz/hostile-pages.mjs'
import { extractFile } from '../../src/extract/index.js'
import type { PageModel } from '../../src/model/types.js'
import { ensureBuilt, runCli } from '../cli/run-cli.js'
import { fixturePages } from '../scale/damage.js'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')
const SEED = Number(process.env.DOCSPEC_FUZZ_SEED ?? 1_600_016)
const PAGE_BOUND_MS = 2_000
/** Long lines up to 200 KB keep the property to a few seconds; `npm run fuzz` goes to 1 MB. */
const MAX_LINE = 200_000

const schema: object = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../src/model/schema.json'), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: true }).compile<PageModel>(schema)
const bases = fixturePages(FIXTURES).map((p) => ({ file: p.file, bytes: new Uint8Array(Buffer.from(p.text)) }))

let work: string
beforeAll(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-fuzz-')))
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))


describe(`hostile pages (seed ${SEED})`, () => {
  it('each give a valid model or are a fragment, within the time bound, without a crash', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(hostileRecipe(bases.length, { maxLine: MAX_LINE }), async (recipe) => {
        const base = bases[recipe.base]!
        const built = buildCase(base.bytes, recipe)
        const label = `seed ${SEED} case ${n++}: ${path.basename(base.file)} ${describeRecipe(recipe)}`
        const started = performance.now()
        const result = built.local
          ? await extractFile(writeCase(fs.mkdtempSync(path.join(work, 'case-')), built), { root: work, cache: new Map() })
          : await extractFile(base.file, { root: FIXTURES, cache: new Map() }, built.bytes)
        const ms = performance.now() - started
        expect(ms, `${label} took ${Math.round(ms)} ms`).toBeLessThan(PAGE_BOUND_MS)
        if (!result.model) expect(isFragment(built.bytes), `${label} gave no model and is no fragment`).toBe(true)
        else expect(validate(result.model) ? [] : validate.errors, label).toEqual([])
      }),
      { seed: SEED, numRuns: 60 },
    )
  })

  it('`docspec generate` over a tree of them exits 0 or 1, explains every page and writes only into --out', () => {
    ensureBuilt()
    const tree = path.join(work, 'tree')
    const recipes = fc.sample(hostileRecipe(bases.length, { maxLine: 50_000 }), { seed: SEED, numRuns: 12 })
    const pages = recipes.map((recipe, i) => {
      const built = buildCase(bases[recipe.base]!.bytes, recipe)
      return { built, file: path.relative(tree, writeCase(path.join(tree, `case${i}`), built)) }
    })
    const before = listing(work)
    const out = path.join(work, 'out')
    const run = runCli(['generate', tree, '--root', tree, '--out', out, '--no-cache', '--quiet'], { cwd: work })
    expect([0, 1], run.stderr.slice(-2000)).toContain(run.status)
    expect(listing(work).filter((f) => !before.includes(f) && f !== 'out' && !f.startsWith('out/'))).toEqual([])
    const models = JSON.parse(fs.readFileSync(path.join(out, 'endpoints.json'), 'utf8')) as PageModel[]
    const modelled = new Set(models.map((m) => m.file))
    const silent = pages.filter((p) => !modelled.has(p.file) && !isFragment(p.built.bytes)).map((p) => p.file)
    expect(silent).toEqual([])
  })
})

function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .sort()
}
