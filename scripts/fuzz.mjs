#!/usr/bin/env node
/**
 * Long fuzz runs: `npm run fuzz -- --runs 5000 --seed 7` (builds `dist/` first).
 *
 * Applies `--runs` hostile recipes (scripts/fuzz/hostile-pages.mjs) to the pages of ../shared/corpus when it is
 * there (else to fixtures/): each page is extracted as `docspec` does (in place under its docs root, or in a
 * folder of its own when the recipe brings include files), timed, and checked — no crash, a model or an include
 * fragment, under `--bound` ms (2000) per 512 KiB of page (a case over it counts as a hang unless its base page,
 * unmutated, is over it too: a book root including hundreds of pages, listed apart). Every `--batch` (200) cases, the models are emitted and written into a
 * scratch `--out` folder, checking that nothing is written outside it. Prints the failures and the slowest
 * inputs; exits 1 when any case failed. `--base-filter TEXT` keeps base pages whose path contains TEXT; `--trace`
 * names each case before it runs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { buildCase, describeRecipe, hostileRecipe, isFragment, writeCase } from './fuzz/hostile-pages.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const runs = Number(arg('runs', 1000))
const seed = Number(arg('seed', Date.now() % 1_000_000))
const bound = Number(arg('bound', 2000))
const batch = Number(arg('batch', 200))
const filter = arg('base-filter', '')
const trace = process.argv.includes('--trace')
const dist = (module) => import(pathToFileURL(path.join(root, 'dist', module)).href)
const { extractFile } = await dist('extract/index.js')
const { emitTypes } = await dist('emit/types/index.js')
const { emitReplayTests } = await dist('emit/replay-tests/index.js')
const { writeOutput } = await dist('emit/write.js')

/** Base pages with the docs root each is read under: the shared corpus, else the fixtures. */
function basePages() {
  const corpus = path.resolve(root, '../shared/corpus')
  const trees = fs.existsSync(corpus)
    ? [path.join(corpus, 'elasticsearch/docs'), path.join(corpus, 'es-book/docs'), path.join(corpus, 'kibana')]
    : [path.join(root, 'fixtures')]
  return trees
    .filter((tree) => fs.existsSync(tree))
    .flatMap((tree) =>
      fs
        .readdirSync(tree, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(asciidoc|adoc)$/.test(f) && f.includes(filter))
        .sort()
        .map((f) => ({ file: path.join(tree, f), root: tree })),
    )
}

const bases = basePages()
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-fuzz-')))
const out = path.join(work, 'out')
const failures = []
const times = []
let pending = []
let count = 0
let models = 0
let fragments = 0
let overBound = 0


const listing = () => fs.readdirSync(work, { recursive: true, encoding: 'utf8' }).filter((f) => f !== 'out' && !f.startsWith(`out${path.sep}`) && !f.startsWith('case-'))

/** How long the base page takes unmutated (a book root including hundreds of pages takes seconds as it is). */
const baselines = new Map()
const slowBases = new Set()
async function baseline(base) {
  if (!baselines.has(base.file)) {
    const started = performance.now()
    await extractFile(base.file, { root: base.root, cache: new Map() })
    baselines.set(base.file, performance.now() - started)
  }
  return baselines.get(base.file)
}

async function runCase(recipe) {
  const base = bases[recipe.base]
  const built = buildCase(fs.readFileSync(base.file), recipe)
  const label = `${path.relative(path.resolve(root, '..'), base.file)} ${describeRecipe(recipe)}`
  // A case that never ends cannot be timed: with --trace, each is named before it runs.
  if (trace) process.stderr.write(`case ${count}: ${label}\n`)
  const started = performance.now()
  try {
    const result = built.local
      ? await extractFile(writeCase(fs.mkdtempSync(path.join(work, 'case-')), built), { root: work, cache: new Map() })
      : await extractFile(base.file, { root: base.root, cache: new Map() }, built.bytes)
    const ms = performance.now() - started
    times.push({ ms, label, bytes: built.bytes.length })
    // The bound is for pages up to 512 KiB; a larger page (mutations duplicate text) gets it per 512 KiB, so that
    // only time growing faster than the page counts as a hang.
    const allowed = bound * Math.max(1, built.bytes.length / (512 * 1024))
    if (ms > bound) overBound++
    if (ms > allowed && (await baseline(base)) > bound) slowBases.add(base.file)
    else if (ms > allowed) failures.push(`hang (${Math.round(ms)} ms, ${built.bytes.length} bytes): ${label}`)
    if (result.model) {
      models++
      pending.push(result.model)
    } else if (isFragment(built.bytes)) fragments++
    else failures.push(`no model, no diagnostic: ${label}`)
  } catch (error) {
    failures.push(`crash: ${label}\n    ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n    ')}`)
  }
  if (++count % batch === 0) await emitBatch()
}

/** Emits and writes the batch's models, as `generate` does; nothing may appear outside `out`. */
async function emitBatch() {
  const before = new Set(listing())
  try {
    const types = await emitTypes(pending)
    const tests = await emitReplayTests(pending, {})
    await writeOutput(out, [...types.files, ...tests.files], { check: false })
  } catch (error) {
    const dump = path.join(os.tmpdir(), `docspec-fuzz-models-${seed}-${count}.json`)
    fs.writeFileSync(dump, JSON.stringify(pending))
    failures.push(`emit crash at case ${count} (models in ${dump}): ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n    ')}`)
  }
  const outside = listing().filter((f) => !before.has(f))
  if (outside.length > 0) failures.push(`written outside --out: ${outside.slice(0, 5).join(', ')}`)
  pending = []
  process.stderr.write(`${count}/${runs} cases, ${failures.length} failure(s)\n`)
}

const started = performance.now()
await fc.assert(
  fc.asyncProperty(hostileRecipe(bases.length), async (recipe) => {
    await runCase(recipe)
    return true
  }),
  { seed, numRuns: runs },
)
if (pending.length > 0) await emitBatch()
fs.rmSync(work, { recursive: true, force: true })

times.sort((a, b) => b.ms - a.ms)
console.log(`fuzz: ${count} cases (seed ${seed}) over ${bases.length} base pages in ${((performance.now() - started) / 1000).toFixed(0)} s`)
console.log(`  ${models} models, ${fragments} fragments, ${failures.length} failure(s); slowest page ${Math.round(times[0]?.ms ?? 0)} ms; ${overBound} page(s) over ${bound} ms, larger than 512 KiB or on a base page listed above, unless listed as a hang`)
if (slowBases.size > 0) {
  const shown = [...slowBases].map((f) => `${path.relative(path.resolve(root, '..'), f)} (${Math.round(baselines.get(f))} ms)`)
  console.log(`  not counted as hangs: cases on ${slowBases.size} base page(s) over the bound unmutated: ${shown.join(', ')}`)
}
console.log('slowest inputs:')
for (const t of times.slice(0, 10)) console.log(`  ${Math.round(t.ms)} ms, ${t.bytes} bytes: ${t.label}`)
if (failures.length > 0) {
  console.log('failures:')
  for (const f of failures.slice(0, 50)) console.log(`  ${f}`)
  process.exitCode = 1
}
