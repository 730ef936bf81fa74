/**
 * Hostile pages for the fuzz suite (`test/fuzz/hostile-pages.test.ts`) and `npm run fuzz`: a fast-check
 * arbitrary of plain-data recipes (`hostileRecipe`), each applied to a real page by `buildCase` — byte flips,
 * truncation, unbalanced delimiters, deep nesting, long lines, include chains, fan-out and cycles, NUL bytes,
 * invalid UTF-8, newlines lost, escape sequences in include targets. A recipe prints as JSON, so that a
 * failing case can be named and built again.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'

/** Where a mutation applies, in ten-thousandths of the page. */
const at = fc.integer({ min: 0, max: 10_000 })

const DELIMITERS = ['----', '====', '++++', '--', '|===', '////', '****', '....', '[source,console]\n----', '[source,js]\n----\nPOST /x\n{', '++++\n<titleabbrev>']
const FILLERS = ['a', 'word ', 'a.', '+a ', '`x` ', '<<x,', '{attr}', '[[x]]', '(', '"', 'by default ', 'Defaults to ', '-', '<id>', '{"a":[', '// TEST[s/', 'include::', '::', '`a` by default ', 'one of `a`, ']
const BAD_UTF8 = [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xfe, 0xff], [0xc0, 0xaf], [0x80]]
const NESTINGS = ['json', 'example', 'list', 'dlist', 'ifdef', 'section', 'brackets']
const TARGETS = ['chain', 'missing', 'outside', 'control', 'attribute', 'self']

/** One mutation; `maxLine` bounds the long lines (the test suite keeps them small to stay fast). */
function mutation(maxLine) {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip'), flips: fc.array(fc.tuple(at, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 48 }) }),
    fc.record({ kind: fc.constant('truncate'), at }),
    fc.record({ kind: fc.constant('delimiter'), at, text: fc.constantFrom(...DELIMITERS) }),
    fc.record({ kind: fc.constant('nesting'), at, shape: fc.constantFrom(...NESTINGS), depth: fc.integer({ min: 20, max: 2000 }) }),
    fc.record({ kind: fc.constant('longLine'), at, filler: fc.constantFrom(...FILLERS), size: fc.integer({ min: 1000, max: maxLine }) }),
    fc.record({ kind: fc.constant('nul'), at, count: fc.integer({ min: 1, max: 16 }) }),
    fc.record({ kind: fc.constant('utf8'), at, bytes: fc.constantFrom(...BAD_UTF8), count: fc.integer({ min: 1, max: 64 }) }),
    fc.record({
      kind: fc.constant('include'),
      at,
      target: fc.constantFrom(...TARGETS),
      length: fc.integer({ min: 1, max: 25 }),
      fanOut: fc.integer({ min: 1, max: 4 }),
      cycle: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('flatten') }),
    fc.record({ kind: fc.constant('duplicate'), at, length: fc.integer({ min: 1, max: 4000 }), times: fc.integer({ min: 2, max: 60 }) }),
  )
}

/** A recipe: which base page, and one to four mutations applied in order. */
export function hostileRecipe(baseCount, options = {}) {
  return fc.record({
    base: fc.integer({ min: 0, max: Math.max(baseCount - 1, 0) }),
    mutations: fc.array(mutation(options.maxLine ?? 300_000), { minLength: 1, maxLength: 4 }),
  })
}

const offset = (bytes, where) => Math.min(bytes.length, Math.floor((where / 10_000) * bytes.length))
const insert = (bytes, fraction, added) => {
  const i = offset(bytes, fraction)
  return Buffer.concat([bytes.subarray(0, i), Buffer.from(added), bytes.subarray(i)])
}

function nested(shape, depth) {
  switch (shape) {
    case 'json':
      return `\n[source,console]\n----\nPOST /_x\n${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}\n----\n`
    case 'example':
      return Array.from({ length: Math.min(depth, 200) }, (_, i) => '='.repeat(4 + i)).join('\n')
    case 'list':
      return Array.from({ length: depth }, (_, i) => `${'*'.repeat(1 + (i % 6))} item ${i}`).join('\n')
    case 'dlist':
      return Array.from({ length: depth }, (_, i) => `\`p${i}\`${':'.repeat(2 + (i % 3))}\n(Optional, object) Nested.`).join('\n')
    case 'ifdef':
      return 'ifdef::x[]\n'.repeat(depth)
    case 'section':
      return Array.from({ length: depth }, (_, i) => `${'='.repeat(1 + (i % 7))} S${i}`).join('\n\n')
    default:
      return '['.repeat(depth) + '('.repeat(depth) + '<'.repeat(depth)
  }
}

/** Include files for an `include` mutation (relative to the page's folder) and the directive put in the page. */
function includes(m) {
  const files = {}
  const next = (i) => (m.cycle && i === m.length - 1 ? 'c0.txt' : `c${i + 1}.txt`)
  for (let i = 0; i < m.length; i++) {
    files[`inc/c${i}.txt`] = `Line ${i} of a shared definition, \`x\`.\n` + `include::${next(i)}[]\n`.repeat(m.fanOut)
  }
  files[`inc/c${m.length}.txt`] = 'Defaults to `5`.\n'
  const directive = {
    chain: 'include::inc/c0.txt[]',
    missing: 'include::inc/nothing-here.txt[]',
    outside: 'include::../../../../../../etc/passwd[]',
    control: 'include::inc/\u001b[31mred\u001b[0m\u0007.txt[]',
    attribute: 'include::{no-such-attribute}/x.txt[]',
    self: Array.from({ length: m.fanOut + 4 }, (_, k) => `include::page.asciidoc[lines=${k + 1}]`).join('\n'),
  }[m.target]
  return { files, directive: `\n${directive}\n` }
}

/**
 * The recipe applied to the base page's bytes: the page bytes and any include files it needs (paths relative
 * to the page's folder). `local`: the case needs its own folder (its includes), else it is read in place.
 */
export function buildCase(baseBytes, recipe) {
  let bytes = Buffer.from(baseBytes)
  const files = {}
  for (const m of recipe.mutations) {
    if (m.kind === 'flip') {
      bytes = Buffer.from(bytes)
      for (const [where, value] of m.flips) if (bytes.length > 0) bytes[Math.min(bytes.length - 1, offset(bytes, where))] = value
    } else if (m.kind === 'truncate') bytes = bytes.subarray(0, offset(bytes, m.at))
    else if (m.kind === 'delimiter') bytes = insert(bytes, m.at, `\n${m.text}\n`)
    else if (m.kind === 'nesting') bytes = insert(bytes, m.at, `\n${nested(m.shape, m.depth)}\n`)
    else if (m.kind === 'longLine') bytes = insert(bytes, m.at, `\n${m.filler.repeat(Math.ceil(m.size / m.filler.length)).slice(0, m.size)}\n`)
    else if (m.kind === 'nul') bytes = insert(bytes, m.at, Buffer.alloc(m.count))
    else if (m.kind === 'utf8') bytes = insert(bytes, m.at, Buffer.from(Array.from({ length: m.count }, () => m.bytes).flat()))
    else if (m.kind === 'include') {
      const made = includes(m)
      Object.assign(files, made.files)
      bytes = insert(bytes, m.at, made.directive)
    } else if (m.kind === 'flatten') bytes = Buffer.from(bytes.toString('latin1').replace(/\s+/g, ' '), 'latin1')
    else if (m.kind === 'duplicate') {
      const i = offset(bytes, m.at)
      const chunk = bytes.subarray(i, i + m.length)
      bytes = Buffer.concat([bytes.subarray(0, i), ...Array.from({ length: m.times }, () => chunk), bytes.subarray(i)])
    }
  }
  const local = recipe.mutations.some((m) => m.kind === 'include')
  return { bytes: new Uint8Array(bytes), files, local }
}

/** The recipe in one line, to name a case. */
export function describeRecipe(recipe) {
  return recipe.mutations
    .map((m) => {
      const { kind, ...rest } = m
      if (kind === 'flip') return `flip×${m.flips.length}`
      return `${kind}(${Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')})`
    })
    .join(' + ')
}

/** Writes a case, with the include files it brings, into `dir`; returns the page's path. */
export function writeCase(dir, built) {
  fs.mkdirSync(dir, { recursive: true })
  for (const [name, content] of Object.entries(built.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), content)
  }
  fs.writeFileSync(path.join(dir, 'page.asciidoc'), built.bytes)
  return path.join(dir, 'page.asciidoc')
}

/** No model is right only for an include fragment: tagged regions and no title line. */
export function isFragment(bytes) {
  const text = Buffer.from(bytes).toString('utf8')
  return /\btag::[\w.*-]+\[\]/.test(text) && !/^={1,6}[ \t]+\S/m.test(text)
}
