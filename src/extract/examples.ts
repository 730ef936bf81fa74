import type { Block, Document } from '@asciidoctor/core'
import type { PositionAt } from '../console/position.js'
import { parseConsole } from '../console/requests.js'
import { parseResponse } from '../console/response.js'
import { applySubstitutions } from '../console/substitute.js'
import type { Snippet, Substitution } from '../model/types.js'
import { lineIndexOf } from './asciidoc.js'
import type { PageContext } from './context.js'
import { parseMarkers } from './snippets/markers.js'

const DELIMITER = /^(-{4,}|\.{4,})\s*$/
const MARKER_COMMENT = /^\/\/(?!\/)/

/**
 * Every source/listing block of the page in order, with the marker comments that follow it. Asciidoctor
 * drops `//` comment lines from its tree, so they are read from the source lines right after the block's
 * closing delimiter, whose place the block's source map and line count give.
 */
export function readExamples(ctx: PageContext, doc: Document): Snippet[] {
  const snippets: Snippet[] = []
  for (const block of [...listingBlocks(ctx, doc), ...hiddenListingBlocks(ctx)].sort((a, b) => a.contentStart - b.contentStart)) {
    const { contentStart, lineCount, language } = block
    const after = contentStart + lineCount + (block.delimited ? 1 : 0)
    const comments: { text: string; position: ReturnType<PageContext['at']> }[] = []
    for (let i = after; i < ctx.source.lines.length && MARKER_COMMENT.test(ctx.line(i)); i++) comments.push({ text: ctx.line(i), position: ctx.at(i) })
    const markers = parseMarkers(comments)
    ctx.diagnostics.push(...markers.diagnostics)
    const text = ctx.source.lines.slice(contentStart, contentStart + lineCount).join('\n')
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
      ctx.diagnostics.push(...parsed.diagnostics.filter((d) => d.rule !== 'invalid-json' || !substitutedValid(text, markers.test?.substitutions ?? [], at)))
    } else if (role === 'response') {
      const parsed = parseResponse(text, at, markers.testResponse)
      if (parsed.json !== undefined) snippet.responseJson = parsed.json
      ctx.diagnostics.push(...parsed.diagnostics)
      const answered = [...snippets].reverse().find((s) => s.role === 'request')
      if (answered) snippet.answers = answered.index
      else ctx.report('orphan-response', snippet.position, 'This response snippet follows no request snippet on the page.')
    }
    snippets.push(snippet)
  }
  return snippets
}

/**
 * A body the snippet's own `// TEST[s/…/…/]` makes valid JSON (`"vocabulary": [ "[PAD]", ... ]` with
 * `s/\.\.\./"[PAD]"/`) elides on purpose: the doc tests run the substituted text, so it is no error.
 */
function substitutedValid(text: string, substitutions: readonly Substitution[], at: PositionAt): boolean {
  if (substitutions.length === 0) return false
  const substituted = applySubstitutions(text, substitutions)
  return substituted.ok && !parseConsole(substituted.text, at).diagnostics.some((d) => d.rule === 'invalid-json')
}

interface ListingBlock {
  language: string
  /** 0-based index of the first content line. */
  contentStart: number
  lineCount: number
  delimited: boolean
}

function listingBlocks(ctx: PageContext, doc: Document): ListingBlock[] {
  const blocks = doc.findBy((b) => b.getContext() === 'listing' || (b.getContext() === 'literal' && b.getStyle() === 'source')) as Block[]
  return blocks.flatMap((block) => {
    const start = lineIndexOf(block)
    if (start === undefined) return []
    const delimited = DELIMITER.test(ctx.line(start))
    const language = String(block.getAttribute('language') ?? (block.getStyle() === 'source' ? '' : (block.getStyle() ?? '')))
    return [{ language, contentStart: delimited ? start + 1 : start, lineCount: block.getSourceLines().length, delimited }]
  })
}

/**
 * Snippets inside `////` comment blocks: pages hide setup requests there, the doc tests run them, and
 * Asciidoctor drops comment blocks from its tree, so they are read from the source lines.
 */
function hiddenListingBlocks(ctx: PageContext): ListingBlock[] {
  const out: ListingBlock[] = []
  const lines = ctx.source.lines
  let comment: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd()
    if (/^\/{4,}$/.test(line)) {
      comment = comment === undefined ? line : line === comment ? undefined : comment
      continue
    }
    if (comment === undefined) continue
    const source = /^\[source,\s*([\w-]+)/.exec(line)
    const delimiter = source ? DELIMITER.exec(lines[i + 1] ?? '')?.[1] : undefined
    if (!source || !delimiter) continue
    const end = lines.findIndex((l, j) => j > i + 1 && l.trimEnd() === delimiter)
    if (end < 0) continue
    out.push({ language: source[1]!, contentStart: i + 2, lineCount: end - i - 2, delimited: true })
    i = end
  }
  return out
}
