/**
 * Statements and expressions of the Groovy subset the doc build's `build.gradle` files write their setups
 * in: declarations, assignments (`=`, `+=`), closures and their calls, `for` and `if`, strings joined with `+`
 * or changed by a method (`.replace`), arithmetic and comparisons. A statement outside that subset (Gradle's
 * own configuration, `setting 'a', 'b'`) is kept as `skipped`, with whether it touches setups.
 */
import { tokenize, type StringPart, type Token } from './groovy-tokens.js'

export type Expr =
  | { k: 'string'; parts: ({ text: string; line: number } | { expr: Expr; line: number })[]; line: number }
  | { k: 'number'; value: number; line: number }
  | { k: 'name'; name: string; line: number }
  | { k: 'prop'; object: Expr; name: string; line: number }
  | { k: 'index'; object: Expr; index: Expr; line: number }
  | { k: 'call'; callee: Expr; args: Expr[]; line: number }
  | { k: 'new'; type: string; args: Expr[]; line: number }
  | { k: 'binary'; op: string; left: Expr; right: Expr; line: number }
  | { k: 'unary'; op: string; operand: Expr; line: number }
  | { k: 'step'; op: '++' | '--'; target: Expr; prefix: boolean; line: number }
  | { k: 'assign'; op: string; target: Expr; value: Expr; line: number }
  | { k: 'ternary'; test: Expr; then: Expr; otherwise: Expr; line: number }
  | { k: 'closure'; params: string[]; body: Stmt[]; line: number }
  | { k: 'list'; items: Expr[]; line: number }

export type Stmt =
  | { k: 'expr'; expr: Expr; line: number }
  | { k: 'decl'; names: { name: string; init?: Expr }[]; line: number }
  | { k: 'for'; init?: Stmt; test?: Expr; update?: Expr; body: Stmt[]; line: number }
  | { k: 'if'; test: Expr; then: Stmt[]; otherwise?: Stmt[]; line: number }
  | { k: 'return'; value?: Expr; line: number }
  /** A statement docspec does not read; `touchesSetups` when it names `setups` or `teardowns`. */
  | { k: 'skipped'; line: number; touchesSetups: boolean; reason: string }

/** Parses a whole file; throws (with the line) only when it cannot be split into tokens. */
export function parseGroovy(source: string): Stmt[] {
  const parser = new Parser(tokenize(source))
  return parser.statements(undefined)
}

const BINARY: Record<string, number> = {
  '?:': 2, '||': 3, '&&': 4, '==': 5, '!=': 5, '<': 6, '>': 6, '<=': 6, '>=': 6, '<<': 7, '+': 8, '-': 8, '*': 9, '/': 9, '%': 9,
}
const ASSIGN = new Set(['=', '+=', '-=', '*='])
const TYPE_WORDS = new Set(['def', 'int', 'long', 'boolean', 'double', 'float', 'char', 'byte', 'short', 'var', 'final'])

class Parser {
  private at = 0

  constructor(private readonly tokens: Token[]) {}

  /** Statements up to `end` (a closing `}`) or the end of the tokens. */
  statements(end: '}' | undefined): Stmt[] {
    const out: Stmt[] = []
    for (;;) {
      this.skipSeparators()
      const token = this.peek()
      if (!token || (end && this.isOp(token, end))) return out
      const start = this.at
      try {
        out.push(this.statement())
      } catch (error) {
        this.at = start
        out.push(this.skipStatement((error as Error).message))
      }
    }
  }

  private statement(): Stmt {
    const token = this.peek()!
    const line = token.line
    if (token.kind === 'name' && token.value === 'for') return this.forStatement()
    if (token.kind === 'name' && token.value === 'if') return this.ifStatement()
    if (token.kind === 'name' && token.value === 'return') {
      this.at++
      const value = this.atStatementEnd() ? undefined : this.expression()
      return { k: 'return', ...(value && { value }), line }
    }
    if (this.isDeclaration()) return this.declaration()
    const expr = this.expression()
    if (!this.atStatementEnd()) throw new Error(`line ${this.peek()?.line}: unexpected ${describe(this.peek())}`)
    return { k: 'expr', expr, line }
  }

  private forStatement(): Stmt {
    const line = this.take().line
    this.expectOp('(')
    const init = this.isOp(this.peek(), ';') ? undefined : this.isDeclaration() ? this.declaration() : { k: 'expr' as const, expr: this.expression(), line }
    this.expectOp(';')
    const test = this.isOp(this.peek(), ';') ? undefined : this.expression()
    this.expectOp(';')
    const update = this.isOp(this.peek(), ')') ? undefined : this.expression()
    this.expectOp(')')
    return { k: 'for', ...(init && { init }), ...(test && { test }), ...(update && { update }), body: this.block(), line }
  }

  private ifStatement(): Stmt {
    const line = this.take().line
    this.expectOp('(')
    const test = this.expression()
    this.expectOp(')')
    const then = this.block()
    const save = this.at
    this.skipNewlines()
    const next = this.peek()
    if (next?.kind !== 'name' || next.value !== 'else') {
      this.at = save
      return { k: 'if', test, then, line }
    }
    this.at++
    const otherwise = this.peek()?.kind === 'name' && (this.peek() as { value: string }).value === 'if' ? [this.ifStatement()] : this.block()
    return { k: 'if', test, then, otherwise, line }
  }

  /** `{ statements }`, or a single statement. */
  private block(): Stmt[] {
    this.skipNewlines()
    if (!this.isOp(this.peek(), '{')) return [this.statement()]
    this.at++
    const body = this.statements('}')
    this.expectOp('}')
    return body
  }

  /** `def x = …`, `String a, b`, `Map<String, String> setups = …`. */
  private isDeclaration(): boolean {
    const first = this.peek()
    if (first?.kind !== 'name') return false
    if (TYPE_WORDS.has(first.value)) return this.tokens[this.at + 1]?.kind === 'name'
    let i = this.at + 1
    if (this.isOp(this.tokens[i], '<')) {
      for (let depth = 0; i < this.tokens.length; i++) {
        if (this.isOp(this.tokens[i], '<')) depth++
        else if (this.isOp(this.tokens[i], '>') && --depth === 0) break
      }
      i++
    }
    const name = this.tokens[i]
    const after = this.tokens[i + 1]
    return /^[A-Z]/.test(first.value) && name?.kind === 'name' && (!after || after.kind === 'nl' || this.isOp(after, '=') || this.isOp(after, ',') || this.isOp(after, ';'))
  }

  private declaration(): Stmt {
    const line = this.peek()!.line
    this.at++
    if (this.isOp(this.peek(), '<')) while (!this.isOp(this.take(), '>'));
    const names: { name: string; init?: Expr }[] = []
    for (;;) {
      const name = this.take()
      if (name.kind !== 'name') throw new Error(`line ${name.line}: expected a name`)
      if (this.isOp(this.peek(), '=')) {
        this.at++
        this.skipNewlines()
        names.push({ name: name.value, init: this.expression() })
      } else names.push({ name: name.value })
      if (!this.isOp(this.peek(), ',')) break
      this.at++
      // `String user, text`: a type may repeat after the comma.
      if (this.tokens[this.at + 1]?.kind === 'name') this.at++
    }
    return { k: 'decl', names, line }
  }

  expression(): Expr {
    const target = this.binary(1)
    const op = this.peek()
    if (op?.kind === 'op' && ASSIGN.has(op.value)) {
      this.at++
      this.skipNewlines()
      return { k: 'assign', op: op.value, target, value: this.expression(), line: op.line }
    }
    if (this.isOp(op, '?')) {
      this.at++
      const then = this.expression()
      this.expectOp(':')
      return { k: 'ternary', test: target, then, otherwise: this.expression(), line: op!.line }
    }
    return target
  }

  private binary(min: number): Expr {
    let left = this.unary()
    for (;;) {
      const op = this.peek()
      const precedence = op?.kind === 'op' ? BINARY[op.value] : undefined
      if (precedence === undefined || precedence < min) return left
      this.at++
      this.skipNewlines()
      left = { k: 'binary', op: (op as { value: string }).value, left, right: this.binary(precedence + 1), line: op!.line }
    }
  }

  private unary(): Expr {
    const op = this.peek()
    if (op?.kind === 'op' && (op.value === '!' || op.value === '-')) {
      this.at++
      return { k: 'unary', op: op.value, operand: this.unary(), line: op.line }
    }
    if (op?.kind === 'op' && (op.value === '++' || op.value === '--')) {
      this.at++
      return { k: 'step', op: op.value, target: this.unary(), prefix: true, line: op.line }
    }
    return this.postfix(this.primary())
  }

  private postfix(start: Expr): Expr {
    let expr = start
    for (;;) {
      const token = this.peek()
      if (this.continuesOnNextLine()) this.skipNewlines()
      else if (this.isOp(token, '.') || this.isOp(token, '?.')) {
        this.at++
        const name = this.take()
        if (name.kind !== 'name') throw new Error(`line ${name.line}: expected a property name`)
        expr = { k: 'prop', object: expr, name: name.value, line: name.line }
      } else if (this.isOp(token, '[')) {
        this.at++
        const index = this.expression()
        this.expectOp(']')
        expr = { k: 'index', object: expr, index, line: token!.line }
      } else if (this.isOp(token, '(') && expr.k !== 'call') {
        expr = { k: 'call', callee: expr, args: this.arguments(), line: token!.line }
      } else if (this.isOp(token, '{') && (expr.k === 'call' || expr.k === 'prop' || expr.k === 'name')) {
        const closure = this.primary()
        expr = expr.k === 'call' ? { ...expr, args: [...expr.args, closure] } : { k: 'call', callee: expr, args: [closure], line: token!.line }
      } else if (token?.kind === 'op' && (token.value === '++' || token.value === '--')) {
        this.at++
        expr = { k: 'step', op: token.value, target: expr, prefix: false, line: token.line }
      } else return expr
    }
  }

  private arguments(): Expr[] {
    this.expectOp('(')
    const args: Expr[] = []
    while (!this.isOp(this.peek(), ')')) {
      args.push(this.expression())
      if (!this.isOp(this.peek(), ')')) this.expectOp(',')
    }
    this.at++
    return args
  }

  private primary(): Expr {
    const token = this.take()
    const line = token.line
    if (token.kind === 'number') return { k: 'number', value: token.value, line }
    if (token.kind === 'string') return { k: 'string', parts: token.parts.map(stringPart), line }
    if (token.kind === 'name' && token.value === 'new') {
      const type = this.take()
      while (this.isOp(this.peek(), '.')) this.at += 2
      return { k: 'new', type: type.kind === 'name' ? type.value : '?', args: this.arguments(), line }
    }
    if (token.kind === 'name') return { k: 'name', name: token.value, line }
    if (this.isOp(token, '(')) {
      const inner = this.expression()
      this.expectOp(')')
      return inner
    }
    if (this.isOp(token, '[')) return { k: 'list', items: this.listItems(), line }
    if (this.isOp(token, '{')) return this.closure(line)
    throw new Error(`line ${line}: unexpected ${describe(token)}`)
  }

  private listItems(): Expr[] {
    const items: Expr[] = []
    while (!this.isOp(this.peek(), ']')) {
      items.push(this.expression())
      if (!this.isOp(this.peek(), ']')) this.expectOp(',')
    }
    this.at++
    return items
  }

  /** `{ a, b -> statements }` or `{ statements }` (the opening brace already taken). */
  private closure(line: number): Expr {
    const params: string[] = []
    let i = this.at
    while (this.tokens[i]?.kind === 'nl') i++
    const start = i
    while (this.tokens[i]?.kind === 'name' || this.isOp(this.tokens[i], ',')) i++
    if (this.isOp(this.tokens[i], '->')) {
      for (let j = start; j < i; j++) {
        const token = this.tokens[j]!
        if (token.kind === 'name' && (this.isOp(this.tokens[j + 1], ',') || j + 1 === i)) params.push(token.value)
      }
      this.at = i + 1
    }
    const body = this.statements('}')
    this.expectOp('}')
    return { k: 'closure', params, body, line }
  }

  /** Skips an unreadable statement: to the end of its line, or past the braces it opens. */
  private skipStatement(reason: string): Stmt {
    const line = this.peek()?.line ?? 0
    const start = this.at
    let depth = 0
    let touchesSetups = false
    for (; this.at < this.tokens.length; this.at++) {
      const token = this.tokens[this.at]!
      if (token.kind === 'name' && (token.value === 'setups' || token.value === 'teardowns')) touchesSetups = true
      if (this.isOp(token, '{')) depth++
      else if (this.isOp(token, '}')) {
        if (depth === 0) break
        depth--
      } else if (depth === 0 && (token.kind === 'nl' || this.isOp(token, ';'))) break
    }
    // A stray `}` at the top level is skipped on its own.
    if (this.at === start) this.at++
    return { k: 'skipped', line, touchesSetups, reason }
  }

  private atStatementEnd(): boolean {
    const token = this.peek()
    return !token || token.kind === 'nl' || this.isOp(token, ';') || this.isOp(token, '}')
  }

  /** A line break before `.method()` continues the expression, as Groovy reads it. */
  private continuesOnNextLine(): boolean {
    let i = this.at
    if (this.tokens[i]?.kind !== 'nl') return false
    while (this.tokens[i]?.kind === 'nl') i++
    return this.isOp(this.tokens[i], '.') || this.isOp(this.tokens[i], '?.')
  }

  private skipSeparators(): void {
    while (this.peek()?.kind === 'nl' || this.isOp(this.peek(), ';')) this.at++
  }

  private skipNewlines(): void {
    while (this.peek()?.kind === 'nl') this.at++
  }

  private peek(): Token | undefined {
    return this.tokens[this.at]
  }

  private take(): Token {
    const token = this.tokens[this.at++]
    if (!token) throw new Error('unexpected end of file')
    return token
  }

  private isOp(token: Token | undefined, value: string): boolean {
    return token?.kind === 'op' && token.value === value
  }

  private expectOp(value: string): void {
    const token = this.take()
    if (!this.isOp(token, value)) throw new Error(`line ${token.line}: expected ${value}, found ${describe(token)}`)
  }
}

function stringPart(part: StringPart): { text: string; line: number } | { expr: Expr; line: number } {
  if ('text' in part) return part
  return { expr: new Parser(part.tokens).expression(), line: part.line }
}

function describe(token: Token | undefined): string {
  if (!token) return 'the end of the file'
  if (token.kind === 'nl') return 'a line break'
  if (token.kind === 'string') return 'a string'
  return String(token.value)
}
