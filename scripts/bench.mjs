#!/usr/bin/env node
/**
 * Whole-docs-tree benchmark: `npm run bench` (builds `dist/` first; `-- --repeat N` runs it N times and
 * prints the spread of each ratio).
 *
 * Every figure is a ratio to the floor measured in the same run: a bare, single-thread Asciidoctor `load`
 * of each page's own text (no includes, sourcemap on, no logger, no attributes), the least any
 * Asciidoctor-based extractor must do. Three trees:
 *   - the Elasticsearch reference pages of ../shared/corpus (docs/reference, 122 pages);
 *   - a 2,000-page tree made by replicating them under new names and ids beside the originals (so their
 *     includes still resolve);
 *   - the whole Elasticsearch 7.10 book of ../shared/corpus/es-book (docs/reference and x-pack/docs, the
 *     book's root docs/reference/index.asciidoc, both build.gradle setups files), as a docs CI runs it.
 * On each: extract with a cold cache (one thread, and threads as the CLI picks them), generate with a cold
 * cache (what `docspec generate` does on a fresh clone), the same after one page changed (warm cache), and
 * `docspec replay` of the generated tests against the embedded server, whole and with `--filter` naming one
 * page's test. Also printed: an Asciidoctor load that reads the includes itself (the earlier floor), and on
 * the book the book walk alone. Each phase runs in a fresh Node process (`--phase=…`): times include JIT
 * warm-up but not module loading (replay runs are the whole CLI process, as a user sees them). The floor is
 * measured before and after docspec's phases and the ratios take the mean; beside each wall-time ratio, the
 * ratio of CPU time (every thread's), which a busy machine disturbs less.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpusDocs = path.resolve(projectRoot, '../shared/corpus/elasticsearch/docs')
const book = path.resolve(projectRoot, '../shared/corpus/es-book')
const TREE_PAGES = 2000
// The phases run a snapshot of dist/ taken after the build, so that a rebuild during the benchmark (an
// editor's watch, a test run) cannot change the code between phases or invalidate the cache mid-way.
const snapshot = path.join(projectRoot, 'node_modules/.cache/docspec-bench')
const dist = (module) => import(pathToFileURL(path.join(snapshot, 'dist', module)).href)
const GOALS = { extract: 1.0, generate: 2.0, onePageShare: 0.05, onePageMs: 1000, testsPerSecond: 1000, filterMs: 2000 }

const phaseArg = process.argv.find((a) => a.startsWith('--phase='))
if (phaseArg) await runPhase(phaseArg.slice('--phase='.length), JSON.parse(fs.readFileSync(process.argv[process.argv.indexOf(phaseArg) + 1], 'utf8')))
else await main()

async function main() {
  if (!fs.existsSync(corpusDocs)) {
    console.log(`bench: ${path.relative(process.cwd(), corpusDocs)} not found (the shared corpus is not checked out); nothing to measure.`)
    return
  }
  const repeatArg = process.argv.indexOf('--repeat')
  const repeat = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 1
  const build = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  fs.rmSync(snapshot, { recursive: true, force: true })
  fs.cpSync(path.join(projectRoot, 'dist'), path.join(snapshot, 'dist'), { recursive: true })
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(snapshot, 'package.json'))
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-bench-'))
  try {
    const trees = await makeTrees(work)
    console.log(`bench on ${os.cpus().length} CPU(s), Node ${process.version}`)
    const runs = []
    for (let i = 0; i < repeat; i++) {
      if (repeat > 1) console.log(`\nrun ${i + 1} of ${repeat}`)
      const ratios = {}
      for (const tree of trees) ratios[tree.name] = report(tree, measure(tree, work))
      runs.push(ratios)
    }
    if (repeat > 1) reportSpread(runs)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
    fs.rmSync(snapshot, { recursive: true, force: true })
  }
}

/** The trees measured: inputs, root, setups, the page edited for the one-page rebuild. */
async function makeTrees(work) {
  const corpus = path.join(work, 'corpus')
  fs.cpSync(path.join(corpusDocs, 'reference'), corpus, { recursive: true })
  const tree = path.join(work, 'tree')
  await makeTree(corpus, tree, TREE_PAGES)
  const setups = [path.join(corpusDocs, 'build.gradle')]
  const trees = [
    { name: 'corpus', label: 'the Elasticsearch reference pages', root: corpus, inputs: [corpus], setups, edit: 'rollup/apis/stop-job.asciidoc' },
    { name: 'tree', label: `a ${TREE_PAGES}-page tree made of them`, root: tree, inputs: [tree], setups, edit: 'rollup/apis/stop-job.asciidoc' },
  ]
  if (fs.existsSync(path.join(book, 'docs/reference/index.asciidoc'))) {
    // The book is edited in a copy; its files are read in place otherwise.
    const copy = path.join(work, 'es-book')
    fs.cpSync(book, copy, { recursive: true })
    const inputs = ['docs/reference', 'x-pack/docs'].map((input) => path.join(copy, input))
    trees.push({ name: 'book', label: `the 7.10 book (${path.relative(process.cwd(), book)}: docs/reference x-pack/docs)`, root: copy, inputs, book: true, setups: ['docs/build.gradle', 'x-pack/docs/build.gradle'].map((f) => path.join(copy, f)), edit: 'docs/reference/rollup/apis/stop-job.asciidoc' })
  } else console.log(`bench: ${path.relative(process.cwd(), book)} not found; the book is not measured.`)
  return trees
}

/**
 * Copies the corpus, then adds copies of its pages beside the originals (`name-rN.asciidoc`, every `[[id]]`
 * renamed `id-rN`) until the tree holds `total` pages. Include fragments stay where they are, shared.
 */
async function makeTree(from, to, total) {
  fs.cpSync(from, to, { recursive: true })
  const { extractFiles } = await dist('extract/index.js')
  const { models } = await extractFiles([to], { root: to, attributes: {} })
  const pages = models.map((m) => m.file)
  let count = pages.length
  for (let round = 1; count < total; round++) {
    for (const page of pages) {
      if (count >= total) break
      const text = fs.readFileSync(path.join(to, page), 'utf8').replace(/\[\[([\w.-]+)(\]\]|,)/g, `[[$1-r${round}$2`)
      fs.writeFileSync(path.join(to, page.replace(/(\.\w+)$/, `-r${round}$1`)), text)
      count++
    }
  }
  return count
}

/** Runs a phase in a fresh process; its options go in a file (a book's page list is longer than one argument may be). */
function runChild(phase, options) {
  const optionsFile = path.join(os.tmpdir(), `docspec-bench-${process.pid}.json`)
  fs.writeFileSync(optionsFile, JSON.stringify(options))
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--phase=${phase}`, optionsFile], { encoding: 'utf8', maxBuffer: 1 << 26 })
  fs.rmSync(optionsFile, { force: true })
  if (child.status !== 0) throw new Error(`phase ${phase} failed (${child.error?.message ?? child.signal ?? child.status}):\n${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop())
}

/** Every figure of one tree, each phase in its own process, in one run. */
function measure(tree, work) {
  const out = path.join(work, `out-${tree.name}`)
  const cacheDir = path.join(work, `cache-${tree.name}`)
  const fresh = () => {
    fs.rmSync(out, { recursive: true, force: true })
    fs.rmSync(cacheDir, { recursive: true, force: true })
  }
  const base = { root: tree.root, inputs: tree.inputs, setups: tree.setups }
  const r = { loadavg: os.loadavg()[0] }
  r.pages = runChild('pages', base)
  const floorStart = runChild('floor', { files: r.pages.files })
  r.loadIncludes = runChild(tree.book ? 'book-load' : 'load', { ...base, files: r.pages.files })
  if (tree.book) r.walk = runChild('book-walk', base)
  fresh()
  r.extract = runChild('extract', { ...base, workers: 1, cacheDir })
  fresh()
  r.extractAuto = runChild('extract', { ...base, cacheDir })
  fresh()
  r.generate = runChild('generate', { ...base, out, cacheDir })
  fs.appendFileSync(path.join(tree.root, tree.edit), '\nOne more paragraph for the benchmark.\n')
  r.onePage = runChild('generate', { ...base, out, cacheDir })
  // The floor again after docspec's phases: the machine's load drifts during a run, and the ratios take the mean.
  const floorEnd = runChild('floor', { files: r.pages.files })
  r.floor = { ms: (floorStart.ms + floorEnd.ms) / 2, cpu: (floorStart.cpu + floorEnd.cpu) / 2, runs: [floorStart.ms, floorEnd.ms] }
  r.replay = replay(out, [])
  r.filter = replay(out, ['--filter', r.replay.oneTest])
  r.loadavgAfter = os.loadavg()[0]
  return r
}

/** `docspec replay` of the generated tests against the embedded server, as its own process: tests and wall time. */
function replay(out, extra) {
  const reportFile = path.join(out, '..', 'replay-report.json')
  const started = performance.now()
  const child = spawnSync(process.execPath, [path.join(snapshot, 'dist/cli/main.js'), 'replay', out, '--quiet', '--reporter', 'json', '--output-file', reportFile, ...extra], { encoding: 'utf8' })
  const ms = performance.now() - started
  if (!fs.existsSync(reportFile)) throw new Error(`docspec replay wrote no report (exit ${child.status}):\n${child.stderr}`)
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
  fs.rmSync(reportFile)
  const ran = report.tests.filter((t) => t.state !== 'skipped')
  return { ms, tests: report.tests.length, passed: report.passed, failed: report.failed, skipped: report.skipped, oneTest: (ran[Math.floor(ran.length / 2)] ?? report.tests[0])?.name.split(' › ')[0] + ' ›' }
}

function report(tree, r) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`
  const x = (p) => p.ms / r.floor.ms
  const mark = (ok) => (ok ? 'met' : 'NOT MET')
  // The CPU time of a phase (all its threads) against the floor's: steadier than wall time on a busy machine.
  const cpu = (p) => (p.cpu === undefined ? '' : `cpu ${(p.cpu / r.floor.cpu).toFixed(2)} ×`)
  const row = (label, value, ratio, goal, p = {}) => console.log(`  ${label.padEnd(52)} ${value.padStart(9)}  ${ratio.padStart(16)}  ${cpu(p).padStart(11)}  ${goal}`)
  const threads = r.extractAuto.workers > 1 ? `${r.extractAuto.workers} threads` : '1 thread: threads would not pay'
  console.log(`\n${tree.label}: ${r.pages.models} pages, ${r.pages.snippets} snippets (load average ${r.loadavg.toFixed(1)} before, ${r.loadavgAfter.toFixed(1)} after)`)
  row(`floor: bare Asciidoctor load of each page's own text (${r.floor.runs.map(s).join(' then ')})`, s(r.floor.ms), '1.00 × floor', '', r.floor)
  row('Asciidoctor load that reads the includes itself', s(r.loadIncludes.ms), `${x(r.loadIncludes).toFixed(2)} × floor`, '', r.loadIncludes)
  if (r.walk) row('the book walk alone', s(r.walk.ms), `${x(r.walk).toFixed(2)} × floor`, '', r.walk)
  row('docspec extract, cold cache, 1 thread', s(r.extract.ms), `${x(r.extract).toFixed(2)} × floor`, '', r.extract)
  row(`docspec extract, cold cache (${threads})`, s(r.extractAuto.ms), `${x(r.extractAuto).toFixed(2)} × floor`, `goal ≤ ${GOALS.extract.toFixed(1)}: ${mark(x(r.extractAuto) <= GOALS.extract)}`, r.extractAuto)
  row('docspec generate, cold cache', s(r.generate.ms), `${x(r.generate).toFixed(2)} × floor`, `goal ≤ ${GOALS.generate.toFixed(1)}: ${mark(x(r.generate) <= GOALS.generate)}`, r.generate)
  const share = r.onePage.ms / r.generate.ms
  row(`one page changed, warm cache (${r.onePage.cached} cached)`, s(r.onePage.ms), `${(share * 100).toFixed(1)}% of cold`, `goal ≤ 5%, < 1 s: ${mark(share <= GOALS.onePageShare && r.onePage.ms < GOALS.onePageMs)}`, r.onePage)
  const rate = r.replay.tests / (r.replay.ms / 1000)
  row(`replay, embedded server (${r.replay.tests} tests: ${r.replay.passed} passed, ${r.replay.failed} failed, ${r.replay.skipped} skipped)`, s(r.replay.ms), `${Math.round(rate)} tests/s`, `goal ≥ ${GOALS.testsPerSecond}: ${mark(rate >= GOALS.testsPerSecond)}`)
  row(`replay --filter '${r.replay.oneTest}' (${r.filter.tests} tests)`, s(r.filter.ms), `${x(r.filter).toFixed(2)} × floor`, `goal < 2 s: ${mark(r.filter.ms < GOALS.filterMs)}`)
  return { extract: x(r.extractAuto), extract1: x(r.extract), generate: x(r.generate), onePage: share, onePageMs: r.onePage.ms, testsPerSecond: rate, filterMs: r.filter.ms }
}

function reportSpread(runs) {
  console.log(`\nspread over ${runs.length} runs (min – median – max):`)
  for (const tree of Object.keys(runs[0])) {
    const parts = Object.keys(runs[0][tree]).map((key) => {
      const values = runs.map((run) => run[tree][key]).sort((a, b) => a - b)
      const f = (v) => (key.endsWith('Ms') || key === 'testsPerSecond' ? Math.round(v) : key === 'onePage' ? `${(v * 100).toFixed(1)}%` : v.toFixed(2))
      return `${key} ${f(values[0])} – ${f(values[Math.floor(values.length / 2)])} – ${f(values[values.length - 1])}`
    })
    console.log(`  ${tree}: ${parts.join('; ')}`)
  }
}

/** One measurement, in this (child) process: prints `{ ms, cpu, rss, … }` as the last stdout line (cpu: ms of CPU time, every thread's). */
async function runPhase(phase, options) {
  const run = await phaseRunner(phase, options)
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const detail = await run()
  const ms = performance.now() - started
  const used = process.cpuUsage(cpuStarted)
  console.log(JSON.stringify({ ms, cpu: (used.user + used.system) / 1000, rss: process.resourceUsage().maxRSS, ...detail }))
}

async function phaseRunner(phase, options) {
  const { root, inputs } = options
  if (phase === 'pages') {
    const { extractInputs } = await dist('run/index.js')
    return async () => {
      const { models } = await extractInputs(inputs, { root, cache: false })
      return { files: models.map((m) => path.join(root, m.file)), models: models.length, snippets: models.reduce((n, m) => n + m.examples.length, 0) }
    }
  }
  if (phase === 'floor') {
    const { load, LoggerManager, NullLogger } = await import('@asciidoctor/core')
    const texts = options.files.map((file) => fs.readFileSync(file, 'utf8'))
    return async () => {
      LoggerManager.setLogger(NullLogger.create())
      for (const text of texts) await load(text, { safe: 'secure', sourcemap: true })
    }
  }
  if (phase === 'load' || phase === 'book-load') return loadWithIncludes(phase, options)
  if (phase === 'book-walk') {
    const { bookCandidates, planBooks } = await dist('load/index.js')
    return async () => ({ pages: (await planBooks([], bookCandidates(inputs), { root, attributes: {}, cache: new Map() })).pages.size })
  }
  const cache = options.cacheDir ? { cacheDir: options.cacheDir } : { cache: false }
  if (phase === 'extract') {
    const { extractInputs } = await dist('run/index.js')
    return async () => {
      const r = await extractInputs(inputs, { root, ...cache, ...(options.workers && { workers: options.workers }) })
      return { models: r.models.length, cached: r.cached, workers: r.threads ?? 1 }
    }
  }
  if (phase === 'generate') {
    const { generate } = await dist('run/index.js')
    return async () => {
      const r = await generate(inputs, { root, out: options.out, setupsFile: options.setups, ...cache })
      return { files: r.result.written.length, cached: r.cached }
    }
  }
  throw new Error(`unknown phase ${phase}`)
}

/** Asciidoctor loading each page with includes read by it (unsafe mode), with the attributes docspec gives the page. */
async function loadWithIncludes(phase, { root, inputs, files }) {
  const { load, LoggerManager, NullLogger } = await import('@asciidoctor/core')
  const { baseAttributes, overBuiltins } = await dist('load/attributes.js')
  let attributesOf = () => baseAttributes({}, root)
  if (phase === 'book-load') {
    const { bookCandidates, planBooks } = await dist('load/index.js')
    const plan = await planBooks([], bookCandidates(inputs), { root, attributes: {}, cache: new Map() })
    attributesOf = (file) => (plan.pages.get(file) ? overBuiltins(plan.pages.get(file).attributes) : baseAttributes({}, root))
  }
  const pages = files.map((file) => [file, everyAttribute(attributesOf(file))])
  return async () => {
    LoggerManager.setLogger(NullLogger.create())
    for (const [file, attributes] of pages) {
      await load(fs.readFileSync(file, 'utf8'), { safe: 'unsafe', base_dir: path.dirname(file), sourcemap: true, attributes: { ...attributes, 'attribute-missing': 'skip' } })
    }
  }
}

/** Every attribute a page has, the built-in ones (its attributes' prototype) included, as one plain object. */
function everyAttribute(attributes) {
  const out = {}
  for (const name in attributes) out[name] = attributes[name]
  return out
}
