import type { AbstractBlock, Block, ListItem } from '@asciidoctor/core'
import type { ResponseCode } from '../model/types.js'
import { children, lineIndexOf, rawText } from './asciidoc.js'
import type { PageContext } from './context.js'

type DlistEntry = [ListItem[], ListItem | undefined]

/**
 * `` `404` (Missing resources):: text `` entries of the Response codes section, and codes its sentences
 * name ("If the user is not defined, the request 404s."). A list naming no HTTP status at all is no list of them.
 */
export function readResponseCodes(ctx: PageContext, sections: AbstractBlock[]): ResponseCode[] {
  const out: ResponseCode[] = []
  for (const section of sections) {
    for (const paragraph of children(section).filter((b) => b.getContext() === 'paragraph')) {
      const entry = lostDelimiterEntry(ctx, paragraph as Block)
      out.push(...(entry ? [entry] : codesInSentences(ctx, paragraph as Block)))
    }
    for (const list of children(section).filter((b) => b.getContext() === 'dlist')) {
      const items = (list as unknown as { getItems(): DlistEntry[] }).getItems()
      // Every term a number below 100 (`0`, `1`, … under "Status codes"): codes of another kind, a reindex's states.
      if (items.every(([terms]) => /^`?\d{1,2}`?$/.test(rawText(terms[0]!).trim()))) continue
      for (const [terms, dd] of items) {
        const term = terms[0]
        if (!term) continue
        const termText = rawText(term)
        const m = /(\d{3})/.exec(termText)
        const lineIndex = lineIndexOf(term) ?? 0
        if (!m || Number(m[1]) < 100 || Number(m[1]) > 599) {
          ctx.report('bad-response-code', ctx.at(lineIndex), `Response code entry '${termText}' does not name an HTTP status code.`)
          continue
        }
        const label = /\(([^)]*)\)/.exec(termText)?.[1]
        const text = [label, dd ? rawText(dd) : ''].filter(Boolean).join(': ')
        const column = Math.max(ctx.line(lineIndex).indexOf(termText), 0) + 1
        out.push({ code: Number(m[1]), description: ctx.text(text), position: ctx.at(lineIndex, column) })
      }
    }
  }
  return out
}

/** A paragraph opening with a lone `` `200`: `` line: an entry that lost one colon of its `::`; the lines after it describe the code. */
function lostDelimiterEntry(ctx: PageContext, paragraph: Block): ResponseCode | undefined {
  const [first = '', ...rest] = paragraph.getSourceLines()
  const m = /^`?([1-5]\d\d)`?(?:\s*\(([^)]*)\))?\s*:$/.exec(first.trim())
  if (!m || rest.length === 0) return undefined
  const lineIndex = lineIndexOf(paragraph) ?? 0
  const column = Math.max(ctx.line(lineIndex).indexOf(first.trim()), 0) + 1
  ctx.report('missing-dlist-delimiter', ctx.at(lineIndex, column + first.trim().length - 1), `The response code entry \`${m[1]}\` lacks the \`::\` that makes it a definition-list entry; read as one.`)
  const text = [m[2], rest.join('\n')].filter(Boolean).join(': ')
  return { code: Number(m[1]), description: ctx.text(text), position: ctx.at(lineIndex, column) }
}

/** Status codes a paragraph names (`404`, `404s`), each with the paragraph as its description, at the code. */
function codesInSentences(ctx: PageContext, paragraph: Block): ResponseCode[] {
  const first = lineIndexOf(paragraph) ?? 0
  const lines = paragraph.getSourceLines()
  const description = ctx.text(paragraph.getSource())
  const seen = new Set<number>()
  return lines.flatMap((line, i) =>
    [...line.matchAll(/(?<![\w.])`?([1-5]\d\d)`?(?:s\b|(?!\w|\.\d))/g)].flatMap((m) => {
      const code = Number(m[1])
      if (seen.has(code)) return []
      seen.add(code)
      const column = ctx.line(first + i).indexOf(line) + 1 + m.index!
      return [{ code, description, position: ctx.at(first + i, Math.max(column, 1)) }]
    }),
  )
}
