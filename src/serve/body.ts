/**
 * Request bodies as Elasticsearch reads them: JSON (one document, or newline-delimited documents for
 * `_bulk`-style APIs), refused with `400 x_content_parse_exception` when they are not JSON, and within the
 * limits Elasticsearch's JSON parser (Jackson's `StreamReadConstraints`) enforces. A body is checked token by
 * token as it streams in, so a large one costs neither memory nor a blocked event loop; only a body small
 * enough to be compared with the documented examples is kept and parsed.
 */
import type { EsFailure } from './errors.js'
import { JsonLexer, type TokenKind } from './json-lexer.js'

/** Nesting Elasticsearch's JSON parser accepts (Jackson's `maxNestingDepth`). */
export const MAX_JSON_DEPTH = 1000
/** Characters in one string (Jackson's `maxStringLength`). */
export const MAX_STRING_LENGTH = 20_000_000
/**
 * Bodies up to this size are parsed to choose the example whose body is most like them. Documented bodies
 * are a few kilobytes; a larger body is checked, then answered as one that matches no example's body.
 */
export const COMPARED_BODY_BYTES = 256 * 1024

/** A body too large to compare: present, but like none of the documented ones. */
export const UNCOMPARED_BODY: unique symbol = Symbol('uncompared body')

/** The body as answering needs it: the refusal, or its value (undefined: no body). */
export type ReadBody = { failure: EsFailure } | { value: unknown }

/** Content types docspec does not read as JSON (the replay runtime sends doc text that is not JSON as text/plain). */
const NOT_JSON = /^\s*(?:text\/|application\/(?:yaml|cbor|smile|x-yaml))/i

/** Whether a body sent with this content type is read as JSON (no type and curl's form type are: that is what users mean). */
export function readsAsJson(contentType: string | string[] | undefined): boolean {
  const type = Array.isArray(contentType) ? contentType[0] : contentType
  return type === undefined || !NOT_JSON.test(type)
}

/** Where the grammar is: what the next token may be. */
type Expect = 'value' | 'value-or-end' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end'

/**
 * Checks a body chunk by chunk and keeps its first `COMPARED_BODY_BYTES`. The lexer reads the tokens
 * (strings, escapes, numbers); this class the grammar and the limits, without building any value.
 */
export class JsonBodyReader {
  private readonly lexer = new JsonLexer({
    token: (kind, offset, length) => this.token(kind, offset, length),
    error: (offset, byte) => this.fail(byte === undefined ? 'Unexpected end-of-input' : `Unexpected character ('${String.fromCharCode(byte)}' (code ${byte}))`, offset),
  })
  private readonly containers: ('object' | 'array')[] = []
  private expect: Expect = 'value'
  private failure: EsFailure | undefined
  private size = 0
  private readonly kept: Buffer[] = []
  /** Line starts seen in the chunks written so far, for `[line:column]` in refusals. */
  private newlines = 0
  private lineStart = 0
  private chunk: { start: number; bytes: Uint8Array } = { start: 0, bytes: new Uint8Array() }

  constructor(private readonly json: boolean) {}

  write(bytes: Uint8Array): void {
    if (this.size < COMPARED_BODY_BYTES) this.kept.push(Buffer.from(bytes.subarray(0, COMPARED_BODY_BYTES - this.size)))
    this.chunk = { start: this.size, bytes }
    this.size += bytes.length
    if (!this.json || this.failure) return
    this.lexer.write(bytes, this.chunk.start)
    this.countLines(bytes, this.chunk.start)
  }

  end(): ReadBody {
    if (this.json && !this.failure) {
      this.lexer.end(this.size)
      if (!this.failure && (this.containers.length > 0 || (this.expect !== 'value' && this.expect !== 'comma-or-end'))) {
        this.fail(`Unexpected end-of-input: expected close marker for ${this.containers.at(-1) === 'array' ? 'Array' : 'Object'}`, this.size)
      }
    }
    if (this.failure) return { failure: this.failure }
    if (this.size === 0) return { value: undefined }
    if (this.size > COMPARED_BODY_BYTES) return { value: UNCOMPARED_BODY }
    return { value: parseSmall(Buffer.concat(this.kept).toString('utf8')) }
  }

  private token(kind: TokenKind, offset: number, length: number): void {
    if (this.failure) return
    const problem = this.grammar(kind, length)
    if (problem) this.fail(problem, offset)
  }

  /** Moves the grammar on by one token; the refusal's reason when the token does not fit. */
  private grammar(kind: TokenKind, length: number): string | undefined {
    const top = this.containers.at(-1)
    switch (this.expect) {
      case 'colon':
        if (kind !== 'colon') return `Unexpected ${tokenName(kind)}: was expecting a colon to separate field name and value`
        this.expect = 'value'
        return undefined
      case 'key-or-end':
      case 'key':
        if (kind === 'close-object' && this.expect === 'key-or-end') return this.closeContainer()
        if (kind !== 'string') return `Unexpected ${tokenName(kind)}: was expecting double-quote to start field name`
        if (length > 50_000) return 'Name length exceeds the maximum allowed (50000)'
        this.expect = 'colon'
        return undefined
      case 'comma-or-end':
        if (top === undefined) return this.value(kind, length)
        if (kind === 'comma') {
          this.expect = top === 'object' ? 'key' : 'value'
          return undefined
        }
        if ((top === 'object' && kind === 'close-object') || (top === 'array' && kind === 'close-array')) return this.closeContainer()
        return `Unexpected ${tokenName(kind)}: was expecting comma to separate ${top === 'object' ? 'Object entries' : 'Array entries'}`
      case 'value-or-end':
        if (kind === 'close-array') return this.closeContainer()
        return this.value(kind, length)
      case 'value':
        return this.value(kind, length)
    }
  }

  private value(kind: TokenKind, length: number): string | undefined {
    if (kind === 'open-object' || kind === 'open-array') {
      if (this.containers.length >= MAX_JSON_DEPTH) {
        return `Document nesting depth (${this.containers.length + 1}) exceeds the maximum allowed (${MAX_JSON_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`
      }
      this.containers.push(kind === 'open-object' ? 'object' : 'array')
      this.expect = kind === 'open-object' ? 'key-or-end' : 'value-or-end'
      return undefined
    }
    if (kind === 'string' && length > MAX_STRING_LENGTH) {
      return `String value length (${length}) exceeds the maximum allowed (${MAX_STRING_LENGTH}, from \`StreamReadConstraints.getMaxStringLength()\`)`
    }
    if (kind !== 'string' && kind !== 'scalar') return `Unexpected ${tokenName(kind)}: expected a value`
    this.expect = 'comma-or-end'
    return undefined
  }

  private closeContainer(): undefined {
    this.containers.pop()
    this.expect = 'comma-or-end'
    return undefined
  }

  private fail(reason: string, offset = this.size): void {
    if (this.failure) return
    const { line, column } = this.position(offset)
    const text = `[${line}:${column}] ${reason}`
    this.failure = { status: 400, type: 'x_content_parse_exception', reason: text }
  }

  private countLines(bytes: Uint8Array, start: number): void {
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
      this.newlines++
      this.lineStart = start + i + 1
    }
  }

  /** 1-based line and column of a byte offset in the chunk being written (or an earlier one's end). */
  private position(offset: number): { line: number; column: number } {
    let line = this.newlines + 1
    let lineStart = this.lineStart
    const { start, bytes } = this.chunk
    if (offset >= start && lineStart <= start) {
      for (let i = bytes.indexOf(10); i >= 0 && start + i < offset; i = bytes.indexOf(10, i + 1)) {
        line++
        lineStart = start + i + 1
      }
    }
    return { line, column: offset - lineStart + 1 }
  }
}

function tokenName(kind: TokenKind): string {
  const names: Partial<Record<TokenKind, string>> = {
    'close-object': "end-of-Object ('}')",
    'close-array': "end-of-Array (']')",
    comma: "character (',' (code 44))",
    colon: "character (':' (code 58))",
  }
  return names[kind] ?? 'token'
}

/** A checked body small enough to compare: JSON, newline-delimited JSON, or (not read as JSON) its text. */
function parseSmall(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    try {
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown)
    } catch {
      return text
    }
  }
}

/** `JsonBodyReader` over a body already in memory. */
export function readBody(text: string, json = true): ReadBody {
  const reader = new JsonBodyReader(json)
  reader.write(Buffer.from(text))
  return reader.end()
}
