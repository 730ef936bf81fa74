import type { Block, Document } from '@asciidoctor/core'
import type { Snippet } from '../model/types.js'
import { lineIndexOf } from './asciidoc.js'
import type { PageContext } from './context.js'
import { parseConsole } from './snippets/console.js'
import { parseMarkers } from './snippets/markers.js'
import { parseResponse } from './snippets/response.js'

const DELIMITER = /^(-{4,}|\.{4,})\s*$/
const MARKER_COMMENT = /^\/\/(?!\/)/

/**
 * Every source/listing block of the page in order, with the marker comments that follow it. Asciidoctor
 * drops `//` comment lines from its tree, so they are read from the source lines right after the block's
 * closing delimiter, whose place the block's source map and line count give.
 */
export function readExamples(ctx: PageContext, doc: Document): Snippet[] {
  const snippets: Snippet[] = []
  const blocks = doc.findBy((b) => b.getContext() === 'listing' || (b.getContext() === 'literal' && b.getStyle() === 'source')) as Block[]
  for (const block of blocks) {
    const start = lineIndexOf(block)
    if (start === undefined) continue
    const delimited = DELIMITER.test(ctx.line(start))
    const lines = block.getSourceLines()
    const contentStart = delimited ? start + 1 : start
    const after = contentStart + lines.length + (delimited ? 1 : 0)
    const comments: { text: string; position: ReturnType<PageContext['at']> }[] = []
    for (let i = after; i < ctx.source.lines.length && MARKER_COMMENT.test(ctx.line(i)); i++) comments.push({ text: ctx.line(i), position: ctx.at(i) })
    const markers = parseMarkers(comments)
    ctx.diagnostics.push(...markers.diagnostics)
    const language = String(block.getAttribute('language') ?? (block.getStyle() === 'source' ? '' : block.getStyle() ?? ''))
    const text = ctx.source.lines.slice(contentStart, contentStart + lines.length).join('\n')
    const consoleLike = markers.console || language === 'console'
    const role: Snippet['role'] =
      language === 'console-result' || markers.testResponse
        ? 'response'
        : !markers.notConsole && (consoleLike || markers.test || markers.testSetup || markers.teardown)
          ? 'request'
          : 'other'
    const snippet: Snippet = {
      index: snippets.length,
      role,
      language,
      text,
      position: ctx.at(contentStart),
      endLine: ctx.at(comments.length > 0 ? after + comments.length - 1 : Math.max(after - 1, contentStart)).line,
      markers: markers.markers,
      console: consoleLike,
      notConsole: markers.notConsole,
      testSetup: markers.testSetup,
      teardown: markers.teardown,
      requests: [],
    }
    if (markers.test) snippet.test = markers.test
    if (markers.testResponse) snippet.testResponse = markers.testResponse
    const at = (lineIndex: number, column: number) => ctx.at(contentStart + lineIndex, column)
    if (role === 'request') {
      const parsed = parseConsole(text, at)
      snippet.requests = parsed.requests
      ctx.diagnostics.push(...parsed.diagnostics)
    } else if (role === 'response') {
      const parsed = parseResponse(text, at, markers.testResponse)
      if (parsed.json !== undefined) snippet.responseJson = parsed.json
      ctx.diagnostics.push(...parsed.diagnostics)
      const answered = [...snippets].reverse().find((s) => s.role === 'request')
      if (answered) snippet.answers = answered.index
      else ctx.report(snippet.position, 'warning', 'orphan-response', 'This response snippet follows no request snippet on the page.')
    }
    snippets.push(snippet)
  }
  return snippets
}
