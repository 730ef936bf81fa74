import fs from 'node:fs'
import path from 'node:path'
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, RuleId } from '../model/types.js'
import { parseAttributeEntry, resolveAttributeRefs } from './attributes.js'
import { docsBuildFile, standInMessage, VERSION_STAND_INS } from './docs-build.js'
import { MAX_PAGE_BYTES } from './files.js'
import { decodePage } from './read.js'
import type { LineOrigin } from './source.js'
import { TaggedFile } from './tags.js'
import { hasOwnTitle } from './title.js'

const INCLUDE = /^include::([^\s[][^[]*)\[(.*)\]\s*$/
const MAX_DEPTH = 16
/** Lines a page may grow to through includes: a file that includes another twice, nested, doubles at each level. */
const MAX_LINES = 250_000
/**
 * Include directives one page may expand, counted across its whole expansion: files that include the next one
 * three times each (or a page that includes itself under several attribute lists) grow exponentially
 * without adding lines, and would otherwise run for minutes.
 */
export const MAX_INCLUDES = 10_000
/** Text a page may add by including text it already included (the same file, or the same tagged part), in characters. */
export const MAX_REPEATED_CHARS = 128 * 1024

export interface IncludeContext {
  /** Absolute docs root: nothing outside it is ever read, but for the `readable` folders. */
  root: string
  /** Folders outside the root the user named (an explicit `docs-root`): includes may read them too. */
  readable?: readonly string[]
  attributes: Record<string, string>
  /** Decoded files by absolute path, shared across pages of one run (common-parms files are included hundreds of times). */
  cache: Map<string, string | null>
  /** Files with a model of their own in this run: a whole-file include of one that opens with its own title is not expanded. */
  pages?: ReadonlySet<string>
  /** `false` for a page a book walk read: the walk, which evaluates conditionals as Asciidoctor does, reports its include findings. */
  findings?: boolean
}

export interface Expanded {
  lines: string[]
  origins: LineOrigin[]
  diagnostics: Diagnostic[]
  /** The pages of the run this file includes whole, left to their own models (paths relative to the root). */
  pageIncludes: string[]
}

/**
 * Expands `include::target[tag=…]` directives line by line, inside the docs root only, tracing every
 * resulting line to the file and line it came from. Page attribute entries are recorded as they are met
 * so that later include targets can use them.
 */
export function expandIncludes(lines: string[], origins: LineOrigin[], absFile: string, ctx: IncludeContext): Expanded {
  const out: Expanding = { lines: [], origins: [], diagnostics: [], pageIncludes: [], full: false, includes: 0, reported: new Set(), expanded: new Set([absFile]), repeated: 0, repeatsCut: false }
  expandInto(out, lines, (i) => origins[i]!, absFile, ctx, [`${absFile}[]`])
  return { lines: out.lines, origins: out.origins, diagnostics: out.diagnostics, pageIncludes: out.pageIncludes }
}

/**
 * `full`: the page reached `MAX_LINES` or `MAX_INCLUDES`; later includes are skipped. `includes`: the directives
 * expanded so far. `reported`: a directive reached again through another include path is reported once.
 * `expanded`: the files (tagged parts) included so far, the page's own file first; `repeated`: the characters
 * added by including one again, up to `MAX_REPEATED_CHARS` (`repeatsCut` once reached).
 */
type Expanding = Expanded & { full: boolean; includes: number; reported: Set<string>; expanded: Set<string>; repeated: number; repeatsCut: boolean }

function expandInto(out: Expanding, lines: string[], originOf: (i: number) => LineOrigin, absFile: string, ctx: IncludeContext, stack: string[]): void {
  const shown = (p: string) => relative(ctx.root, p)
  // A directive reached again through another include path is reported once.
  const report = (rule: RuleId, at: LineOrigin, message: string) => {
    const key = `${rule} ${at.file}:${at.line}:${at.column}`
    if (ctx.findings === false || out.reported.has(key)) return
    out.reported.add(key)
    out.diagnostics.push(diagnostic(rule, at, message))
  }
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
    if (overBudget(out, at)) return
    // The directive is replaced by the lines it selects, as Asciidoctor does: a blank line left in its place
    // would end the paragraph the include continues (`(Optional, string)` then the shared definition text).
    const missing: string[] = []
    const target = resolveAttributeRefs(m[1]!, ctx.attributes, (name) => missing.push(name))
    const standIn = missing.length > 0 ? docsBuildFile(m[1]!) : undefined
    if (standIn) {
      if (standIn === 'versions') for (const [name, value] of Object.entries(VERSION_STAND_INS)) ctx.attributes[name] ??= value
      return report('docs-build-stand-in', at, standInMessage(standIn, m[1]!))
    }
    if (missing.length > 0) return report('include-unresolved', at, `Include target uses undefined attribute(s) ${missing.map((n) => `{${n}}`).join(', ')}: ${m[1]}`)
    const resolved = path.resolve(path.dirname(absFile), target)
    if (!readable(ctx, resolved)) return report('include-outside-root', at, `Include ${target} resolves outside the docs root ${ctx.root}; it was not read.`)
    // A file may include another tagged part of itself (ml-shared does); only the same part again is a cycle.
    const part = `${resolved}[${m[2]}]`
    if (stack.includes(part) || stack.length > MAX_DEPTH) {
      return report('include-cycle', at, `Include ${shown(resolved)} would include itself (or nests deeper than ${MAX_DEPTH}); skipped.`)
    }
    const content = readInside(resolved, ctx)
    if (content === null) {
      if (unreadable(resolved, ctx) === 'outside') return report('include-outside-root', at, `Include ${target} is a symbolic link leading outside the docs root ${ctx.root}; it was not read.`)
      const special = unreadable(resolved, ctx) === 'special'
      return report('include-not-found', at, special ? `Include target is not a regular file (or is over ${MAX_PAGE_BYTES} bytes): ${shown(resolved)}` : `Include file not found: ${shown(resolved)}`)
    }
    if (ctx.pages?.has(resolved) && !/\btags?\s*=/.test(m[2]!) && hasOwnTitle(content)) {
      out.pageIncludes.push(shown(resolved))
      return
    }
    const selected = taggedFile(resolved, content).select(m[2]!)
    // Text included again (the same file, or the same tagged part of it) is what grows exponentially: it has a
    // budget of its own, so that a book's distinct files are never cut while a page repeating itself is.
    const key = /(?:^|,)\s*tags?\s*=/.test(m[2]!) ? part : resolved
    const repeat = out.expanded.has(key)
    if (repeat && overRepeated(out, at, selected)) return
    out.expanded.add(key)
    const before = out.lines.length
    for (const tag of selected.missing) report('include-tag-missing', at, `Tag '${tag}' not found in ${shown(resolved)}.`)
    const file = shown(resolved)
    for (const run of selected.runs) expandInto(out, run.lines, (j) => ({ file, line: run.firstLine + j, column: 1 }), resolved, ctx, [...stack, part])
    if (repeat) for (let j = before; j < out.lines.length; j++) out.repeated += out.lines[j]!.length + 1
  })
}

/** Whether the page reached `MAX_LINES` or `MAX_INCLUDES` (said once; every include after is skipped). */
function overBudget(out: Expanding, at: LineOrigin): boolean {
  if (out.lines.length < MAX_LINES && ++out.includes <= MAX_INCLUDES) return false
  const grew = out.lines.length >= MAX_LINES ? `grew to ${MAX_LINES} lines` : `reached ${MAX_INCLUDES} include directives`
  if (!out.full) out.diagnostics.push(diagnostic('include-too-large', at, `The page ${grew} through its includes; this include and the ones after it were skipped.`))
  out.full = true
  return true
}

/** Whether including the selection again would pass `MAX_REPEATED_CHARS` (said once; the repeats after are skipped). */
function overRepeated(out: Expanding, at: LineOrigin, selected: { runs: { lines: string[] }[] }): boolean {
  let chars = out.repeated
  for (const run of selected.runs) for (const line of run.lines) chars += line.length + 1
  if (chars <= MAX_REPEATED_CHARS) return false
  if (!out.repeatsCut) out.diagnostics.push(diagnostic('include-too-large', at, `The page repeated included text past ${MAX_REPEATED_CHARS} characters; this include and the repeats after it were skipped.`))
  out.repeatsCut = true
  return true
}

/** Whether an include target lies inside the docs root or a folder the user named. */
export function readable(ctx: Pick<IncludeContext, 'root' | 'readable'>, resolved: string): boolean {
  return [ctx.root, ...(ctx.readable ?? [])].some((folder) => inside(folder, resolved))
}

/** The decoded text of an include target, or null when it is missing or (by its real path) outside the readable folders. */
export function readInside(resolved: string, ctx: Pick<IncludeContext, 'root' | 'readable' | 'cache'>): string | null {
  if (ctx.cache.has(resolved)) return ctx.cache.get(resolved)!
  let content: string | null = null
  try {
    // A symbolic link inside the root may point outside it: check the real path too. A FIFO or a device
    // (`/dev/zero`) would block or never end: only regular files are read.
    const real = fs.realpathSync(resolved)
    const folders = [ctx.root, ...(ctx.readable ?? [])].map((f) => fs.realpathSync(f))
    const stat = fs.statSync(real)
    if (folders.some((f) => inside(f, real)) && stat.isFile() && stat.size <= MAX_PAGE_BYTES) content = decodePage(fs.readFileSync(real), resolved).text
  } catch {
    content = null
  }
  ctx.cache.set(resolved, content)
  return content
}

/** Why a target could not be read, for the diagnostic. */
function unreadable(resolved: string, ctx: Pick<IncludeContext, 'root' | 'readable'>): 'outside' | 'special' | 'missing' {
  try {
    const real = fs.realpathSync(resolved)
    if (![ctx.root, ...(ctx.readable ?? [])].some((f) => inside(fs.realpathSync(f), real))) return 'outside'
    return 'special'
  } catch {
    return 'missing'
  }
}

/** Tag indexes of include targets by path, for the whole process; a file whose content changed is indexed again. */
const tagged = new Map<string, TaggedFile>()

export function taggedFile(resolved: string, content: string): TaggedFile {
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
