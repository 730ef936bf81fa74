#!/usr/bin/env node
/**
 * Kibana check (not a unit test): `node scripts/kibana-check.mjs [docs-folder] [--list]`.
 *
 * Reads the Kibana API pages of ../shared/corpus/kibana (or the folder given) on its own, without the
 * extractor: the backticked request lines under a Request heading (`Request`, `Request URL`, `HTTP request`,
 * `{api-request-title}`, any level) and the snippets followed by `// KIBANA`. Then extracts the folder with
 * the built CLI and compares: a page counts when every request line it writes (method and path shape, the
 * host dropped, placeholders as `{}`) is an endpoint of its model; a `// KIBANA` snippet counts when its
 * model holds a request with a method and a path without a host. Prints both figures and the pages left.
 * Exits 0 when the folder is absent.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const list = args.includes('--list')
const corpus = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(projectRoot, '../shared/corpus/kibana'))
if (!fs.existsSync(corpus)) {
  console.log(`kibana-check: ${corpus} not found (the shared corpus is not checked out); nothing to check.`)
  process.exit(0)
}

const METHOD = /^(GET|PUT|POST|DELETE|HEAD|PATCH)$/
const REQUEST_TITLE = /^(?:requests?|request url|http request|\{api-request-title\})$/i
const HOST = /^(?:https?:\/\/[^/\s]+|<[^>]*(?:host|url)[^>]*>(?::<[^>]*>|:\d+)?|\{[^}]*(?:host|url)[^}]*\}|localhost(?::\d+)?|[\w.-]+:\d+)/i

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(asciidoc|adoc)$/.test(e.name) ? [path.join(dir, e.name)] : []))
}

/** `POST <kibana host>:<port>/s/<space_id>/api/x?y=1` → `POST /s/{}/api/x`. */
function shape(method, written) {
  let p = written.trim().replace(HOST, '').split('?')[0].replace(/[.,;:]+$/, '')
  p = p.replace(/<[^<>]*>|\{[^{}]*\}/g, '{}').replace(/\/+$/, '')
  return `${method} ${p.startsWith('/') ? p : `/${p}`}`
}

/** The request lines a page writes under its Request heading(s), with their line numbers. */
function requestLines(lines) {
  const out = []
  let inRequest = false
  lines.forEach((line, i) => {
    const heading = /^=+\s+(.*?)\s*$/.exec(line)
    if (heading) {
      inRequest = REQUEST_TITLE.test(heading[1])
      return
    }
    if (!inRequest) return
    const m = /^\s*`([A-Z]+)\s+([^`]+)`/.exec(line)
    if (m && METHOD.test(m[1])) out.push({ line: i + 1, written: `${m[1]} ${m[2]}`, shape: shape(m[1], m[2]) })
  })
  return out
}

/** First content lines of the snippets followed by `// KIBANA`. */
function kibanaSnippets(lines) {
  const out = []
  let open
  lines.forEach((line, i) => {
    const delimiter = /^(-{4,}|\.{4,})\s*$/.exec(line)?.[1]
    if (!delimiter) return
    if (open === undefined) open = { delimiter, start: i }
    else if (delimiter === open.delimiter) {
      if (/^\/\/\s*KIBANA\s*$/.test(lines[i + 1] ?? '')) out.push({ line: open.start + 2, first: lines[open.start + 1] ?? '' })
      open = undefined
    }
  })
  return out
}

const extract = spawnSync(process.execPath, [path.join(projectRoot, 'dist/cli/main.js'), 'extract', '--no-cache', '--quiet', '--root', corpus, corpus], { encoding: 'utf8', maxBuffer: 1 << 28 })
if (!extract.stdout) {
  console.error(extract.stderr)
  process.exit(2)
}
const models = new Map(JSON.parse(extract.stdout).map((m) => [m.file, m]))

let linePages = 0
let linePagesFound = 0
let lineCount = 0
let linesFound = 0
let snippetCount = 0
let snippetsParsed = 0
const pagesLeft = []
const snippetsLeft = []
for (const file of walk(corpus).sort()) {
  const rel = path.relative(corpus, file).split(path.sep).join('/')
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/)
  const model = models.get(rel)
  const written = requestLines(lines)
  if (written.length > 0) {
    linePages++
    const have = new Set((model?.endpoints ?? []).map((e) => `${e.method} ${e.path.replace(/\{[^}]*\}/g, '{}')}`))
    const missing = written.filter((w) => !have.has(w.shape))
    lineCount += written.length
    linesFound += written.length - missing.length
    if (missing.length === 0) linePagesFound++
    else pagesLeft.push({ rel, missing, model })
  }
  for (const snippet of kibanaSnippets(lines)) {
    snippetCount++
    const modelled = model?.examples.find((s) => s.position.line === snippet.line)
    const request = modelled?.requests[0]
    if (request && !/^\/?\{[^}]*\}(?:\/|$)|:\d+/.test(request.path)) snippetsParsed++
    else snippetsLeft.push({ rel, snippet, modelled, model })
  }
}

const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`)
console.log(`pages with request lines: ${linePages}; with every request line as an endpoint: ${linePagesFound} (${pct(linePagesFound, linePages)})`)
console.log(`request lines: ${lineCount}; found: ${linesFound} (${pct(linesFound, lineCount)})`)
console.log(`// KIBANA requests: ${snippetCount}; parsed: ${snippetsParsed} (${pct(snippetsParsed, snippetCount)})`)
for (const { rel, missing, model } of pagesLeft) {
  console.log(`  page left: ${rel}: ${missing.map((m) => `${m.written} (line ${m.line})`).join('; ')}`)
  console.log(`    model: ${(model?.endpoints ?? []).map((e) => `${e.method} ${e.path}`).join(', ') || 'no endpoint'}`)
  if (list) for (const d of model?.diagnostics ?? []) console.log(`    ${d.line}:${d.column} ${d.rule} ${d.message}`)
}
for (const { rel, snippet, modelled, model } of snippetsLeft) {
  const why = modelled ? `role ${modelled.role}, ${modelled.requests.length} request(s)${modelled.requests[0] ? `: ${modelled.requests[0].method} ${modelled.requests[0].path}` : ''}` : 'no snippet in the model'
  console.log(`  request left: ${rel}:${snippet.line} ${snippet.first.trim().slice(0, 70)}: ${why}`)
  const near = (model?.diagnostics ?? []).filter((d) => d.line >= snippet.line && d.line < snippet.line + 40 && /console-syntax|invalid-json|curl/.test(d.rule))
  for (const d of near) console.log(`    ${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`)
}
