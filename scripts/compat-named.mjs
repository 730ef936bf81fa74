#!/usr/bin/env node
/**
 * Measurement (not a unit test): `node scripts/compat-named.mjs <sdk-compat work folder> <pages root>`.
 *
 * After `../shared/tools/sdk-compat.sh` (its work folder holds pairs.json, the tsc verdict per page and
 * client endpoint), runs `docspec compare` on the same pages and lists, for every pair still
 * incompatible, the parameters and fields tsc names and the compare rules reported on that page; a name
 * no compare diagnostic mentions is listed as unnamed. Exits 1 when one is.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const [work, pages] = process.argv.slice(2)
if (!work || !pages) {
  console.error('usage: node scripts/compat-named.mjs <sdk-compat work folder> <pages root>')
  process.exit(2)
}
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/cli/main.js')
const run = spawnSync(process.execPath, [cli, 'compare', pages, '--root', pages, '--no-cache'], { encoding: 'utf8', maxBuffer: 1 << 28 })
const byFile = new Map()
// A parameter defined in an included fragment (common-parms.asciidoc) is reported where it is written; its
// message names the specification endpoint it was compared with: `… (bulk).`
const byEndpoint = new Map()
for (const line of run.stderr.split('\n')) {
  const m = /^(.*?):\d+:\d+ \w+ (spec-[\w-]+) (.*)$/.exec(line)
  if (!m) continue
  const found = { rule: m[2], message: m[3] }
  byFile.set(path.resolve(m[1]), [...(byFile.get(path.resolve(m[1])) ?? []), found])
  const endpoint = /\(([\w.]+)\)\.$/.exec(m[3])?.[1]
  if (endpoint) byEndpoint.set(endpoint, [...(byEndpoint.get(endpoint) ?? []), found])
}

const quoted = (messages) => (messages ?? []).flatMap((m) => [...m.matchAll(/"([^"]+)"/g)].map((x) => x[1]))
/** Property names a tsc message chain names: `property 'x'`, `types of 'a.b'`, `missing … : a, b`. */
function properties(messages) {
  const out = []
  for (const m of messages ?? []) {
    for (const x of m.matchAll(/propert(?:y|ies) '([^']+)'/g)) out.push(x[1])
    for (const x of m.matchAll(/types of '([^']+)'/g)) out.push(...x[1].split('.'))
    const missing = /missing the following properties from type '[^']+': (.*)$/.exec(m)
    if (missing) out.push(...missing[1].replace(/, and \d+ more\.?$/, '').split(', ').map((p) => p.trim()))
  }
  return out.filter((p) => !['length', 'pop', 'push', 'concat'].includes(p))
}

const { pairs } = JSON.parse(fs.readFileSync(path.join(work, 'pairs.json'), 'utf8'))
let left = 0
let unnamed = 0
for (const pair of pairs) {
  const c = pair.checks
  const request = !(c.req_g2s === null && c.req_s2g === null)
  const response = c.res_g2s !== undefined && !(c.res_g2s === null && c.res_s2g === null)
  if (!request && !response) continue
  left++
  const onPage = byFile.get(path.resolve(pages, pair.file)) ?? []
  const found = [...new Set([...onPage, ...(byEndpoint.get(pair.endpoint) ?? [])])]
  const text = found.map((d) => d.message).join('\n')
  const names = new Set()
  if (request) for (const k of ['keys_gen_only', 'keys_spec_only', 'type_g2s', 'type_s2g', 'req_in_gen_opt_in_spec', 'req_in_spec_opt_in_gen']) for (const n of quoted(c[k])) names.add(n)
  if (request) for (const n of [...properties(c.req_g2s), ...properties(c.req_s2g)]) names.add(n)
  if (response) for (const n of [...properties(c.res_g2s), ...properties(c.res_s2g)]) names.add(n)
  const noResponse = response && /^Type 'unknown' is not assignable/.test(c.res_g2s?.[0] ?? '')
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const missing = [...names].filter((n) => !new RegExp(`(^|[\\s\`{(,.\\[])${escape(n)}($|[\\s\`}),.\\[\\]])`, 'm').test(text))
  if (noResponse && !/documents no response/.test(text)) missing.push('(the response)')
  if (missing.length > 0) unnamed++
  const rules = [...new Set(found.map((d) => d.rule))].filter((r) => r !== 'spec-endpoint-undocumented').map((r) => r.replace(/^spec-/, ''))
  console.log(`${pair.page} ↔ ${pair.endpoint} [${request ? 'request' : ''}${request && response ? ', ' : ''}${response ? 'response' : ''}]: ${rules.join(' ')}${missing.length ? `; unnamed: ${missing.join(', ')}` : ''}`)
}
console.log(`pairs still incompatible: ${left}; with a difference no compare diagnostic names: ${unnamed}`)
process.exitCode = unnamed > 0 ? 1 : 0
