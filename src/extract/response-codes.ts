import type { AbstractBlock, ListItem } from '@asciidoctor/core'
import type { ResponseCode } from '../model/types.js'
import { children, lineIndexOf, rawText } from './asciidoc.js'
import type { PageContext } from './context.js'

type DlistEntry = [ListItem[], ListItem | undefined]

/** `` `404` (Missing resources):: text `` entries of the Response codes section. */
export function readResponseCodes(ctx: PageContext, sections: AbstractBlock[]): ResponseCode[] {
  const out: ResponseCode[] = []
  for (const section of sections) {
    for (const list of children(section).filter((b) => b.getContext() === 'dlist')) {
      for (const [terms, dd] of (list as unknown as { getItems(): DlistEntry[] }).getItems()) {
        const term = terms[0]
        if (!term) continue
        const termText = rawText(term)
        const m = /(\d{3})/.exec(termText)
        const lineIndex = lineIndexOf(term) ?? 0
        if (!m || Number(m[1]) < 100 || Number(m[1]) > 599) {
          ctx.report(ctx.at(lineIndex), 'warning', 'bad-response-code', `Response code entry '${termText}' does not name an HTTP status code.`)
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
