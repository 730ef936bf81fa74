import fs from 'node:fs'
import path from 'node:path'
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, RuleId } from '../model/types.js'
import { parseAttributeEntry, resolveAttributeRefs } from './attributes.js'
import { docsBuildFile, standInMessage, VERSION_STAND_INS } from './docs-build.js'
import { decodePage } from './read.js'
import type { LineOrigin } from './source.js'
import { TaggedFile } from './tags.js'
import { hasOwnTitle } from './title.js'

const INCLUDE = /^include::([^\s[][^[]*)\[(.*)\]\s*$/
const MAX_DEPTH = 16
/** Lines a page may grow to through includes: a file that includes another twice, nested, doubles at each level. */
const MAX_LINES = 250_000

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
  const out: Expanding = { lines: [], origins: [], diagnostics: [], pageIncludes: [], full: false }
  expandInto(out, lines, (i) => origins[i]!, absFile, ctx, [`${absFile}[]`])
  return { lines: out.lines, origins: out.origins, diagnostics: out.diagnostics, pageIncludes: out.pageIncludes }
}

/** `full`: the page reached `MAX_LINES`; later includes are skipped. */
type Expanding = Expanded & { full: boolean }

function expandInto(out: Expanding, lines: string[], originOf: (i: number) => LineOrigin, absFile: string, ctx: IncludeContext, stack: string[]): void {
  const shown = (p: string) => relative(ctx.root, p)
  const report = (rule: RuleId, at: LineOrigin, message: string) => {
    if (ctx.findings !== false) out.diagnostics.push(diagnostic(rule, at, message))
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
    if (out.lines.length >= MAX_LINES) {
      if (!out.full) out.diagnostics.push(diagnostic('include-too-large', at, `The page grew to ${MAX_LINES} lines through its includes; this include and the ones after it were skipped.`))
      out.full = true
      return
    }
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
    if (content === null) return report('include-not-found', at, `Include file not found: ${shown(resolved)}`)
    if (ctx.pages?.has(resolved) && !/\btags?\s*=/.test(m[2]!) && hasOwnTitle(content)) {
      out.pageIncludes.push(shown(resolved))
      return
    }
    const selected = taggedFile(resolved, content).select(m[2]!)
    for (const tag of selected.missing) report('include-tag-missing', at, `Tag '${tag}' not found in ${shown(resolved)}.`)
    const file = shown(resolved)
    for (const run of selected.runs) expandInto(out, run.lines, (j) => ({ file, line: run.firstLine + j, column: 1 }), resolved, ctx, [...stack, part])
  })
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
    // A symbolic link inside the root may point outside it: check the real path too.
    const real = fs.realpathSync(resolved)
    const folders = [ctx.root, ...(ctx.readable ?? [])].map((f) => fs.realpathSync(f))
    if (folders.some((f) => inside(f, real))) content = decodePage(fs.readFileSync(real), resolved).text
  } catch {
    content = null
  }
  ctx.cache.set(resolved, content)
  return content
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
