import type { Block, Document } from '@asciidoctor/core'
import type { PositionAt } from '../console/position.js'
import { parseKibana } from '../console/kibana.js'
import { parseConsole } from '../console/requests.js'
import { parseResponse } from '../console/response.js'
import { applySubstitutions } from '../console/substitute.js'
import { HTTP_METHOD_PATTERN, type Snippet, type Substitution } from '../model/types.js'
import { lineIndexOf } from './asciidoc.js'
import type { PageContext } from './context.js'
import { parseMarkers, responseOptions, type Markers } from './snippets/markers.js'

const DELIMITER = /^(-{4,}|\.{4,})\s*$/
const MARKER_COMMENT = /^\/\/(?!\/)/

/** A snippet opening with a `curl` command or a request line: on a Kibana page, a request even without `// KIBANA`. */
const KIBANA_REQUEST = new RegExp(`^\\s*(?:(?:\\$\\s+)?curl\\s|(?:${HTTP_METHOD_PATTERN})\\s+\\S)`)

/** How the page's own prose introduces a response it shows: "The API returns the following:", "Example response:". */
const RESPONSE_LEAD_IN = /\b(?:returns?|responses?|responds?)\b/i

export interface ExampleOptions {
  /**
   * The page is written in Kibana's house style (a request line with a host, `<kibana host>:<port>/api/…`,
   * or calling `/api/…`): an unmarked snippet opening with a request is a Kibana request, and JSON the prose
   * introduces as a response is one even where no request precedes it.
   */
  kibana?: boolean
}

/**
 * Every source/listing block of the page in order, with the marker comments that follow it. Asciidoctor
 * drops `//` comment lines from its tree, so they are read from the source lines right after the block's
 * closing delimiter, whose place the block's source map and line count give.
 */
export function readExamples(ctx: PageContext, doc: Document, options: ExampleOptions = {}): Snippet[] {
  const snippets: Snippet[] = []
  const blocks = [...listingBlocks(ctx, doc), ...hiddenListingBlocks(ctx)].sort((a, b) => a.contentStart - b.contentStart)
  const marked = blocks.map((block) => readMarkers(ctx, block))
  for (const [n, block] of blocks.entries()) {
    const { markers, after, comments } = marked[n]!
    ctx.diagnostics.push(...markers.diagnostics)
    const { contentStart, lineCount, language } = block
    const text = ctx.source.lines.slice(contentStart, contentStart + lineCount).join('\n')
    const snippet: Snippet = {
      index: snippets.length,
      role: roleOf(markers, language),
      language,
      text,
      position: ctx.at(contentStart),
      endLine: ctx.at(comments > 0 ? after + comments - 1 : Math.max(after - 1, contentStart)).line,
      markers: markers.markers,
      console: markers.console || language === 'console',
      notConsole: markers.notConsole,
      testSetup: markers.testSetup,
      teardown: markers.teardown,
      requests: [],
    }
    const unmarkedKibana = snippet.role === 'other' && markers.markers.length === 0 && options.kibana === true && KIBANA_REQUEST.test(text)
    if (unmarkedKibana) snippet.role = 'request'
    if (snippet.role === 'request' && (markers.kibana || unmarkedKibana)) snippet.target = 'kibana'
    if (markers.test) snippet.test = markers.test
    const response = snippet.role === 'response' ? responseOptions(markers) : markers.testResponse
    if (response) snippet.testResponse = response
    const answered = [...snippets].reverse().find((s) => s.role === 'request')
    if (snippet.role === 'other' && markers.markers.length === 0 && introducedResponse(ctx, block, text, answered, options)) {
      snippet.role = 'response'
      if (answered?.target) snippet.target = answered.target
    }
    readSnippetContent(ctx, snippet, markers, answered, contentStart)
    snippets.push(snippet)
  }
  return snippets
}

function readMarkers(ctx: PageContext, block: ListingBlock): { markers: Markers; after: number; comments: number } {
  const after = block.contentStart + block.lineCount + (block.delimited ? 1 : 0)
  const comments: { text: string; position: ReturnType<PageContext['at']> }[] = []
  for (let i = after; i < ctx.source.lines.length && MARKER_COMMENT.test(ctx.line(i)); i++) comments.push({ text: ctx.line(i), position: ctx.at(i) })
  return { markers: parseMarkers(comments), after, comments: comments.length }
}

function roleOf(markers: Markers, language: string): Snippet['role'] {
  if (language === 'console-result' || markers.testResponse) return 'response'
  const consoleLike = markers.console || language === 'console' || markers.kibana
  return !markers.notConsole && (consoleLike || markers.test || markers.testSetup || markers.teardown) ? 'request' : 'other'
}

/** Parses a request snippet's requests, or a response snippet's JSON and the request snippet it answers. */
function readSnippetContent(ctx: PageContext, snippet: Snippet, markers: Markers, answered: Snippet | undefined, contentStart: number): void {
  const at = (lineIndex: number, column: number) => ctx.at(contentStart + lineIndex, column)
  if (snippet.role === 'request') {
    const parsed = snippet.target === 'kibana' ? parseKibana(snippet.text, at) : parseConsole(snippet.text, at)
    snippet.requests = parsed.requests
    ctx.diagnostics.push(...parsed.diagnostics.filter((d) => d.rule !== 'invalid-json' || !substitutedValid(snippet.text, markers.test?.substitutions ?? [], at)))
  } else if (snippet.role === 'response') {
    const parsed = parseResponse(snippet.text, at, snippet.testResponse)
    if (parsed.json !== undefined) snippet.responseJson = parsed.json
    ctx.diagnostics.push(...parsed.diagnostics)
    if (answered) snippet.answers = answered.index
    else if (markers.testResponse || snippet.language === 'console-result') ctx.report('orphan-response', snippet.position, 'This response snippet follows no request snippet on the page.')
  }
}

/**
 * A block without markers that shows JSON the prose right before it calls a response ("The API returns the
 * following:"), after a `// KIBANA` request or on a Kibana-style page: Kibana's pages show responses so,
 * never with `// TESTRESPONSE`. (Elasticsearch pages mark theirs; their unmarked JSON stays as it is.)
 */
function introducedResponse(ctx: PageContext, block: ListingBlock, text: string, answered: Snippet | undefined, options: ExampleOptions): boolean {
  if (!(answered ? answered.target === 'kibana' : options.kibana)) return false
  if (!/^\s*[{[]/.test(text.split('\n').find((line) => line.trim() !== '') ?? '')) return false
  return RESPONSE_LEAD_IN.test(leadIn(ctx, block))
}

/** The paragraph right before a block and its attribute, title and anchor lines. */
function leadIn(ctx: PageContext, block: ListingBlock): string {
  let i = block.contentStart - (block.delimited ? 2 : 1)
  while (i >= 0 && (/^\s*$/.test(ctx.line(i)) || /^\[.*\]\s*$|^\.\S/.test(ctx.line(i)))) i--
  const lines: string[] = []
  for (; i >= 0 && ctx.line(i).trim() !== '' && !DELIMITER.test(ctx.line(i)); i--) lines.unshift(ctx.line(i))
  return lines.join(' ')
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
    const listing = { language, contentStart: delimited ? start + 1 : start, lineCount: block.getSourceLines().length, delimited }
    if (delimited) reportRunOn(ctx, start, listing)
    return [listing]
  })
}

/**
 * A line of the opening delimiter's character but of another length inside a block: the doc build's line
 * reader would close the snippet there, Asciidoctor reads it as content and the block runs on.
 */
function reportRunOn(ctx: PageContext, open: number, block: ListingBlock): void {
  const delimiter = ctx.line(open).trimEnd()
  const end = block.contentStart + block.lineCount
  for (let i = block.contentStart; i < end; i++) {
    const line = ctx.line(i).trimEnd()
    if (!sameDelimiterChar(line, delimiter)) continue
    ctx.report(
      'delimiter-length',
      ctx.at(i),
      `This line of ${line.length} characters does not close the listing block opened at line ${ctx.at(open).line} with ${delimiter.length}: ` +
        `Asciidoctor reads it as content, and the block runs on to line ${ctx.at(end).line}; the doc build's line reader would close it here. Make both lines the same length.`,
    )
    return
  }
}

/** A delimiter line (four or more) of the character `delimiter` is made of. */
function sameDelimiterChar(line: string, delimiter: string): boolean {
  return line.length >= 4 && DELIMITER.test(line) && line[0] === delimiter[0]
}

/**
 * Snippets inside `////` comment blocks: pages hide setup requests there, the doc tests run them, and
 * Asciidoctor drops comment blocks from its tree, so they are read from the source lines as the doc build
 * reads them: a snippet ends at the next delimiter line of its character, whatever its length.
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
    const open = source ? DELIMITER.exec(lines[i + 1] ?? '')?.[1] : undefined
    if (!source || !open) continue
    let end = i + 2
    while (end < lines.length && lines[end]!.trimEnd() !== comment && !sameDelimiterChar(lines[end]!.trimEnd(), open)) end++
    if (end >= lines.length || lines[end]!.trimEnd() === comment) continue
    const close = lines[end]!.trimEnd()
    if (close.length !== open.length) {
      ctx.report(
        'delimiter-length',
        ctx.at(end),
        `This line of ${close.length} characters closes the hidden snippet opened at line ${ctx.at(i + 1).line} with ${open.length}, as the doc build's line reader reads it; ` +
          'Asciidoctor closes a block only with a line of the same length. Make both lines the same length.',
      )
    }
    out.push({ language: source[1]!, contentStart: i + 2, lineCount: end - i - 2, delimited: true })
    i = end
  }
  return out
}
