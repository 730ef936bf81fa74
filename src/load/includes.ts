import fs from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../model/types.js'
import { parseAttributeEntry, resolveAttributeRefs } from './attributes.js'
import { decodePage } from './read.js'
import { diagnostic, type LineOrigin } from './source.js'

const INCLUDE = /^include::([^\s[][^[]*)\[(.*)\]\s*$/
const TAG_LINE = /\b(tag|end)::([\w.*-]+)\[\]/
const MAX_DEPTH = 16

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
export function expandIncludes(text: string, absFile: string, ctx: IncludeContext): Expanded {
  const out: Expanded = { lines: [], origins: [], diagnostics: [] }
  expandInto(out, text.split('\n'), 1, absFile, ctx, [`${absFile}[]`])
  return out
}

function expandInto(out: Expanded, lines: string[], firstLine: number, absFile: string, ctx: IncludeContext, stack: string[]): void {
  const file = relative(ctx.root, absFile)
  const shown = (p: string) => relative(ctx.root, p)
  lines.forEach((line, i) => {
    const lineNo = firstLine + i
    const entry = line.startsWith(':') ? parseAttributeEntry(line) : undefined
    if (entry) {
      if (entry.value === undefined) delete ctx.attributes[entry.name]
      else ctx.attributes[entry.name] = entry.value
    }
    const m = line.startsWith('include::') ? INCLUDE.exec(line) : null
    if (!m) {
      out.lines.push(line)
      out.origins.push({ file, line: lineNo, column: 1 })
      return
    }
    const at = { file, line: lineNo, column: 10 }
    // The directive is replaced by the lines it selects, as Asciidoctor does: a blank line left in its place
    // would end the paragraph the include continues (`(Optional, string)` then the shared definition text).
    const missing: string[] = []
    const target = resolveAttributeRefs(m[1]!, ctx.attributes, (name) => missing.push(name))
    if (missing.length > 0) {
      out.diagnostics.push(diagnostic(at, 'error', 'include-unresolved', `Include target uses undefined attribute(s) ${missing.map((n) => `{${n}}`).join(', ')}: ${m[1]}`))
      return
    }
    const resolved = path.resolve(path.dirname(absFile), target)
    if (!inside(ctx.root, resolved)) {
      out.diagnostics.push(diagnostic(at, 'error', 'include-outside-root', `Include ${target} resolves outside the docs root ${ctx.root}; it was not read.`))
      return
    }
    // A file may include another tagged part of itself (ml-shared does); only the same part again is a cycle.
    const part = `${resolved}[${m[2]}]`
    if (stack.includes(part) || stack.length > MAX_DEPTH) {
      out.diagnostics.push(diagnostic(at, 'error', 'include-cycle', `Include ${shown(resolved)} would include itself (or nests deeper than ${MAX_DEPTH}); skipped.`))
      return
    }
    const content = readInside(resolved, ctx)
    if (content === null) {
      out.diagnostics.push(diagnostic(at, 'error', 'include-not-found', `Include file not found: ${shown(resolved)}`))
      return
    }
    const selected = selectCached(part, content, m[2]!, ctx.cache)
    for (const tag of selected.missing) {
      out.diagnostics.push(diagnostic(at, 'warning', 'include-tag-missing', `Tag '${tag}' not found in ${shown(resolved)}.`))
    }
    for (const run of selected.runs) expandInto(out, run.lines, run.firstLine, resolved, ctx, [...stack, part])
  })
}

function readInside(resolved: string, ctx: IncludeContext): string | null {
  if (ctx.cache.has(resolved)) return ctx.cache.get(resolved)!
  let content: string | null = null
  try {
    // A symbolic link inside the root may point outside it: check the real path too.
    const real = fs.realpathSync(resolved)
    if (inside(fs.realpathSync(ctx.root), real)) content = decodePage(fs.readFileSync(real), resolved).text
  } catch {
    content = null
  }
  ctx.cache.set(resolved, content)
  return content
}

type Selection = ReturnType<typeof selectTags>

/** Selections by include part, one map per run: a shared fragment is split and scanned for tags once, not at each of its hundreds of includes. */
const selections = new WeakMap<IncludeContext['cache'], Map<string, Selection>>()

function selectCached(part: string, content: string, attrlist: string, cache: IncludeContext['cache']): Selection {
  let byPart = selections.get(cache)
  if (!byPart) selections.set(cache, (byPart = new Map()))
  let selected = byPart.get(part)
  if (!selected) byPart.set(part, (selected = selectTags(content.split('\n'), parseTags(attrlist))))
  return selected
}

/** Tags asked for by `tag=x`, `tags=x;y`; `**` / `*` mean all lines but tag directives; `!x` excludes. */
function parseTags(attrlist: string): { include: string[]; exclude: string[]; all: boolean } | undefined {
  const m = /(?:^|,)\s*tags?\s*=\s*("([^"]*)"|[^,]*)/.exec(attrlist)
  if (!m) return undefined
  const names = (m[2] ?? m[1]!).split(/[;,]/).map((s) => s.trim()).filter(Boolean)
  return {
    include: names.filter((n) => !n.startsWith('!') && n !== '*' && n !== '**'),
    exclude: names.filter((n) => n.startsWith('!')).map((n) => n.slice(1)),
    all: names.some((n) => n === '*' || n === '**'),
  }
}

function selectTags(
  lines: string[],
  tags: ReturnType<typeof parseTags>,
): { runs: { lines: string[]; firstLine: number }[]; missing: string[] } {
  if (!tags) return { runs: [{ lines, firstLine: 1 }], missing: [] }
  const runs: { lines: string[]; firstLine: number }[] = []
  const seen = new Set<string>()
  const open: string[] = []
  let run: { lines: string[]; firstLine: number } | undefined
  lines.forEach((line, i) => {
    const m = TAG_LINE.exec(line)
    if (m) {
      const [, kind, name] = m
      if (kind === 'tag') open.push(name!)
      else open.splice(open.lastIndexOf(name!), 1)
      seen.add(name!)
      run = undefined
      return
    }
    const wanted = open.some((t) => tags.include.includes(t)) || (tags.all && !open.some((t) => tags.exclude.includes(t)))
    if (!wanted) {
      run = undefined
      return
    }
    if (!run) runs.push((run = { lines: [], firstLine: i + 1 }))
    run.lines.push(line)
  })
  return { runs, missing: tags.include.filter((t) => !seen.has(t)) }
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export function relative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/')
}
