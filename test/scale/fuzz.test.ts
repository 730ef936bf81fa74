/**
 * Property test: pages built from the fixtures by random damage (truncation, duplicated and deleted lines,
 * shuffled blocks, random bytes, very long lines) never crash the loader or the extractor, never take
 * long, and yield a schema-valid model (nothing only for the include fragment, whose tagged regions make
 * it one). Seeded: a failure names the seed and case, and `DOCSPEC_FUZZ_SEED=<seed>` replays it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { extractPage } from '../../src/extract/index.js'
import { loadText } from '../../src/load/index.js'
import type { PageModel } from '../../src/model/types.js'
import { fixturePages, int, MUTATIONS, prng } from './damage.js'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')
const SEED = Number(process.env.DOCSPEC_FUZZ_SEED ?? 20240611)
const CASES = 120
/** The whole property runs in a few seconds: cases stop early past this budget. */
const BUDGET_MS = 8_000
const PAGE_BOUND_MS = 2_000
const MAX_BYTES = 1 << 20

const schema: object = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../src/model/schema.json'), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: true }).compile<PageModel>(schema)

describe(`damaged pages (seed ${SEED})`, () => {
  it('never crash, never hang, always give a valid model or diagnostics', async () => {
    const pages = fixturePages(FIXTURES)
    expect(pages.length).toBeGreaterThan(1)
    const r = prng(SEED)
    const names = Object.keys(MUTATIONS)
    const started = Date.now()
    let ran = 0
    let fragments = 0
    for (let n = 0; n < CASES && Date.now() - started < BUDGET_MS; n++, ran++) {
      const page = pages[int(r, pages.length)]!
      // One to three mutations in a row.
      const applied = Array.from({ length: int(r, 3) + 1 }, () => names[int(r, names.length)]!)
      let input: string | Uint8Array = page.text
      for (const name of applied) input = MUTATIONS[name]!(typeof input === 'string' ? input : Buffer.from(input).toString('latin1'), r)
      // The time bound is for pages up to 1 MB (long lines duplicated can make 10 MB; Asciidoctor alone needs seconds there).
      input = input.slice(0, MAX_BYTES)
      const label = `seed ${SEED} case ${n}: ${path.basename(page.file)} ${applied.join('+')}`
      if (process.env.DOCSPEC_FUZZ_DUMP) fs.writeFileSync(`${process.env.DOCSPEC_FUZZ_DUMP}-${n}`, input)
      const t0 = performance.now()
      let model: PageModel | undefined
      try {
        model = await extractPage(loadText(input, page.file, { root: FIXTURES, cache: new Map() }))
      } catch (error) {
        throw new Error(`${label} crashed: ${(error as Error).stack}`)
      }
      const ms = performance.now() - t0
      expect(ms, `${label} took ${Math.round(ms)} ms`).toBeLessThan(PAGE_BOUND_MS)
      // No model is the answer only for an include fragment; a page whose title damage hid still gets one.
      if (model === undefined) {
        expect(page.text, `${label} gave no model`).toMatch(/\btag::/)
        fragments++
        continue
      }
      expect(validate(model) ? [] : validate.errors, label).toEqual([])
      expect(model.file, label).toBe(path.relative(FIXTURES, page.file))
    }
    expect(ran).toBeGreaterThan(20)
    expect(fragments).toBeLessThan(ran)
  })
})
