import { HTTP_METHOD_PATTERN } from '../model/types.js'

/**
 * The rules that rebuild a flattened page's lines (see `reflow.ts`), one per piece of AsciiDoc line syntax,
 * tried in order on each token: the first that applies decides where lines break around it.
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

export interface Token {
  text: string
  start: number
  end: number
}

/** A rebuilt line: a slice of the damaged line, or a blank line at `start`. */
export interface Slice {
  start: number
  end: number
  blank?: boolean
}

export function tokenize(line: string): Token[] {
  const tokens: Token[] = []
  const re = /\S+/g
  for (let m = re.exec(line); m; m = re.exec(line)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return tokens
}

/** One damaged line being reflowed: its tokens, the lines built so far, the line being built, open blocks. */
export class Reflow {
  readonly tokens: Token[]
  readonly slices: Slice[] = []
  current: { start: number; end: number } | undefined
  /** The delimiter of the verbatim block (listing, literal, pass) the tokens are in. */
  verbatim: string | undefined
  /** Bodies after a request line, followed value by value: an NDJSON body (`_bulk`) has one value per line. */
  readonly body = new JsonDepth()
  openBlocks = 0
  /**
   * `====` delimits example blocks too (`[%collapsible%open]` then `====` around nested properties, `[NOTE]`
   * then `====` around an admonition of several paragraphs).
   */
  readonly examples: string[] = []

  constructor(readonly line: string) {
    this.tokens = tokenize(line)
  }

  text(i: number): string | undefined {
    return this.tokens[i]?.text
  }

  /** Ends the line being built. */
  flush(): void {
    if (this.current) this.slices.push(this.current)
    this.current = undefined
  }

  /** Ends the line being built and adds a blank line, unless one is there or a `+` continuation attaches what follows. */
  blank(): void {
    this.flush()
    const last = this.slices[this.slices.length - 1]
    if (last && !last.blank && this.line.slice(last.start, last.end) !== '+') this.slices.push({ start: last.end, end: last.end, blank: true })
  }

  /** Adds tokens from..to to the line being built. */
  add(from: number, to: number): void {
    if (!this.current) this.current = { start: this.tokens[from]!.start, end: this.tokens[to]!.end }
    else this.current.end = this.tokens[to]!.end
  }

  /** Tokens from..to make a line of their own. */
  lineAlone(from: number, to: number): void {
    this.flush()
    this.add(from, to)
    this.flush()
  }

  /** The id of the anchor among the attribute lines right above (`[[cat-health]]` above `== cat health`). */
  headerAnchor(): string | undefined {
    for (let k = this.slices.length - 1; k >= 0 && k >= this.slices.length - 4; k--) {
      const s = this.slices[k]!
      const text = this.line.slice(s.start, s.end)
      if (s.blank || !(ANCHOR.test(text) || BLOCK_ATTRS.test(text))) return undefined
      if (ANCHOR.test(text)) return text.slice(2, -2).toLowerCase()
    }
    return undefined
  }

  atSentenceEnd(i: number): boolean {
    return !this.current || i === 0 || SENTENCE_END.test(this.tokens[i - 1]!.text)
  }

  previousIsHeader(): boolean {
    const last = this.slices[this.slices.length - 1]
    if (!last || last.blank) return false
    const text = this.line.slice(last.start, last.end)
    return ANCHOR.test(text) || BLOCK_ATTRS.test(text)
  }
}

/**
 * A reflow rule looks at token `i` (`t`, then `next`); when it applies it places the tokens it reads and
 * returns the index of the last one, else undefined.
 */
type ReflowRule = (r: Reflow, i: number, t: string, next: string | undefined) => number | undefined

/** Inside a listing: console snippets hold one request per line start, and a body value or callout ends its line. */
const verbatimContent: ReflowRule = (r, i, t, next) => {
  if (!r.verbatim) return undefined
  if (t === r.verbatim) {
    r.lineAlone(i, i)
    r.verbatim = undefined
    r.body.reset()
    return i
  }
  // Console snippets hold one request per line start: `GET /path`, and its body starts on the next line.
  if (HTTP_METHOD.test(t) && next && /^[/_a-z{<]/i.test(next) && !r.body.inside()) {
    r.flush()
    r.body.reset()
    r.body.request = true
  } else if (/^[{[]/.test(t) && r.current && r.current.start === r.tokens[i - 2]?.start && HTTP_METHOD.test(r.tokens[i - 2]!.text)) r.flush()
  r.add(i, i)
  // A callout (`<1>`, `// <1>`, `# <1>`) always ends its line: left inside a body it would break the JSON.
  if ((CALLOUT.test(t) && !CALLOUT.test(next ?? '')) || (r.body.request && r.body.closesValue(t) && !CALLOUT.test(next ?? ''))) r.flush()
  return i
}

/** A block delimiter (`----`, `|===`, an open block's `--`) is a line of its own. */
const blockDelimiter: ReflowRule = (r, i, t) => {
  const previous = r.text(i - 1)
  if (!(DELIMITER.test(t) || (t === '--' && (r.openBlocks > 0 || previous === '+' || !r.current)))) return undefined
  if (!r.previousIsHeader() && !(t === '--' && previous === '+')) r.blank()
  r.lineAlone(i, i)
  if (VERBATIM.test(t)) r.verbatim = t
  else if (t === '--') r.openBlocks = r.openBlocks > 0 && previous !== '+' ? r.openBlocks - 1 : r.openBlocks + 1
  return i
}

/** `// CONSOLE`, `// TEST[...]`: a marker comment with its bracketed options. */
const markerComment: ReflowRule = (r, i, t, next) => {
  if (!(t === '//' && next && MARKER.test(next))) return undefined
  r.flush()
  const end = bracketEnd(r.tokens, i + 1)
  r.lineAlone(i, end)
  return end
}

/**
 * A comment runs to the next block syntax, term or comment, or ends with an include tag (`// tag::x[]`);
 * before plain text it keeps one sentence of at most a line's worth of words, as where it ended is lost.
 * After a sentence or a list item it stands apart, so what follows a list item (`//CREATE` then an
 * include) does not join the item.
 */
const comment: ReflowRule = (r, i, t, next) => {
  // A path right after its method (`` `POST //_close` `` once `<index>` is lost) is no comment.
  if (!COMMENT.test(t) || HTTP_METHOD.test(r.text(i - 1)?.replace(/^`/, '') ?? '')) return undefined
  const { tokens } = r
  let end = i
  if (TAG_DIRECTIVE.test(t.slice(2))) end = i
  else if (next !== undefined && TAG_DIRECTIVE.test(next)) end = i + 1
  else while (end + 1 < tokens.length && end - i < 12 && !endsComment(tokens, end + 1) && !(end > i && /[.!?]$/.test(tokens[end]!.text))) end++
  if (r.current && (/[.!?]$/.test(tokens[i - 1]!.text) || LIST_MARK.test(wordAt(r.line, r.current.start)))) r.blank()
  r.lineAlone(i, end)
  return end
}

/** `:name: value`: values are mostly one word (`true`, a path); an empty one is followed by the next line's syntax. */
const attributeEntry: ReflowRule = (r, i, t, next) => {
  if (!(ATTRIBUTE_ENTRY.test(t) && r.atSentenceEnd(i))) return undefined
  const end = next !== undefined && !endsComment(r.tokens, i + 1) && !ATTRIBUTE_ENTRY.test(next) && !LIST_MARK.test(next) ? i + 1 : i
  r.lineAlone(i, end)
  return end
}

/**
 * An anchor, or a block attribute line after a sentence; right before a heading, an anchor or a delimiter
 * (`[float]` then `==== Request`, `[sidebar]` then `--`) it is one wherever it stands.
 */
const blockAttributes: ReflowRule = (r, i, t, next) => {
  const beforeBlock = next !== undefined && (SECTION.test(next) || ANCHOR.test(next) || DELIMITER.test(next) || next === '--')
  if (!(ANCHOR.test(t) || (BLOCK_ATTRS.test(t) && (r.atSentenceEnd(i) || beforeBlock)))) return undefined
  if (!r.previousIsHeader()) r.blank()
  r.lineAlone(i, i)
  return i
}

/** `====` opening or closing an example block (after `[%collapsible]`, `[NOTE]`, …). */
const exampleDelimiter: ReflowRule = (r, i, t) => {
  const closing = r.examples[r.examples.length - 1] === t
  if (!(/^={4,6}$/.test(t) && (closing || lastSliceIs(r.slices, r.line, /^\[(?:%[\w%]+|example|NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$/)))) return undefined
  if (closing) r.examples.pop()
  else r.examples.push(t)
  r.lineAlone(i, i)
  return i
}

/** `== Title`: the title runs to where `titleEnd` finds its end. */
const sectionTitle: ReflowRule = (r, i, t, next) => {
  if (!(SECTION.test(t) && next && !isStructural(next))) return undefined
  if (!r.previousIsHeader()) r.blank()
  const end = titleEnd(r.tokens, i + 1, r.headerAnchor())
  r.lineAlone(i, end)
  r.blank()
  return end
}

/**
 * An include is always a line of its own. It often continues a definition (`(Optional, string)` then the
 * shared text, or a term) and then stands right below it; after a sentence it starts a block of its own,
 * and what follows it starts another unless a `+` attaches it.
 */
const includeLine: ReflowRule = (r, i, t) => {
  if (!(t.startsWith('include::') && MACRO_LINE.test(t))) return undefined
  const end = bracketEnd(r.tokens, i)
  const previous = r.text(i - 1) ?? ''
  if (r.current && /[.!?:]$/.test(previous) && !/(?::{2,4}|;;)$/.test(previous)) r.blank()
  r.lineAlone(i, end)
  if (r.tokens[end + 1] && r.tokens[end + 1]!.text !== '+') r.blank()
  return end
}

/** `experimental[]` opening a definition belongs to the definition's first line. */
const definitionMacro: ReflowRule = (r, i, t) => {
  const previous = r.text(i - 1) ?? ''
  if (!(MACRO_LINE.test(t) && !r.current && /(?::{2,4}|;;)$/.test(previous) && r.slices[r.slices.length - 1]?.end === r.tokens[i - 1]!.end)) return undefined
  const end = bracketEnd(r.tokens, i)
  r.add(i, end)
  return end
}

/** A status or image macro after a sentence is a block of its own. */
const macroLine: ReflowRule = (r, i, t) => {
  if (!(MACRO_LINE.test(t) && r.atSentenceEnd(i))) return undefined
  const end = bracketEnd(r.tokens, i)
  r.blank()
  r.lineAlone(i, end)
  r.blank()
  return end
}

/**
 * `+`: a list continuation before a block, an open block, a block title (`.Properties of …`) or after a
 * sentence; after other text (`` `GET /a` + `GET /b` ``) a hard line break ending its line.
 */
const continuation: ReflowRule = (r, i, t, next) => {
  if (t !== '+') return undefined
  if (next && (isStructural(next) || next === '--' || /^\.[A-Z]/.test(next) || ADMONITION.test(next) || SENTENCE_END.test(r.text(i - 1) ?? ''))) {
    r.lineAlone(i, i)
  } else {
    r.add(i, i)
    r.flush()
  }
  return i
}

/**
 * A definition term. Mid-sentence too: a one-word term (`` `name`:: ``) or an annotated one
 * (`` `name` (Optional):: ``) is never prose, and a description or a list item may lack its full stop.
 */
const definitionTerm: ReflowRule = (r, i, t) => {
  const termEnd = TERM_START.test(t) ? definitionTermEnd(r.tokens, i) : -1
  if (!(termEnd >= 0 && (r.atSentenceEnd(i) || termEnd === i || annotatedTerm(r.tokens, i, termEnd)))) return undefined
  r.blank()
  r.lineAlone(i, termEnd)
  return termEnd
}

/** A definition-list term that lost its `::` (`` `name` (Required, …) ``); the extractor reports it. */
const termWithoutDelimiter: ReflowRule = (r, i, t, next) => {
  if (!(t.startsWith('`') && /`$|`[^`]*`/.test(t.slice(1)) && next && PARAM_START.test(next) && r.atSentenceEnd(i))) return undefined
  r.blank()
  r.add(i, i)
  return i
}

/**
 * A list item follows a sentence, or a sibling item (`* <<a>> * <<b>>`); an admonition label (`NOTE:`) is
 * never prose, so it opens a paragraph even after a list item without a full stop.
 */
const listItem: ReflowRule = (r, i, t, next) => {
  const sibling = r.current !== undefined && r.current.start !== r.tokens[i]!.start && wordAt(r.line, r.current.start) === t
  if (!((LIST_MARK.test(t) && next && (r.atSentenceEnd(i) || sibling)) || ADMONITION.test(t))) return undefined
  if (!(LIST_MARK.test(t) && lastStartsWithListMark(r.slices, r.line))) r.blank()
  else r.flush()
  r.add(i, i)
  return i
}

/**
 * Any other word joins the line being built; a list item without a full stop (`` * `cluster`: `monitor_ml` ``)
 * followed by a word that opens a sentence ends first: that is the paragraph after the list.
 */
const word: ReflowRule = (r, i) => {
  const { current, tokens } = r
  if (current && current.start !== tokens[i - 1]!.start && !/[.!?:]$/.test(tokens[i - 1]!.text) && LIST_MARK.test(wordAt(r.line, current.start)) && opensSentence(tokens, i, i)) r.blank()
  r.add(i, i)
  return i
}

/** The rules in the order they are tried; `word` always applies. */
export const REFLOW_RULES: readonly ReflowRule[] = [
  verbatimContent,
  blockDelimiter,
  markerComment,
  comment,
  attributeEntry,
  blockAttributes,
  exampleDelimiter,
  sectionTitle,
  includeLine,
  definitionMacro,
  macroLine,
  continuation,
  definitionTerm,
  termWithoutDelimiter,
  listItem,
  word,
]

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
