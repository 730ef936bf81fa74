import { diagnostic } from '../model/diagnostic.js'
import { HTTP_METHOD_PATTERN, type Diagnostic } from '../model/types.js'
import type { LineOrigin } from './source.js'

/**
 * Damaged pages: some pipelines collapse every run of whitespace, newlines included, into one space.
 * This rebuilds the line structure from AsciiDoc's own line-level syntax (section titles, anchors, block
 * attributes, attribute entries, delimiters, comments and marker comments, include and status macros, list
 * items, admonition labels, definition-list terms, continuations, callouts and console bodies), so the page
 * parses as it was written. Every rebuilt line is a slice of the damaged line, so positions stay exact.
 * What the syntax does not show stays lost: where a paragraph ends before another (blank lines), blank
 * lines and indentation inside listings, and where a title ends when the sentence after it opens with an
 * ordinary word ("Refresh Control when …").
 */

const SECTION = /^={1,6}$/
const ANCHOR = /^\[\[[^\]\s]+\]\]$/
const BLOCK_ATTRS = /^\[(?:source(?:,[^\]]*)?|role="[^"]*"|testenv="[^"]*"|subs="[^"]*"|%[\w%]+|NOTE|TIP|IMPORTANT|WARNING|CAUTION|discrete|float|sidebar|horizontal|literal|listing|quote[^\]]*|cols="[^"]*"(?:,[^\]]*)?|options="[^"]*"|[\w-]+="[^"]*"(?:,[\w-]+="[^"]*")*)\]$/
const DELIMITER = /^(?:-{4,}|\.{4,}|\+{4,}|\*{4,}|_{4,}|={7,}|\/{4,}|\|===)$/
// A `////` comment block is not verbatim here: pages hide setup snippets in it, which must keep their lines.
const VERBATIM = /^(?:-{4,}|\.{4,}|\+{4,})$/
const MARKER = /^(?:CONSOLE|NOTCONSOLE|TEST|TESTRESPONSE|TESTSETUP|TEARDOWN|KIBANA|AUTOSENSE|SENSE:\S*)(?:\[|$)/
const MACRO_LINE = /^(?:experimental|beta|deprecated|preview|coming|added|include|image)(?:::[^[]*)?\[/
const ADMONITION = /^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):$/
const LIST_MARK = /^(?:\*{1,5}|-|\.{1,5}|\d+\.)$/
const HTTP_METHOD = new RegExp(`^(?:${HTTP_METHOD_PATTERN})$`)
const PARAM_START = /^\((?:optional|required)\b/i
const SENTENCE_END = /[.:!?)\]]$/
// `:name: value` sets a document attribute; `:name!:` unsets one.
const ATTRIBUTE_ENTRY = /^:!?[\w-]+!?:$/
// A line comment: `// text` or `//Begin name`. Tokens like `////` are delimiters, handled first.
const COMMENT = /^\/\/(?:[^/]|$)/
const CALLOUT = /^<\d+>$/
const TAG_DIRECTIVE = /^(?:tag|end)::[^[\s]*\[[^\]]*\]$/
// A definition term, possibly right after its anchor or in a role's marked text: `` `name` ``, `` [[id]]`name` ``, `` [xpack]#`name`# ``.
const TERM_START = /^(?:\[\[[^\]\s]+\]\])?(?:\[[\w.-]+\]#)?`/

interface Token {
  text: string
  start: number
  end: number
}

/** True when a line holds a whole page's worth of block syntax on one line. */
export function looksFlattened(line: string, wholeFile = false): boolean {
  if (line.length < 120) return false
  let hints = 0
  if (/\]\] ={1,6} \S/.test(line)) hints++
  if (/\s={2,6} \S/.test(line)) hints++
  if (/\s-{4,}\s/.test(line)) hints++
  if (/\s\[\[[\w-]+\]\]\s/.test(line)) hints++
  if (/\s\/\/ (?:CONSOLE|TEST|TESTRESPONSE|NOTCONSOLE)/.test(line)) hints++
  if (/\s\[source,\w+/.test(line)) hints++
  if (/`\S*`\s*(?:\([^)]*\))?::\s/.test(line)) hints++
  // A file whose only line holds block syntax lost its newlines; a long line among others needs more evidence.
  return hints >= (wholeFile ? 1 : 2)
}

/** Reflows flattened lines; other lines pass through. */
export function reflowLines(lines: string[], origins: LineOrigin[]): { lines: string[]; origins: LineOrigin[]; diagnostics: Diagnostic[] } {
  const wholeFile = lines.filter((line) => line.trim() !== '').length === 1
  const flattened = (line: string) => looksFlattened(line, wholeFile)
  if (!lines.some(flattened)) return { lines, origins, diagnostics: [] }
  const out = { lines: [] as string[], origins: [] as LineOrigin[], diagnostics: [] as Diagnostic[] }
  lines.forEach((line, i) => {
    const origin = origins[i]!
    if (!flattened(line)) {
      out.lines.push(line)
      out.origins.push(origin)
      return
    }
    const slices = reflowLine(line)
    for (const s of slices) {
      out.lines.push(s.blank ? '' : line.slice(s.start, s.end))
      out.origins.push({ file: origin.file, line: origin.line, column: origin.column + s.start })
    }
    out.diagnostics.push(
      diagnostic('reflowed', origin, `Line ${origin.line} holds a whole page (${line.length} characters, newlines lost); it was split into ${slices.filter((s) => !s.blank).length} lines by block syntax. Check the source: blank lines and indentation cannot be recovered.`),
    )
  })
  return out
}

interface Slice {
  start: number
  end: number
  blank?: boolean
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = []
  const re = /\S+/g
  for (let m = re.exec(line); m; m = re.exec(line)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return tokens
}

/** Index of the token that closes the bracket opened in tokens[i] (a bracketed option may hold spaces). */
function bracketEnd(tokens: Token[], i: number): number {
  let depth = 0
  for (let j = i; j < tokens.length; j++) {
    for (const ch of tokens[j]!.text) {
      if (ch === '[') depth++
      else if (ch === ']') depth--
    }
    if (depth <= 0) return j
  }
  return i
}

function reflowLine(line: string): Slice[] {
  const tokens = tokenize(line)
  const slices: Slice[] = []
  let current: { start: number; end: number } | undefined
  let verbatim: string | undefined
  // Bodies after a request line, followed value by value: an NDJSON body (`_bulk`) has one value per line.
  const body = new JsonDepth()
  let openBlocks = 0
  // `====` delimits example blocks too (`[%collapsible%open]` then `====` around nested properties, `[NOTE]`
  // then `====` around an admonition of several paragraphs).
  const examples: string[] = []

  const flush = () => {
    if (current) slices.push(current)
    current = undefined
  }
  const blank = () => {
    flush()
    const last = slices[slices.length - 1]
    // A `+` continuation attaches what follows: no blank line after it.
    if (last && !last.blank && line.slice(last.start, last.end) !== '+') slices.push({ start: last.end, end: last.end, blank: true })
  }
  const add = (from: number, to: number) => {
    if (!current) current = { start: tokens[from]!.start, end: tokens[to]!.end }
    else current.end = tokens[to]!.end
  }
  const lineAlone = (from: number, to: number) => {
    flush()
    add(from, to)
    flush()
  }
  // The id of the anchor among the attribute lines right above (`[[cat-health]]` above `== cat health`).
  const headerAnchor = () => {
    for (let k = slices.length - 1; k >= 0 && k >= slices.length - 4; k--) {
      const s = slices[k]!
      const text = line.slice(s.start, s.end)
      if (s.blank || !(ANCHOR.test(text) || BLOCK_ATTRS.test(text))) return undefined
      if (ANCHOR.test(text)) return text.slice(2, -2).toLowerCase()
    }
    return undefined
  }
  const atSentenceEnd = (i: number) => !current || i === 0 || SENTENCE_END.test(tokens[i - 1]!.text)
  const previousIsHeader = () => {
    const last = slices[slices.length - 1]
    if (!last || last.blank) return false
    const text = line.slice(last.start, last.end)
    return ANCHOR.test(text) || BLOCK_ATTRS.test(text)
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text
    const next = tokens[i + 1]?.text

    if (verbatim) {
      if (t === verbatim) {
        lineAlone(i, i)
        verbatim = undefined
        body.reset()
      } else {
        // Console snippets hold one request per line start: `GET /path`, and its body starts on the next line.
        if (HTTP_METHOD.test(t) && next && /^[/_a-z{<]/i.test(next) && !body.inside()) {
          flush()
          body.reset()
          body.request = true
        } else if (/^[{[]/.test(t) && current && current.start === tokens[i - 2]?.start && HTTP_METHOD.test(tokens[i - 2]!.text)) flush()
        add(i, i)
        // A callout (`<1>`, `// <1>`, `# <1>`) always ends its line: left inside a body it would break the JSON.
        if ((CALLOUT.test(t) && !CALLOUT.test(next ?? '')) || (body.request && body.closesValue(t) && !CALLOUT.test(next ?? ''))) flush()
      }
      continue
    }

    if (DELIMITER.test(t) || (t === '--' && (openBlocks > 0 || tokens[i - 1]?.text === '+' || !current))) {
      if (!previousIsHeader() && !(t === '--' && tokens[i - 1]?.text === '+')) blank()
      lineAlone(i, i)
      if (VERBATIM.test(t)) verbatim = t
      else if (t === '--') openBlocks = openBlocks > 0 && tokens[i - 1]?.text !== '+' ? openBlocks - 1 : openBlocks + 1
      continue
    }
    if (t === '//' && next && MARKER.test(next)) {
      flush()
      const end = bracketEnd(tokens, i + 1)
      lineAlone(i, end)
      i = end
      continue
    }
    // A path right after its method (`` `POST //_close` `` once `<index>` is lost) is no comment.
    if (COMMENT.test(t) && !HTTP_METHOD.test(tokens[i - 1]?.text.replace(/^`/, '') ?? '')) {
      // A comment runs to the next block syntax, term or comment, or ends with an include tag (`// tag::x[]`);
      // before plain text it keeps one sentence of at most a line's worth of words, as where it ended is lost.
      // After a sentence or a list item it stands apart, so what follows a list item (`//CREATE` then an
      // include) does not join the item.
      let end = i
      if (TAG_DIRECTIVE.test(t.slice(2))) end = i
      else if (next !== undefined && TAG_DIRECTIVE.test(next)) end = i + 1
      else while (end + 1 < tokens.length && end - i < 12 && !endsComment(tokens, end + 1) && !(end > i && /[.!?]$/.test(tokens[end]!.text))) end++
      if (current && (/[.!?]$/.test(tokens[i - 1]!.text) || LIST_MARK.test(wordAt(line, current.start)))) blank()
      lineAlone(i, end)
      i = end
      continue
    }
    if (ATTRIBUTE_ENTRY.test(t) && atSentenceEnd(i)) {
      // Values are mostly one word (`true`, a path); an empty one is followed by the next line's syntax.
      const end = next !== undefined && !endsComment(tokens, i + 1) && !ATTRIBUTE_ENTRY.test(next) && !LIST_MARK.test(next) ? i + 1 : i
      lineAlone(i, end)
      i = end
      continue
    }
    // An attribute line right before a heading, an anchor or a delimiter (`[float]` then `==== Request`,
    // `[sidebar]` then `--`) is one wherever it stands.
    if (ANCHOR.test(t) || (BLOCK_ATTRS.test(t) && (atSentenceEnd(i) || (next !== undefined && (SECTION.test(next) || ANCHOR.test(next) || DELIMITER.test(next) || next === '--'))))) {
      if (!previousIsHeader()) blank()
      lineAlone(i, i)
      continue
    }
    if (/^={4,6}$/.test(t) && (examples[examples.length - 1] === t || lastSliceIs(slices, line, /^\[(?:%[\w%]+|example|NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$/))) {
      if (examples[examples.length - 1] === t) examples.pop()
      else examples.push(t)
      lineAlone(i, i)
      continue
    }
    if (SECTION.test(t) && next && !isStructural(next)) {
      if (!previousIsHeader()) blank()
      const end = titleEnd(tokens, i + 1, headerAnchor())
      lineAlone(i, end)
      blank()
      i = end
      continue
    }
    if (t.startsWith('include::') && MACRO_LINE.test(t)) {
      // An include is always a line of its own. It often continues a definition (`(Optional, string)` then
      // the shared text, or a term) and then stands right below it; after a sentence it starts a block of its
      // own, and what follows it starts another unless a `+` attaches it.
      const end = bracketEnd(tokens, i)
      const previous = tokens[i - 1]?.text ?? ''
      if (current && /[.!?:]$/.test(previous) && !/(?::{2,4}|;;)$/.test(previous)) blank()
      lineAlone(i, end)
      if (tokens[end + 1] && tokens[end + 1]!.text !== '+') blank()
      i = end
      continue
    }
    if (MACRO_LINE.test(t) && !current && /(?::{2,4}|;;)$/.test(tokens[i - 1]?.text ?? '') && slices[slices.length - 1]?.end === tokens[i - 1]!.end) {
      // `experimental[]` opening a definition belongs to the definition's first line.
      const end = bracketEnd(tokens, i)
      add(i, end)
      i = end
      continue
    }
    if (MACRO_LINE.test(t) && atSentenceEnd(i)) {
      const end = bracketEnd(tokens, i)
      blank()
      lineAlone(i, end)
      blank()
      i = end
      continue
    }
    if (t === '+') {
      // A list continuation before a block, an open block, a block title (`.Properties of …`) or after a
      // sentence; after other text (`` `GET /a` + `GET /b` ``) a hard line break ending its line.
      if (next && (isStructural(next) || next === '--' || /^\.[A-Z]/.test(next) || ADMONITION.test(next) || SENTENCE_END.test(tokens[i - 1]?.text ?? ''))) {
        lineAlone(i, i)
      } else {
        add(i, i)
        flush()
      }
      continue
    }
    const termEnd = TERM_START.test(t) ? definitionTermEnd(tokens, i) : -1
    // Mid-sentence too: a one-word term (`` `name`:: ``) or an annotated one (`` `name` (Optional):: ``) is never
    // prose, and a description or a list item may lack its full stop.
    if (termEnd >= 0 && (atSentenceEnd(i) || termEnd === i || annotatedTerm(tokens, i, termEnd))) {
      blank()
      lineAlone(i, termEnd)
      i = termEnd
      continue
    }
    if (t.startsWith('`') && /`$|`[^`]*`/.test(t.slice(1)) && next && PARAM_START.test(next) && atSentenceEnd(i)) {
      // A definition-list term that lost its `::`; the extractor reports it.
      blank()
      add(i, i)
      continue
    }
    // A list item follows a sentence, or a sibling item (`* <<a>> * <<b>>`); an admonition label (`NOTE:`) is
    // never prose, so it opens a paragraph even after a list item without a full stop.
    const sibling = current !== undefined && current.start !== tokens[i]!.start && wordAt(line, current.start) === t
    if ((LIST_MARK.test(t) && next && (atSentenceEnd(i) || sibling)) || ADMONITION.test(t)) {
      if (!(LIST_MARK.test(t) && lastStartsWithListMark(slices, line))) blank()
      else flush()
      add(i, i)
      continue
    }
    // A list item without a full stop (`` * `cluster`: `monitor_ml` ``) followed by a word that opens a
    // sentence: the paragraph after the list.
    if (current && current.start !== tokens[i - 1]!.start && !/[.!?:]$/.test(tokens[i - 1]!.text) && LIST_MARK.test(wordAt(line, current.start)) && opensSentence(tokens, i, i)) blank()
    add(i, i)
  }
  flush()
  return slices
}

/** Bracket depth of JSON read token by token, strings skipped; gives up on text that is not JSON. */
class JsonDepth {
  request = false
  private depth = 0
  private inString = false
  private escaped = false

  reset(): void {
    this.request = false
    this.depth = 0
    this.inString = false
    this.escaped = false
  }

  inside(): boolean {
    return this.depth > 0 || this.inString
  }

  /** Reads a token; true when it closes a top-level value. */
  closesValue(token: string): boolean {
    let closed = false
    for (let k = 0; k < token.length; k++) {
      const ch = token[k]
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (ch === '\\') this.escaped = true
        else if (ch === '"') this.inString = false
      } else if (ch === '"') this.inString = true
      else if (ch === '{' || ch === '[') this.depth++
      else if (ch === '}' || ch === ']') {
        this.depth--
        if (this.depth < 0) {
          this.reset()
          return false
        }
        closed = this.depth === 0
      }
    }
    // A string open at the end of a token goes on past the space a flattened page kept.
    return closed && this.depth === 0 && !this.inString
  }
}

function lastSliceIs(slices: Slice[], line: string, pattern: RegExp): boolean {
  const last = slices[slices.length - 1]
  return !!last && !last.blank && pattern.test(line.slice(last.start, last.end))
}

function lastStartsWithListMark(slices: Slice[], line: string): boolean {
  const last = slices[slices.length - 1]
  return !!last && !last.blank && LIST_MARK.test(wordAt(line, last.start))
}

const WORD = /\S+/y

/** The word starting at `start`, read without slicing the rest of a possibly huge line. */
function wordAt(line: string, start: number): string {
  WORD.lastIndex = start
  return WORD.exec(line)?.[0] ?? ''
}

function isStructural(t: string): boolean {
  return ANCHOR.test(t) || BLOCK_ATTRS.test(t) || DELIMITER.test(t) || SECTION.test(t) || COMMENT.test(t) || ATTRIBUTE_ENTRY.test(t)
}

/** Whether tokens[j] starts a line of its own after a comment or an attribute entry. */
function endsComment(tokens: Token[], j: number): boolean {
  const t = tokens[j]!.text
  return isStructural(t) || t === '+' || t === '--' || t.startsWith('include::') || ADMONITION.test(t) || (TERM_START.test(t) && definitionTermEnd(tokens, j) >= 0)
}

/** A term like `` `name` (Required)`` followed by `::` ends on the token ending in `::` (within a few tokens). */
function definitionTermEnd(tokens: Token[], i: number): number {
  for (let j = i; j < Math.min(tokens.length, i + 6); j++) {
    const t = tokens[j]!.text
    // A code span after a full stop: the `::` ends a later term (`` `{"a": {}}`. `b`:: ``), while
    // `` `version` & `version_type`:: `` is one term.
    if (j > i && (isStructural(t) || (TERM_START.test(t) && /[.!?]$/.test(tokens[j - 1]!.text)))) return -1
    if (/(?::{2,4}|;;)$/.test(t) && !/^(?:include|image)::/.test(t)) return j
  }
  return -1
}

/** A code span then only its parenthesized annotation up to the `::` (`` `name` (Required, string):: ``). */
function annotatedTerm(tokens: Token[], i: number, end: number): boolean {
  return end > i && tokens[i + 1]!.text.startsWith('(') && /\)(?::{2,4}|;;)$/.test(tokens[end]!.text) && !tokens.slice(i + 1, end + 1).some((k) => k.text.includes('`'))
}

/** Section titles of API pages written out, as pages before the `{api-*-title}` attributes have them. */
const SECTION_TITLES = new Set(['request', 'requests', 'description', 'authorization', 'prerequisites', 'path parameters', 'query parameters', 'url parameters', 'request parameters', 'parameters', 'request body', 'response body', 'response codes', 'example', 'examples'])

// Words that open a sentence but never stand inside a title, whether sentence case or Title Case.
const SENTENCE_OPENERS = new Set(['The', 'This', 'These', 'Those', 'A', 'An', 'If', 'When', 'Each', 'Every', 'You', 'Your', 'We', 'It', 'Its', 'Use', 'See', 'Now', 'Imagine', 'Instead', 'Like', 'Unlike', 'Once', 'There', 'Here', 'After', 'Although', 'Because', 'Since', 'While', 'Some', 'Much', 'Many', 'Most'])
// Prepositions stand inside Title Case titles ("Wait For Active Shards"); before a lower-case word they open a sentence.
const OPENING_PREPOSITIONS = new Set(['For', 'To', 'In', 'By', 'On', 'At', 'As', 'With'])

/**
 * Whether tokens[k] opens the paragraph after a title that starts at tokens[from]: a word no title holds,
 * a capitalized attribute (`{transform-cap}`), a capitalized word before an article, or a capitalized
 * word the title already said ("Upserts Upserts are").
 */
function opensSentence(tokens: Token[], k: number, from: number): boolean {
  const t = tokens[k]!.text.replace(/,$/, '')
  if (SENTENCE_OPENERS.has(t) || /^\{[\w-]+-cap\}$/.test(t)) return true
  const after = tokens[k + 1]?.text
  if (OPENING_PREPOSITIONS.has(t)) return after !== undefined && !/^[A-Z]/.test(after)
  if (!/^[A-Z][a-z]/.test(t)) return false
  // A capitalized verb before an article or a conjunction: an imperative or a sentence ("Control when …",
  // "Slice a request …"); titles put such words in lower case.
  if (after !== undefined && /^(?:a|an|the|when|if|whether|how)$/.test(after)) return true
  const word = t.toLowerCase()
  for (let j = from; j < k; j++) if (tokens[j]!.text.toLowerCase() === word) return true
  return false
}

/**
 * Where a section title ends when its newline is lost: at the next block syntax, right after a
 * `{…-title}` attribute (the API section titles), after the word "API" that ends Elasticsearch page
 * titles unless a lower-case word goes on ("Get API key information API"), before a word that opens a
 * sentence, or before code once the title has spelt out its anchor id; otherwise after a dozen words. A title followed by a sentence that opens otherwise stays
 * too long: where it ended is lost.
 */
function titleEnd(tokens: Token[], from: number, anchor?: string): number {
  let slug = ''
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!.text
    const next = tokens[j + 1]?.text
    if (!next || isStructural(next) || (next === '//' && MARKER.test(tokens[j + 2]?.text ?? ''))) return j
    // A title that has spelt out its anchor id ends before code opening a sentence ("cat health `health` is").
    slug += (slug ? '-' : '') + t.toLowerCase().replace(/[^a-z0-9]+/g, '')
    if (anchor && next.startsWith('`') && (anchor === slug || anchor.endsWith(`-${slug}`))) return j
    if (/^\{[\w-]+-title\}$/.test(t) || (/^APIs?$/.test(t) && !/^[a-z]/.test(next)) || opensSentence(tokens, j + 1, from) || /^`(?:GET|PUT|POST|DELETE|HEAD)\b/.test(next) || MACRO_LINE.test(next)) return j
    if (next.startsWith('`') && definitionTermEnd(tokens, j + 1) >= 0) return j
    // Old pages write their section titles out: "Path Parameters", not `{api-path-parms-title}`.
    const words = tokens.slice(from, j + 2).map((k) => k.text.toLowerCase())
    if (SECTION_TITLES.has(words.slice(0, -1).join(' ')) && !/^[a-z]/.test(next) && ![...SECTION_TITLES].some((title) => title.startsWith(`${words.join(' ')}`))) return j
    if (j - from >= 11) return j
  }
  return tokens.length - 1
}
