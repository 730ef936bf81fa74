#!/usr/bin/env node
/**
 * Whole-docs-tree benchmark: `npm run bench` (builds `dist/` first).
 *
 * Over the Elasticsearch reference pages in ../shared (124 files) and over a 2,000-page tree made by
 * replicating them under new names and ids beside the originals (so their includes still resolve), it
 * measures, on the same files:
 *   (a) bare Asciidoctor `load` of each file (includes resolved by Asciidoctor, the same attributes,
 *       sourcemap on): the floor of any Asciidoctor-based extractor;
 *   (b) docspec extract (one thread, then worker threads);
 *   (c) docspec generate without cache: extract + types + replay tests + prettier, written to a temp dir;
 * then generate with a cold cache, and again after one page changed (the incremental rebuild).
 * On the whole Elasticsearch 7.10 book in ../shared (docs/reference and x-pack/docs, the book's root
 * docs/reference/index.asciidoc) it measures, on the pages docspec reads: (a) bare Asciidoctor `load` of
 * each page (includes read by it, with the attributes its book gives it); the book walk alone; docspec
 * extract (one thread, no cache), as docs CI runs it; and extract again from a warm cache.
 * Each phase runs in a fresh Node process, so times include JIT warm-up but not module loading, and
 * peak RSS is the phase's own.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.resolve(projectRoot, '../shared/corpus/elasticsearch/docs/reference')
const book = path.resolve(projectRoot, '../shared/corpus/es-book')
const BOOK_INPUTS = ['docs/reference', 'x-pack/docs']
const TREE_PAGES = 2000
// The phases run a snapshot of dist/ taken after the build, so that a rebuild during the benchmark (an
// editor's watch, a test run) cannot change the code between phases or invalidate the cache mid-way.
const snapshot = path.join(projectRoot, 'node_modules/.cache/docspec-bench')
const dist = (module) => import(pathToFileURL(path.join(snapshot, 'dist', module)).href)

const phaseArg = process.argv.find((a) => a.startsWith('--phase='))
if (phaseArg) await runPhase(phaseArg.slice('--phase='.length), process.argv[3], process.argv[4])
else await main()

async function main() {
  if (!fs.existsSync(corpus)) {
    console.log(`bench: ${path.relative(process.cwd(), corpus)} not found (the shared corpus is not checked out); nothing to measure.`)
    return
  }
  const build = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  fs.rmSync(snapshot, { recursive: true, force: true })
  fs.cpSync(path.join(projectRoot, 'dist'), path.join(snapshot, 'dist'), { recursive: true })
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(snapshot, 'package.json'))

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-bench-'))
  try {
    const small = path.join(work, 'corpus')
    fs.cpSync(corpus, small, { recursive: true })
    const big = path.join(work, 'tree')
    const pages = await makeTree(corpus, big, TREE_PAGES)
    console.log(`bench on ${os.cpus().length} CPU(s), Node ${process.version}`)
    report('corpus', small, await measure(small, work, { pages: await countPages(small) }))
    report(`${TREE_PAGES}-page tree`, big, await measure(big, work, { pages, incremental: true }))
    if (fs.existsSync(path.join(book, 'docs/reference/index.asciidoc'))) reportBook(measureBook(work))
    else console.log(`\nbench: ${path.relative(process.cwd(), book)} not found; the book is not measured.`)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
    fs.rmSync(snapshot, { recursive: true, force: true })
  }
}

/** Pages (files with a title) under a folder, by docspec's own reading. */
async function countPages(dir) {
  const { extractFiles } = await dist('extract/index.js')
  return (await extractFiles([dir], { root: dir, attributes: {} })).models.length
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

function runChild(phase, dir, options = {}) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--phase=${phase}`, dir, JSON.stringify(options)], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (child.status !== 0) throw new Error(`phase ${phase} failed:\n${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop())
}

async function measure(dir, work, { pages, incremental = false }) {
  const out = path.join(work, 'out')
  const cacheDir = path.join(work, 'cache')
  const fresh = () => {
    fs.rmSync(out, { recursive: true, force: true })
    fs.rmSync(cacheDir, { recursive: true, force: true })
  }
  const r = { pages, loadavg: os.loadavg()[0].toFixed(1) }
  r.load = runChild('load', dir)
  r.loadSecure = runChild('load-secure', dir)
  r.loadExpanded = runChild('load-expanded', dir)
  r.extract = runChild('extract', dir, { workers: 1 })
  r.extractWorkers = runChild('extract', dir, { workers: os.availableParallelism() })
  fresh()
  r.generate = runChild('generate', dir, { out, cache: false, workers: 1 })
  fresh()
  r.generateWorkers = runChild('generate', dir, { out, cache: false, workers: os.availableParallelism() })
  if (incremental) {
    fresh()
    r.cold = runChild('generate', dir, { out, cacheDir })
    r.warm = runChild('generate', dir, { out, cacheDir })
    const page = path.join(dir, 'rollup/apis/stop-job.asciidoc')
    fs.appendFileSync(page, '\nOne more paragraph for the benchmark.\n')
    r.onePage = runChild('generate', dir, { out, cacheDir })
  }
  return r
}

function report(name, dir, r) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`
  const mb = (kb) => `${Math.round(kb / 1024)} MB`
  const pps = (ms) => `${Math.round(r.pages / (ms / 1000))} pages/s`
  const line = (label, p) => console.log(`  ${label.padEnd(50)} ${s(p.ms).padStart(8)}  ${pps(p.ms).padStart(14)}  peak RSS ${mb(p.rss).padStart(7)}`)
  const threads = os.availableParallelism()
  console.log(`\n${name}: ${r.pages} pages (${path.basename(dir)})`)
  line('(a) Asciidoctor load (includes read by it)', r.load)
  line('    Asciidoctor load, secure (includes not read)', r.loadSecure)
  line('    Asciidoctor load of the text docspec parses', r.loadExpanded)
  line('(b) docspec extract, 1 thread', r.extract)
  // Mirrors src/extract/pool.ts: threads start only from 150 pages per thread.
  const threaded = Math.min(threads, Math.floor(r.pages / 150)) >= 2
  line(`    docspec extract, --workers ${threads}${threaded ? '' : ' (too few pages: ran in one thread)'}`, r.extractWorkers)
  line('(c) docspec generate, no cache, 1 thread', r.generate)
  line(`    docspec generate, no cache, --workers ${threads}`, r.generateWorkers)
  // The ratios use the one-thread runs: what any machine gets, busy or not.
  const b = r.extract.ms
  const c = r.generate.ms
  const ratio = (x, floor) => (x / floor.ms).toFixed(2)
  console.log(`  b/a = ${ratio(b, r.load)} (target <= 1.5)   c/a = ${ratio(c, r.load)} (target <= 3)`)
  console.log(`  against the secure load: b ${ratio(b, r.loadSecure)}, c ${ratio(c, r.loadSecure)}; against the load of docspec's own text: b ${ratio(b, r.loadExpanded)}, c ${ratio(c, r.loadExpanded)}`)
  if (threaded) {
    const gain = (one, many) => `${((1 - many.ms / one.ms) * 100).toFixed(0)}%`
    const pays = r.extractWorkers.ms < r.extract.ms * 0.9
    console.log(`  worker threads: extract ${gain(r.extract, r.extractWorkers)} faster, generate ${gain(r.generate, r.generateWorkers)} faster: ${pays ? 'they pay' : 'they do not pay'} on this machine (load average before: ${r.loadavg})`)
  }
  if (r.cold) {
    line('    generate, cold cache (writes it)', r.cold)
    line('    generate, warm cache, nothing changed', r.warm)
    line('    generate, warm cache, one page changed', r.onePage)
    console.log(`  one-page rebuild: ${s(r.onePage.ms)} (${r.onePage.cached} of ${r.pages} pages from the cache)`)
  }
}

function measureBook(work) {
  const cacheDir = path.join(work, 'book-cache')
  const r = { loadavg: os.loadavg()[0].toFixed(1) }
  r.load = runChild('book-load', book)
  r.walk = runChild('book-walk', book)
  r.extract = runChild('book-extract', book, { workers: 1 })
  runChild('book-extract', book, { workers: 1, cacheDir })
  r.warm = runChild('book-extract', book, { workers: 1, cacheDir })
  return r
}

function reportBook(r) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`
  const line = (label, p) => console.log(`  ${label.padEnd(58)} ${s(p.ms).padStart(8)}  peak RSS ${`${Math.round(p.rss / 1024)} MB`.padStart(7)}`)
  console.log(`\nthe 7.10 book (${path.relative(process.cwd(), book)}: ${BOOK_INPUTS.join(' ')}): ${r.extract.models} pages, ${r.extract.snippets} snippets, ${r.extract.diagnostics} diagnostics`)
  line(`(a) Asciidoctor load of the same ${r.load.pages} pages (includes read by it)`, r.load)
  line('    the book walk alone (Asciidoctor parse of the whole book)', r.walk)
  line('(b) docspec extract, 1 thread, no cache', r.extract)
  line(`    docspec extract, warm cache (${r.warm.cached} pages from it)`, r.warm)
  const ratio = (p) => (p.ms / r.load.ms).toFixed(2)
  console.log(`  walk/a = ${ratio(r.walk)}   b/a = ${ratio(r.extract)}   warm/a = ${ratio(r.warm)}   (load average before: ${r.loadavg})`)
}

/** One measurement, in this (child) process: prints `{ ms, rss, … }` as the last stdout line. */
async function runPhase(phase, dir, optionsJson) {
  const run = await phaseRunner(phase, dir, JSON.parse(optionsJson ?? '{}'))
  const started = performance.now()
  const detail = await run()
  const ms = performance.now() - started
  console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS, ...detail }))
}

async function phaseRunner(phase, dir, options) {
  if (phase.startsWith('book-')) return bookPhase(phase, dir, options)
  const { findPages } = await dist('load/index.js')
  if (phase === 'load' || phase === 'load-secure') {
    const { load, LoggerManager, MemoryLogger } = await import('@asciidoctor/core')
    const { baseAttributes } = await dist('load/attributes.js')
    const attributes = { ...everyAttribute(baseAttributes({}, dir)), 'attribute-missing': 'skip' }
    const safe = phase === 'load' ? 'unsafe' : 'secure'
    return async () => {
      LoggerManager.setLogger(MemoryLogger.create())
      for (const file of findPages([dir])) {
        await load(fs.readFileSync(file, 'utf8'), { safe, base_dir: path.dirname(file), sourcemap: true, attributes: { ...attributes } })
      }
    }
  }
  if (phase === 'load-expanded') {
    const { load, LoggerManager, MemoryLogger } = await import('@asciidoctor/core')
    const { loadPage } = await dist('load/index.js')
    const cache = new Map()
    // Loaded (includes expanded, reflowed) before the clock starts: only Asciidoctor's parse is timed.
    const sources = findPages([dir]).map((file) => loadPage(file, { root: dir, cache }))
    return async () => {
      LoggerManager.setLogger(MemoryLogger.create())
      for (const source of sources) {
        const leveloffset = source.lines.some((l) => /^= \S/.test(l)) ? { leveloffset: '+1' } : {}
        await load(source.lines, { safe: 'secure', sourcemap: true, attributes: { ...everyAttribute(source.attributes), ...leveloffset, 'attribute-missing': 'skip' } })
      }
    }
  }
  if (phase === 'extract') {
    const { extractFiles } = await dist('extract/index.js')
    return async () => {
      const r = await extractFiles([dir], { root: dir, attributes: {} }, { workers: options.workers })
      return { models: r.models.length }
    }
  }
  if (phase === 'generate') {
    const { generate } = await dist('run/index.js')
    return async () => {
      const r = await generate([dir], options)
      return { files: r.result.written.length, cached: r.cached }
    }
  }
  throw new Error(`unknown phase ${phase}`)
}

/** Every attribute a page has, the built-in ones (its attributes' prototype) included, as one plain object. */
function everyAttribute(attributes) {
  const out = {}
  for (const name in attributes) out[name] = attributes[name]
  return out
}

/** Phases on the book: `dir` is the book's tree, its root the docs root. */
async function bookPhase(phase, dir, options) {
  const inputs = BOOK_INPUTS.map((input) => path.join(dir, input))
  if (phase === 'book-load') {
    const { load } = await import('@asciidoctor/core')
    const { bookCandidates, planBooks } = await dist('load/index.js')
    const { extractFiles } = await dist('extract/index.js')
    // The pages docspec reads, each with the attributes its book gives it, found before the clock starts.
    const plan = await planBooks([], bookCandidates(inputs), { root: dir, attributes: {}, cache: new Map() })
    const { models } = await extractFiles(inputs, { root: dir, attributes: {} })
    const { baseAttributes, overBuiltins } = await dist('load/attributes.js')
    const pages = models.map((m) => path.join(dir, m.file)).map((file) => {
      const given = plan.pages.get(file)?.attributes
      return [file, everyAttribute(given ? overBuiltins(given) : baseAttributes({}, dir))]
    })
    return async () => {
      for (const [file, attributes] of pages) {
        await load(fs.readFileSync(file, 'utf8'), { safe: 'unsafe', base_dir: path.dirname(file), sourcemap: true, logger: null, attributes: { ...attributes, 'attribute-missing': 'skip' } })
      }
      return { pages: pages.length }
    }
  }
  if (phase === 'book-walk') {
    const { bookCandidates, planBooks } = await dist('load/index.js')
    return async () => {
      const plan = await planBooks([], bookCandidates(inputs), { root: dir, attributes: {}, cache: new Map() })
      return { pages: plan.pages.size }
    }
  }
  const { extractInputs, collectDiagnostics } = await dist('run/index.js')
  return async () => {
    const r = await extractInputs(inputs, { root: dir, workers: options.workers, ...(options.cacheDir ? { cacheDir: options.cacheDir } : { cache: false }) })
    return { models: r.models.length, snippets: r.models.reduce((n, m) => n + m.examples.length, 0), diagnostics: collectDiagnostics(r.models).length, cached: r.cached }
  }
}
