#!/usr/bin/env node
/**
 * Corpus check (not a unit test): `node scripts/corpus-check.mjs [docs-folder]`.
 *
 * Builds `dist/`, runs `docspec generate` over the whole Elasticsearch reference in ../shared (or the
 * folder given) into a temp dir, type-checks the output with `tsc --noEmit --strict`, and lists the pages
 * that yield no endpoint, with the reason: their diagnostics, a missing Request section, or a page that is
 * not an API page. Exits 0 when ../shared is absent.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.resolve(process.argv[2] ?? path.join(projectRoot, '../shared/corpus/elasticsearch/docs/reference'))
if (!fs.existsSync(corpus)) {
  console.log(`corpus-check: ${corpus} not found (the shared corpus is not checked out); nothing to check.`)
  process.exit(0)
}
const tsc = path.join(projectRoot, 'node_modules/typescript/bin/tsc')
const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const { generate } = await import(pathToFileURL(path.join(projectRoot, 'dist/run/index.js')).href)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-corpus-'))
try {
  const out = path.join(work, 'out')
  const started = performance.now()
  const { models, diagnostics, result } = await generate([corpus], { out, cache: false })
  const endpoints = models.reduce((n, m) => n + m.endpoints.length, 0)
  console.log(`generate: ${models.length} pages, ${endpoints} endpoints, ${result.written.length} files, ${diagnostics.length} diagnostics, ${((performance.now() - started) / 1000).toFixed(1)} s`)

  // The generated tests import `docspec/replay` and vitest: resolve them to this package and its vitest.
  fs.mkdirSync(path.join(out, 'node_modules'))
  fs.symlinkSync(projectRoot, path.join(out, 'node_modules/docspec'), 'dir')
  fs.symlinkSync(path.join(projectRoot, 'node_modules/vitest'), path.join(out, 'node_modules/vitest'), 'dir')
  const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, types: [] }, include: ['**/*.ts'], exclude: ['node_modules'] }
  fs.writeFileSync(path.join(out, 'tsconfig.json'), JSON.stringify(tsconfig))
  const tsFiles = result.written.filter((f) => f.endsWith('.ts')).length
  const check = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '-p', out], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const errors = check.stdout.split('\n').filter((l) => / error TS\d+:/.test(l))
  console.log(`tsc --noEmit --strict: ${tsFiles} TypeScript files, ${errors.length} errors (exit ${check.status})`)
  const byFile = new Map()
  for (const e of errors) byFile.set(e.replace(/\(.*$/, ''), (byFile.get(e.replace(/\(.*$/, '')) ?? 0) + 1)
  for (const [file, n] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${file}: ${n}`)
  for (const e of errors.slice(0, 10)) console.log(`  ${e}`)

  const without = models.filter((m) => m.endpoints.length === 0)
  console.log(`\npages without endpoints: ${without.length} of ${models.length}`)
  const reasons = new Map()
  for (const m of without) {
    const reason = whyNoEndpoint(m)
    reasons.set(reason.kind, (reasons.get(reason.kind) ?? 0) + 1)
    console.log(`  ${m.file}  "${m.title}": ${reason.kind}${reason.detail ? ` (${reason.detail})` : ''}`)
  }
  console.log('by reason:')
  for (const [kind, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${kind}`)
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

/** Why a page has no endpoint: what its diagnostics say, else whether it is an API page at all. */
function whyNoEndpoint(model) {
  const rule = (r) => model.diagnostics.find((d) => d.rule === r)
  const errors = model.diagnostics.filter((d) => d.severity === 'error')
  if (rule('missing-section')) return { kind: 'no Request section' }
  if (rule('no-endpoint')) return { kind: 'Request section without a METHOD /path line', detail: `line ${rule('no-endpoint').line}` }
  if (errors.length > 0) return { kind: 'errors', detail: [...new Set(errors.map((d) => d.rule))].join(', ') }
  if (!/\bAPI\b/.test(model.title)) return { kind: 'not an API page (title does not name one API)', detail: summarize(model) }
  return { kind: 'API page with no request and no diagnostic', detail: summarize(model) }
}

function summarize(model) {
  const counts = new Map()
  for (const d of model.diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1)
  return [...counts].map(([r, n]) => `${r} ${n}`).join(', ') || 'no diagnostics'
}
