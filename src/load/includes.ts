import fs from 'node:fs'
import path from 'node:path'
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic } from '../model/types.js'
import { parseAttributeEntry, resolveAttributeRefs } from './attributes.js'
import { MAX_PAGE_BYTES } from './files.js'
import { decodePage } from './read.js'
import type { LineOrigin } from './source.js'
import { TaggedFile } from './tags.js'

const INCLUDE = /^include::([^\s[][^[]*)\[(.*)\]\s*$/
const MAX_DEPTH = 16
/** Lines a page may grow to through includes: a file that includes another twice, nested, doubles at each level. */
export const MAX_INCLUDE_LINES = 250_000
/**
 * Include directives one page may expand, counted across its whole expansion: files that include the next one
 * three times each (or a page that includes itself under several attribute lists) grow exponentially
 * without adding lines, and would otherwise run for minutes.
 */
export const MAX_INCLUDES = 10_000
/** Text a page may add by including text it already included (the same file, or the same tagged part), in characters. */
export const MAX_REPEATED_CHARS = 128 * 1024

export interface IncludeContext {
  /** Absolute docs root: nothing outside it is ever read. */
  root: string
  attributes: Record<string, string>
  /** Decoded files by absolute path, shared across pages of one run (common-parms files are included hundreds of times). */
  cache: Map<string, string | null>
}

export interface Expanded {
  lines: string[]
  origins: LineOrigin[]
  diagnostics: Diagnostic[]
}

/**
 * Expands `include::target[tag=…]` directives line by line, inside the docs root only, tracing every
 * resulting line to the file and line it came from. Page attribute entries are recorded as they are met
 * so that later include targets can use them.
 */
export function expandIncludes(lines: string[], origins: LineOrigin[], absFile: string, ctx: IncludeContext): Expanded {
  const out: Expanding = { lines: [], origins: [], diagnostics: [], full: false, includes: 0, reported: new Set(), expanded: new Set([absFile]), repeated: 0, repeatsCut: false }
  expandInto(out, lines, (i) => origins[i]!, absFile, ctx, [`${absFile}[]`])
  return { lines: out.lines, origins: out.origins, diagnostics: out.diagnostics }
}

/**
 * `full`: the page reached `MAX_INCLUDE_LINES` or `MAX_INCLUDES`; later includes are skipped. `includes`: the
 * directives expanded so far. `reported`: a directive reached again through another include path is reported
 * once. `expanded`: the files (tagged parts) included so far, the page's own file first; `repeated`: the lines
 * characters added by including one again, up to `MAX_REPEATED_CHARS` (`repeatsCut` once reached).
 */
type Expanding = Expanded & { full: boolean; includes: number; reported: Set<string>; expanded: Set<string>; repeated: number; repeatsCut: boolean }

function report(out: Expanding, found: Diagnostic): void {
  const key = `${found.rule} ${found.file}:${found.line}:${found.column}`
  if (out.reported.has(key)) return
  out.reported.add(key)
  out.diagnostics.push(found)
}

function expandInto(out: Expanding, lines: string[], originOf: (i: number) => LineOrigin, absFile: string, ctx: IncludeContext, stack: string[]): void {
  lines.forEach((line, i) => {
    const origin = originOf(i)
    const entry = line.startsWith(':') ? parseAttributeEntry(line) : undefined
    if (entry) {
      if (entry.value === undefined) delete ctx.attributes[entry.name]
      else ctx.attributes[entry.name] = entry.value
    }
    const m = line.startsWith('include::') ? INCLUDE.exec(line) : null
    if (!m) {
      out.lines.push(line)
      out.origins.push(origin)
      return
    }
    const at = { ...origin, column: origin.column + 9 }
    if (!overBudget(out, at)) expandDirective(out, m[1]!, m[2]!, at, absFile, ctx, stack)
  })
}

/** Whether the page reached `MAX_INCLUDE_LINES` or `MAX_INCLUDES` (said once; every include after is skipped). */
function overBudget(out: Expanding, at: LineOrigin): boolean {
  if (out.lines.length < MAX_INCLUDE_LINES && ++out.includes <= MAX_INCLUDES) return false
  const grew = out.lines.length >= MAX_INCLUDE_LINES ? `grew to ${MAX_INCLUDE_LINES} lines` : `reached ${MAX_INCLUDES} include directives`
  if (!out.full) out.diagnostics.push(diagnostic('include-too-large', at, `The page ${grew} through its includes; this include and the ones after it were skipped.`))
  out.full = true
  return true
}

/**
 * One `include::target[attributes]`, replaced by the lines it selects, as Asciidoctor does: a blank line left
 * in its place would end the paragraph the include continues (`(Optional, string)` then the shared text).
 */
function expandDirective(out: Expanding, written: string, attributes: string, at: LineOrigin, absFile: string, ctx: IncludeContext, stack: string[]): void {
  const shown = (p: string) => relative(ctx.root, p)
  const missing: string[] = []
  const target = resolveAttributeRefs(written, ctx.attributes, (name) => missing.push(name))
  if (missing.length > 0) {
    report(out, diagnostic('include-unresolved', at, `Include target uses undefined attribute(s) ${missing.map((n) => `{${n}}`).join(', ')}: ${written}`))
    return
  }
  const resolved = path.resolve(path.dirname(absFile), target)
  if (!inside(ctx.root, resolved)) {
    report(out, diagnostic('include-outside-root', at, `Include ${target} resolves outside the docs root ${ctx.root}; it was not read.`))
    return
  }
  // A file may include another tagged part of itself (ml-shared does); only the same part again is a cycle.
  const part = `${resolved}[${attributes}]`
  if (stack.includes(part) || stack.length > MAX_DEPTH) {
    report(out, diagnostic('include-cycle', at, `Include ${shown(resolved)} would include itself (or nests deeper than ${MAX_DEPTH}); skipped.`))
    return
  }
  const content = readInside(resolved, ctx)
  if (content === null) {
    const why = unreadable(resolved, ctx.root)
    if (why === 'outside') report(out, diagnostic('include-outside-root', at, `Include ${target} is a symbolic link leading outside the docs root ${ctx.root}; it was not read.`))
    else report(out, diagnostic('include-not-found', at, why === 'special' ? `Include target is not a regular file (or is over ${MAX_PAGE_BYTES} bytes): ${shown(resolved)}` : `Include file not found: ${shown(resolved)}`))
    return
  }
  // Text included again (the same file, or the same tagged part of it) is what grows exponentially: it has a
  // budget of its own, so that a book's distinct files are never cut while a page repeating itself is.
  const key = /(?:^|,)\s*tags?\s*=/.test(attributes) ? part : resolved
  const repeat = out.expanded.has(key)
  const selected = taggedFile(resolved, content).select(attributes)
  if (repeat && out.repeated + selectedChars(selected) > MAX_REPEATED_CHARS) {
    if (!out.repeatsCut) out.diagnostics.push(diagnostic('include-too-large', at, `The page repeated included text past ${MAX_REPEATED_CHARS} characters; this include and the repeats after it were skipped.`))
    out.repeatsCut = true
    return
  }
  out.expanded.add(key)
  const before = out.lines.length
  for (const tag of selected.missing) report(out, diagnostic('include-tag-missing', at, `Tag '${tag}' not found in ${shown(resolved)}.`))
  const file = shown(resolved)
  for (const run of selected.runs) expandInto(out, run.lines, (j) => ({ file, line: run.firstLine + j, column: 1 }), resolved, ctx, [...stack, part])
  if (repeat) for (let i = before; i < out.lines.length; i++) out.repeated += out.lines[i]!.length + 1
}

function selectedChars(selected: { runs: { lines: string[] }[] }): number {
  let n = 0
  for (const run of selected.runs) for (const line of run.lines) n += line.length + 1
  return n
}

/** The target's text, or null when it is missing, leads outside the root, or is no regular file of a page's size. */
function readInside(resolved: string, ctx: IncludeContext): string | null {
  if (ctx.cache.has(resolved)) return ctx.cache.get(resolved)!
  let content: string | null = null
  try {
    // A symbolic link inside the root may point outside it: check the real path too. A FIFO or a device
    // (`/dev/zero`) would block or never end: only regular files are read.
    const real = fs.realpathSync(resolved)
    const stat = fs.statSync(real)
    if (inside(fs.realpathSync(ctx.root), real) && stat.isFile() && stat.size <= MAX_PAGE_BYTES) content = decodePage(fs.readFileSync(real), resolved).text
  } catch {
    content = null
  }
  ctx.cache.set(resolved, content)
  return content
}

/** Why a target could not be read, for the diagnostic. */
function unreadable(resolved: string, root: string): 'outside' | 'special' | 'missing' {
  try {
    if (!inside(fs.realpathSync(root), fs.realpathSync(resolved))) return 'outside'
    return 'special'
  } catch {
    return 'missing'
  }
}

/** Tag indexes of include targets by path, for the whole process; a file whose content changed is indexed again. */
const tagged = new Map<string, TaggedFile>()

function taggedFile(resolved: string, content: string): TaggedFile {
  let file = tagged.get(resolved)
  if (!file || file.content !== content) tagged.set(resolved, (file = new TaggedFile(content)))
  return file
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export function relative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/')
}
