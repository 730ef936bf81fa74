import type { AbstractBlock, Block, Document } from '@asciidoctor/core'
import { parseAttributeEntry } from '../load/attributes.js'
import { lineIndexOf } from './asciidoc.js'
import type { PageContext } from './context.js'

const ATTRIBUTE_REF = /(\\)?\{([\w][\w-]*)\}/g
const DELIMITER = /^(-{4,}|\.{4,}|\+{4,}|`{3,}|_{4,}|={4,}|\*{4,})\s*$/
const COMMENT_DELIMITER = /^\/{4,}\s*$/

/**
 * `{name}` references Asciidoctor leaves unresolved, reported once per line at the first one. Only the
 * lines Asciidoctor substitutes attributes in are read: the lines its preprocessor keeps (`live`: a false
 * `ifdef`/`ifeval` drops the rest), outside comments and outside the blocks that take no attribute
 * substitution (listing, literal and pass blocks, unless `subs` adds it), as the parsed tree says. A name
 * is defined by the page's attributes (built-in, the user's, its book's), by the page's own entries above
 * the line, or by Asciidoctor itself (`{nbsp}`, `{empty}`, its defaults). Code spans are skipped:
 * Elasticsearch pages write path templates like `{index}` there on purpose.
 */
export function lintUndefinedAttributes(ctx: PageContext, doc: Document, live: ReadonlySet<number>): void {
  const verbatim = unsubstituted(ctx, doc)
  const entries = new Map<string, boolean>()
  const asciidoctor = new Map<string, boolean>()
  const substitute = (text: string) => (doc as unknown as { subAttributes(text: string): string }).subAttributes(text)
  const defined = (name: string) => entries.get(name) ?? (name in ctx.source.attributes || cached(asciidoctor, name, () => substitute(`{${name}}`) !== `{${name}}`))
  let comment: string | undefined
  ctx.source.lines.forEach((line, i) => {
    if (!live.has(i) || verbatim.has(i)) return
    if (comment !== undefined || COMMENT_DELIMITER.test(line)) {
      if (COMMENT_DELIMITER.test(line)) comment = comment === undefined ? line.trimEnd() : comment === line.trimEnd() ? undefined : comment
      return
    }
    if (line.startsWith('//')) return
    const missing = line.includes('{') ? undefinedRefs(line, (name) => defined(name.toLowerCase())) : []
    if (missing.length > 0) {
      const names = [...new Set(missing.map((m) => `{${m.name}}`))]
      const what = names.length === 1 ? `Attribute ${names[0]} is` : `Attributes ${names.join(', ')} are`
      ctx.report('undefined-attribute', ctx.at(i, missing[0]!.column), `${what} not defined (built-in, --attributes, --attribute, the book or the page); left as written.`)
    }
    const entry = line.startsWith(':') ? parseAttributeEntry(line) : undefined
    if (entry) entries.set(entry.name.toLowerCase(), entry.value !== undefined)
  })
}

function undefinedRefs(line: string, defined: (name: string) => boolean): { name: string; column: number }[] {
  const code = [...line.matchAll(/`[^`]*`/g)].map((m) => [m.index!, m.index! + m[0].length] as const)
  const out: { name: string; column: number }[] = []
  let span = 0
  for (const m of line.matchAll(ATTRIBUTE_REF)) {
    // References and code spans both come in line order: the span to test only moves forward.
    while (span < code.length && code[span]![1] <= m.index!) span++
    const inCode = span < code.length && code[span]![0] <= m.index!
    if (m[1] || inCode || defined(m[2]!)) continue
    out.push({ name: m[2]!, column: m.index! + 1 })
  }
  return out
}

function cached(memo: Map<string, boolean>, name: string, compute: () => boolean): boolean {
  let value = memo.get(name)
  if (value === undefined) memo.set(name, (value = compute()))
  return value
}

/** Line indexes of the blocks whose content Asciidoctor does not substitute attributes in (delimiters included). */
function unsubstituted(ctx: PageContext, doc: Document): Set<number> {
  const lines = new Set<number>()
  const verbatim = doc.findBy((b: AbstractBlock) => {
    const model = (b as Block).getContentModel?.()
    return (model === 'verbatim' || model === 'raw') && !(b as Block).hasSubstitution?.('attributes')
  })
  for (const block of verbatim) {
    const start = lineIndexOf(block)
    if (start === undefined) continue
    const opening = ctx.line(start).trimEnd()
    let end = start + Math.max(((block as Block).getSourceLines?.() ?? []).length, 1) - 1
    if (DELIMITER.test(opening)) {
      end = start + 1
      while (end < ctx.source.lines.length - 1 && ctx.line(end).trimEnd() !== opening) end++
    }
    for (let i = start; i <= end; i++) lines.add(i)
  }
  return lines
}
