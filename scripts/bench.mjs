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
const TREE_PAGES = 2000
const dist = (module) => import(pathToFileURL(path.join(projectRoot, 'dist', module)).href)

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

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-bench-'))
  try {
    const small = path.join(work, 'corpus')
    fs.cpSync(corpus, small, { recursive: true })
    const big = path.join(work, 'tree')
    const pages = await makeTree(corpus, big, TREE_PAGES)
    console.log(`bench on ${os.cpus().length} CPU(s), Node ${process.version}`)
    report('corpus', small, await measure(small, work, { pages: await countPages(small) }))
    report(`${TREE_PAGES}-page tree`, big, await measure(big, work, { pages, incremental: true }))
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
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

function runChild(phase, dir, out) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--phase=${phase}`, dir, out], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (child.status !== 0) throw new Error(`phase ${phase} failed:\n${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop())
}

async function measure(dir, work, { pages, incremental = false }) {
  const out = path.join(work, 'out')
  const cacheDir = path.join(work, 'cache')
  fs.rmSync(out, { recursive: true, force: true })
  const r = { pages }
  r.load = runChild('load', dir, out)
  r.extract = runChild('extract', dir, out)
  fs.rmSync(out, { recursive: true, force: true })
  r.generate = runChild('generate', dir, out)
  if (incremental) {
    fs.rmSync(out, { recursive: true, force: true })
    fs.rmSync(cacheDir, { recursive: true, force: true })
  }
  return r
}

function report(name, dir, r) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`
  const mb = (kb) => `${Math.round(kb / 1024)} MB`
  const pps = (ms) => `${Math.round(r.pages / (ms / 1000))} pages/s`
  const line = (label, p) => console.log(`  ${label.padEnd(44)} ${s(p.ms).padStart(8)}  ${pps(p.ms).padStart(14)}  peak RSS ${mb(p.rss)}`)
  console.log(`\n${name}: ${r.pages} pages (${path.basename(dir)})`)
  line('(a) Asciidoctor load, bare', r.load)
  line('(b) docspec extract', r.extract)
  line('(c) docspec generate (types, tests, prettier)', r.generate)
  console.log(`  b/a = ${(r.extract.ms / r.load.ms).toFixed(2)} (target <= 1.5)   c/a = ${(r.generate.ms / r.load.ms).toFixed(2)} (target <= 3)`)
}

/** One measurement, in this (child) process: prints `{ ms, rss }` as the last stdout line. */
async function runPhase(phase, dir, out) {
  const run = await phaseRunner(phase, dir, out)
  const started = performance.now()
  const detail = await run()
  const ms = performance.now() - started
  console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS, ...detail }))
}

async function phaseRunner(phase, dir, out) {
  const { findPages } = await dist('extract/index.js')
  if (phase === 'load') {
    const { load, LoggerManager, MemoryLogger } = await import('@asciidoctor/core')
    const { baseAttributes } = await dist('load/attributes.js')
    const attributes = { ...baseAttributes({}, dir), 'attribute-missing': 'skip' }
    return async () => {
      LoggerManager.setLogger(MemoryLogger.create())
      for (const file of findPages([dir])) {
        await load(fs.readFileSync(file, 'utf8'), { safe: 'unsafe', base_dir: path.dirname(file), sourcemap: true, attributes: { ...attributes } })
      }
    }
  }
  if (phase === 'extract') {
    const { extractFiles } = await dist('extract/index.js')
    return async () => {
      const r = await extractFiles([dir], { root: dir, attributes: {} })
      return { models: r.models.length }
    }
  }
  if (phase === 'generate') {
    const { generate } = await dist('cli/generate.js')
    return async () => {
      const r = await generate([dir], { out, quiet: true })
      return { files: r.result.written.length }
    }
  }
  throw new Error(`unknown phase ${phase}`)
}
