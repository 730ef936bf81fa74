/**
 * Tokens of the Groovy a `build.gradle` is written in, as far as the doc build's setups need: strings (with
 * their escapes, and `$name` / `${expr}` in double-quoted ones), names, numbers, operators and the line
 * breaks that end statements. Comments are dropped; a line break inside `(…)` or `[…]` is no token.
 */

/** A piece of a string: literal text starting at `line`, or an interpolated expression's tokens. */
export type StringPart = { text: string; line: number } | { tokens: Token[]; line: number }

export type Token =
  | { kind: 'name'; value: string; line: number }
  | { kind: 'number'; value: number; line: number }
  | { kind: 'string'; parts: StringPart[]; line: number }
  | { kind: 'op'; value: string; line: number }
  | { kind: 'nl'; line: number }

const OPERATORS = ['++', '--', '+=', '-=', '*=', '==', '!=', '<=', '>=', '&&', '||', '->', '?.', '?:', '<<']
const SINGLE = '()[]{},.;=+-*/%<>!?:&|~@'
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' }

/** Splits Groovy source into tokens; throws with the line on an unterminated string or comment. */
export function tokenize(source: string, firstLine = 1): Token[] {
  const lexer = new Lexer(source, firstLine)
  lexer.run()
  return lexer.tokens
}

class Lexer {
  readonly tokens: Token[] = []
  private at = 0
  private depth = 0

  constructor(
    private readonly src: string,
    private line: number,
  ) {}

  run(): void {
    while (this.at < this.src.length) this.next()
  }

  private next(): void {
    const { src } = this
    const c = src[this.at]!
    if (c === '\n') {
      if (this.depth === 0) this.tokens.push({ kind: 'nl', line: this.line })
      this.line++
      this.at++
    } else if (c === ' ' || c === '\t' || c === '\r') {
      this.at++
    } else if (c === '\\' && src[this.at + 1] === '\n') {
      // A line continuation.
      this.line++
      this.at += 2
    } else if (src.startsWith('//', this.at)) {
      while (this.at < src.length && src[this.at] !== '\n') this.at++
    } else if (src.startsWith('/*', this.at)) {
      const end = src.indexOf('*/', this.at + 2)
      if (end < 0) throw new SyntaxError(`line ${this.line}: unterminated comment`)
      this.advanceTo(end + 2)
    } else if (c === "'" || c === '"') {
      this.string(c)
    } else if (/[A-Za-z_$]/.test(c)) {
      const name = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(this.at, this.at + 200))![0]
      this.tokens.push({ kind: 'name', value: name, line: this.line })
      this.at += name.length
    } else if (/[0-9]/.test(c)) {
      const number = /^[0-9]+(?:\.[0-9]+)?[LlGgDdFf]?/.exec(src.slice(this.at, this.at + 40))![0]
      this.tokens.push({ kind: 'number', value: Number.parseFloat(number), line: this.line })
      this.at += number.length
    } else {
      this.operator(c)
    }
  }

  private operator(c: string): void {
    const op = OPERATORS.find((o) => this.src.startsWith(o, this.at)) ?? (SINGLE.includes(c) ? c : undefined)
    if (op === undefined) throw new SyntaxError(`line ${this.line}: unexpected character ${JSON.stringify(c)}`)
    if (op === '(' || op === '[') this.depth++
    if ((op === ')' || op === ']') && this.depth > 0) this.depth--
    this.tokens.push({ kind: 'op', value: op, line: this.line })
    this.at += op.length
  }

  /** A quoted string: `'…'`, `'''…'''`, `"…"` or `"""…"""` (the double-quoted ones interpolate). */
  private string(quote: string): void {
    const triple = this.src.startsWith(quote.repeat(3), this.at)
    const close = triple ? quote.repeat(3) : quote
    const line = this.line
    this.at += close.length
    const parts: StringPart[] = []
    let text = ''
    let textLine = this.line
    const flush = () => {
      if (text !== '') parts.push({ text, line: textLine })
      text = ''
      textLine = this.line
    }
    for (;;) {
      if (this.at >= this.src.length) throw new SyntaxError(`line ${line}: unterminated string`)
      if (this.src.startsWith(close, this.at)) break
      const c = this.src[this.at]!
      if (!triple && c === '\n') throw new SyntaxError(`line ${line}: unterminated string`)
      if (c === '\\') {
        const escaped = this.escape()
        if (escaped === undefined) flush()
        else text += escaped
      } else if (quote === '"' && c === '$' && /[A-Za-z_{]/.test(this.src[this.at + 1] ?? '')) {
        flush()
        parts.push(this.interpolation())
        textLine = this.line
      } else {
        if (c === '\n') this.line++
        text += c
        this.at++
      }
    }
    flush()
    this.at += close.length
    this.tokens.push({ kind: 'string', parts, line })
  }

  /** The character an escape stands for; undefined for a line continuation (`\` before a line break). */
  private escape(): string | undefined {
    const next = this.src[this.at + 1] ?? ''
    this.at += 2
    if (next === '\n') {
      this.line++
      return undefined
    }
    if (next === 'u') {
      const hex = this.src.slice(this.at, this.at + 4)
      this.at += 4
      return String.fromCharCode(Number.parseInt(hex, 16))
    }
    return ESCAPES[next] ?? next
  }

  /** `$name.name…` or `${expr}` inside a double-quoted string. */
  private interpolation(): StringPart {
    const line = this.line
    if (this.src[this.at + 1] === '{') {
      const end = this.src.indexOf('}', this.at)
      if (end < 0) throw new SyntaxError(`line ${line}: unterminated \${…}`)
      const inner = this.src.slice(this.at + 2, end)
      this.at = end + 1
      return { tokens: tokenize(inner, line).filter((t) => t.kind !== 'nl'), line }
    }
    const name = /^\$([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/.exec(this.src.slice(this.at, this.at + 200))![1]!
    this.at += name.length + 1
    return { tokens: tokenize(name, line), line }
  }

  private advanceTo(end: number): void {
    for (let i = this.at; i < end; i++) if (this.src[i] === '\n') this.line++
    this.at = end
  }
}
