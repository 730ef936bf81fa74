/**
 * Runs the statements of a `build.gradle` that build the doc tests' named setups and teardowns
 * (`buildRestTests.setups[NAME] = …`), with the strings, loops and closures they use. What the file does
 * not hold (data read from another file, a value Gradle gives at build time) is an `Unknown` carrying why
 * and where, and so is every setup built from it.
 */
import type { Expr, Stmt } from './groovy-parse.js'
import { concat, mapped, replaceAll, type MappedText } from './mapped-text.js'

/** A value docspec cannot compute from the file, and why (with the file line). */
export class Unknown {
  constructor(
    readonly why: string,
    /** The text with what could not be read left as written (`$projectDir/…`), for messages. */
    readonly display?: string,
  ) {}
}

/** A named setup or teardown: its YAML text, or why it cannot be read. */
export type ScriptValue = MappedText | Unknown

interface Closure {
  kind: 'closure'
  params: string[]
  body: Stmt[]
  scope: Scope
}

/** `buildRestTests.setups` or `…teardowns`. */
interface Table {
  kind: 'table'
  entries: Map<string, ScriptValue>
}

type Value = MappedText | number | boolean | null | Unknown | Closure | Table | { kind: 'buildRestTests' }

class Scope {
  private readonly vars = new Map<string, Value>()
  constructor(readonly parent?: Scope) {}
  lookup(name: string): Scope | undefined {
    return this.vars.has(name) ? this : this.parent?.lookup(name)
  }
  get(name: string): Value | undefined {
    return this.lookup(name)?.vars.get(name)
  }
  declare(name: string, value: Value): void {
    this.vars.set(name, value)
  }
}

class Return {
  constructor(readonly value: Value) {}
}

const MAX_STEPS = 2_000_000

export interface GradleScripts {
  setups: Map<string, ScriptValue>
  teardowns: Map<string, ScriptValue>
  /** Statements naming setups that could not be read, by line. */
  unread: { line: number; reason: string }[]
}

/** Runs a parsed `build.gradle`, collecting its named setups and teardowns. */
export function evaluateGradle(statements: Stmt[], file: string): GradleScripts {
  const evaluator = new Evaluator(file)
  const global = new Scope()
  global.declare('buildRestTests', { kind: 'buildRestTests' })
  evaluator.run(statements, global)
  return { setups: evaluator.setups.entries, teardowns: evaluator.teardowns.entries, unread: evaluator.unread }
}

class Evaluator {
  readonly setups: Table = { kind: 'table', entries: new Map() }
  readonly teardowns: Table = { kind: 'table', entries: new Map() }
  readonly unread: { line: number; reason: string }[] = []
  private steps = 0
  /** Why the statements being run may not run in Gradle (a condition docspec cannot evaluate). */
  private taint: string | undefined

  constructor(private readonly file: string) {}

  run(statements: Stmt[], scope: Scope): void {
    for (const statement of statements) this.statement(statement, scope)
  }

  private statement(s: Stmt, scope: Scope): void {
    if (++this.steps > MAX_STEPS) throw new Error(`${this.file}:${s.line}: stopped after ${MAX_STEPS} steps`)
    switch (s.k) {
      case 'expr':
        this.expr(s.expr, scope)
        return
      case 'decl':
        for (const { name, init } of s.names) scope.declare(name, init ? this.expr(init, scope) : null)
        return
      case 'for':
        return this.loop(s, new Scope(scope))
      case 'if':
        return this.branch(s, scope)
      case 'return':
        throw new Return(s.value ? this.expr(s.value, scope) : null)
      case 'skipped':
        if (s.touchesSetups) this.unread.push({ line: s.line, reason: s.reason })
    }
  }

  private loop(s: Extract<Stmt, { k: 'for' }>, scope: Scope): void {
    if (s.init) this.statement(s.init, scope)
    for (;;) {
      const test = s.test ? this.expr(s.test, scope) : true
      if (test instanceof Unknown) return this.tainted(test, () => this.run(s.body, new Scope(scope)))
      if (!truthy(test)) return
      this.run(s.body, new Scope(scope))
      if (s.update) this.expr(s.update, scope)
      if (++this.steps > MAX_STEPS) throw new Error(`${this.file}:${s.line}: stopped after ${MAX_STEPS} steps`)
    }
  }

  private branch(s: Extract<Stmt, { k: 'if' }>, scope: Scope): void {
    const test = this.expr(s.test, scope)
    if (test instanceof Unknown) {
      return this.tainted(test, () => {
        this.run(s.then, new Scope(scope))
        if (s.otherwise) this.run(s.otherwise, new Scope(scope))
      })
    }
    if (truthy(test)) this.run(s.then, new Scope(scope))
    else if (s.otherwise) this.run(s.otherwise, new Scope(scope))
  }

  /** Runs statements whose running depends on something unknown: what they set is unknown too. */
  private tainted(cause: Unknown, run: () => void): void {
    const before = this.taint
    this.taint ??= `it depends on a condition docspec cannot evaluate (${cause.why})`
    try {
      run()
    } finally {
      this.taint = before
    }
  }

  expr(e: Expr, scope: Scope): Value {
    switch (e.k) {
      case 'number':
        return e.value
      case 'string':
        return this.string(e, scope)
      case 'name':
        return this.name(e, scope)
      case 'prop':
        return this.property(this.expr(e.object, scope), e.name, e.line)
      case 'index':
        return this.index(this.expr(e.object, scope), this.expr(e.index, scope), e.line)
      case 'call':
        return this.call(e, scope)
      case 'new':
        return this.construct(e, scope)
      case 'assign':
        return this.assign(e, scope)
      case 'step':
        return this.increment(e, scope)
      case 'closure':
        return { kind: 'closure', params: e.params, body: e.body, scope }
      case 'list':
        e.items.forEach((item) => this.expr(item, scope))
        return new Unknown(`a list (${this.at(e.line)})`)
      case 'ternary': {
        const test = this.expr(e.test, scope)
        return test instanceof Unknown ? test : this.expr(truthy(test) ? e.then : e.otherwise, scope)
      }
      case 'unary':
        return unary(e.op, this.expr(e.operand, scope))
      case 'binary':
        return this.binary(e, scope)
    }
  }

  private name(e: Extract<Expr, { k: 'name' }>, scope: Scope): Value {
    if (e.name === 'true' || e.name === 'false') return e.name === 'true'
    if (e.name === 'null') return null
    if (e.name === 'it' && !scope.lookup('it')) return new Unknown(`a closure parameter (${this.at(e.line)})`)
    return scope.get(e.name) ?? new Unknown(`${e.name} is not defined in the file (${this.at(e.line)})`, `$${e.name}`)
  }

  private string(e: Extract<Expr, { k: 'string' }>, scope: Scope): Value {
    let text = mapped('', e.line)
    let unknown: Unknown | undefined
    let display = ''
    for (const part of e.parts) {
      if ('text' in part) {
        text = concat(text, mapped(part.text, part.line))
        display += part.text
        continue
      }
      const value = this.expr(part.expr, scope)
      if (value instanceof Unknown) {
        unknown ??= value
        display += value.display ?? '…'
      } else {
        const piece = asText(value, part.line)
        text = concat(text, piece)
        display += piece.text
      }
    }
    return unknown ? new Unknown(unknown.why, display) : text
  }

  private property(object: Value, name: string, line: number): Value {
    if (object && typeof object === 'object' && 'kind' in object && object.kind === 'buildRestTests') {
      if (name === 'setups') return this.setups
      if (name === 'teardowns') return this.teardowns
    }
    if (object instanceof Unknown) return object
    return new Unknown(`.${name} is not evaluated (${this.at(line)})`)
  }

  private index(object: Value, key: Value, line: number): Value {
    if (!isTable(object)) return object instanceof Unknown ? object : new Unknown(`an index into something docspec does not know (${this.at(line)})`)
    if (key instanceof Unknown) return key
    const name = asText(key, line).text
    return object.entries.get(name) ?? new Unknown(`'${name}' is used before it is defined (${this.at(line)})`)
  }

  private call(e: Extract<Expr, { k: 'call' }>, scope: Scope): Value {
    const args = e.args.map((arg) => this.expr(arg, scope))
    if (e.callee.k === 'prop') {
      const receiver = this.expr(e.callee.object, scope)
      if (isText(receiver)) return this.textMethod(receiver, e.callee.name, args, e.line)
      this.runClosures(args)
      return receiver instanceof Unknown ? receiver : new Unknown(`.${e.callee.name}(…) is not evaluated (${this.at(e.line)})`)
    }
    const callee = this.expr(e.callee, scope)
    if (isClosure(callee)) return this.invoke(callee, args)
    this.runClosures(args)
    return new Unknown(`a call docspec does not evaluate (${this.at(e.line)})`)
  }

  /** Closures handed to Gradle (`doFirst { … }`, `each { … }`) are run once, their parameters unknown. */
  private runClosures(args: Value[]): void {
    for (const arg of args) if (isClosure(arg)) this.invoke(arg, [])
  }

  private invoke(closure: Closure, args: Value[]): Value {
    const scope = new Scope(closure.scope)
    closure.params.forEach((name, i) => scope.declare(name, args[i] ?? new Unknown(`a closure parameter Gradle gives`)))
    if (closure.params.length === 0) scope.declare('it', args[0] ?? new Unknown('a closure parameter Gradle gives'))
    try {
      this.run(closure.body, scope)
    } catch (error) {
      if (error instanceof Return) return error.value
      throw error
    }
    return null
  }

  private textMethod(text: MappedText, name: string, args: Value[], line: number): Value {
    const unknown = args.find((a): a is Unknown => a instanceof Unknown)
    if (unknown) return unknown
    if (name === 'replace' && args.length === 2) return replaceAll(text, asText(args[0]!, line).text, asText(args[1]!, line))
    if (name === 'toString') return text
    return new Unknown(`.${name}(…) is not evaluated (${this.at(line)})`)
  }

  private construct(e: Extract<Expr, { k: 'new' }>, scope: Scope): Value {
    const args = e.args.map((arg) => this.expr(arg, scope))
    const shown = args.map((a) => (a instanceof Unknown ? (a.display ?? '…') : isText(a) ? a.text : String(a))).join(', ')
    if (e.type === 'File') return new Unknown(`its data is read from the file ${shown} (${this.at(e.line)})`)
    return new Unknown(`new ${e.type}(${shown}) is not evaluated (${this.at(e.line)})`)
  }

  private assign(e: Extract<Expr, { k: 'assign' }>, scope: Scope): Value {
    let value = this.expr(e.value, scope)
    if (e.op !== '=') value = binary(e.op.slice(0, 1), this.expr(e.target, scope), value, e.line)
    if (e.target.k === 'name') {
      ;(scope.lookup(e.target.name) ?? rootOf(scope)).declare(e.target.name, value)
    } else if (e.target.k === 'index') {
      const table = this.expr(e.target.object, scope)
      const key = this.expr(e.target.index, scope)
      if (isTable(table) && !(key instanceof Unknown)) {
        const stored = this.taint ? new Unknown(this.taint) : isText(value) || value instanceof Unknown ? value : asText(value, e.line)
        table.entries.set(asText(key, e.line).text, stored)
      } else if (isTable(table)) this.unread.push({ line: e.line, reason: `the setup's name cannot be computed: ${(key as Unknown).why}` })
    }
    return value
  }

  private increment(e: Extract<Expr, { k: 'step' }>, scope: Scope): Value {
    const before = this.expr(e.target, scope)
    if (typeof before !== 'number' || e.target.k !== 'name') return new Unknown(`${e.op} on something not a number (${this.at(e.line)})`)
    const after = e.op === '++' ? before + 1 : before - 1
    ;(scope.lookup(e.target.name) ?? rootOf(scope)).declare(e.target.name, after)
    return e.prefix ? after : before
  }

  private binary(e: Extract<Expr, { k: 'binary' }>, scope: Scope): Value {
    const left = this.expr(e.left, scope)
    if (e.op === '&&' && !(left instanceof Unknown) && !truthy(left)) return false
    if (e.op === '||' && !(left instanceof Unknown) && truthy(left)) return true
    if (e.op === '?:' && !(left instanceof Unknown) && truthy(left)) return left
    return binary(e.op, left, this.expr(e.right, scope), e.line, this.file)
  }

  private at(line: number): string {
    return `${this.file}:${line}`
  }
}

function binary(op: string, left: Value, right: Value, line: number, file = ''): Value {
  if (left instanceof Unknown) return left
  if (right instanceof Unknown) return right
  if (op === '&&' || op === '||' || op === '?:') return op === '?:' ? right : truthy(right)
  if (op === '+' && (isText(left) || isText(right))) return concat(asText(left, line), asText(right, line))
  if (op === '==' || op === '!=') return (plain(left) === plain(right)) === (op === '==')
  if (typeof left !== 'number' || typeof right !== 'number') return new Unknown(`${op} on values docspec does not evaluate (${file}:${line})`)
  const results: Record<string, number | boolean> = {
    '+': left + right, '-': left - right, '*': left * right, '/': left / right, '%': left % right,
    '<': left < right, '>': left > right, '<=': left <= right, '>=': left >= right,
  }
  return results[op] ?? new Unknown(`the operator ${op} is not evaluated (${file}:${line})`)
}

function unary(op: string, value: Value): Value {
  if (value instanceof Unknown) return value
  return op === '!' ? !truthy(value) : typeof value === 'number' ? -value : new Unknown('- on something not a number')
}

/** Groovy truth. */
function truthy(value: Value): boolean {
  if (isText(value)) return value.text !== ''
  return value !== null && value !== false && value !== 0
}

function plain(value: Value): unknown {
  return isText(value) ? value.text : value
}

function asText(value: Value, line: number): MappedText {
  if (isText(value)) return value
  return mapped(value === null ? 'null' : typeof value === 'object' ? '?' : String(value), line)
}

function isText(value: Value | undefined): value is MappedText {
  return typeof value === 'object' && value !== null && 'text' in value && 'marks' in value
}

function isTable(value: Value): value is Table {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'table'
}

function isClosure(value: Value): value is Closure {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'closure'
}

function rootOf(scope: Scope): Scope {
  let root = scope
  while (root.parent) root = root.parent
  return root
}
