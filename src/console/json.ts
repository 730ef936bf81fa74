import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'

export type JsonResult = { ok: true; value: unknown } | { ok: false; offset: number; message: string }

export interface JsonOptions {
  /** Text that is only white space and comments is `ok` with an `undefined` value. */
  allowEmpty?: boolean
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected symbol',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected property name',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected colon',
  CommaExpected: 'Expected comma',
  CloseBraceExpected: 'Expected closing brace "}"',
  CloseBracketExpected: 'Expected closing bracket "]"',
  EndOfFileExpected: 'Expected end of input after the JSON value',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
}

/**
 * Parses one JSON value, allowing `//` and block comments (Elasticsearch's parser accepts them) but not
 * trailing commas (it rejects those). Reports the first error with its offset; never throws.
 */
export function parseJson(text: string, options: JsonOptions = {}): JsonResult {
  const errors: ParseError[] = []
  try {
    const root = parseTree(text, errors, { allowTrailingComma: false, allowEmptyContent: options.allowEmpty ?? false })
    const first = errors[0]
    if (first) return describe(text, first)
    return { ok: true, value: root ? toValue(root) : undefined }
  } catch (error) {
    // jsonc-parser and toValue recurse per nesting level: absurd nesting overflows the stack.
    if (error instanceof RangeError) return { ok: false, offset: 0, message: 'JSON nested too deeply' }
    throw error
  }
}

function describe(text: string, error: ParseError): JsonResult {
  const name = printParseErrorCode(error.error)
  if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
    const comma = trailingComma(text, error.offset)
    if (comma !== undefined) return { ok: false, offset: comma, message: 'Trailing comma' }
  }
  let message = MESSAGES[name] ?? name
  if (name === 'InvalidSymbol') message += ` ${JSON.stringify(text.slice(error.offset, error.offset + Math.min(error.length, 20)))}`
  return { ok: false, offset: error.offset, message }
}

/** Offset of the comma before a closing `}`/`]` at `offset`, if that is what the error is about. */
function trailingComma(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined
  let i = offset - 1
  while (i >= 0 && /\s/.test(text[i]!)) i--
  return text[i] === ',' ? i : undefined
}

/**
 * The JSON value of `text` written compactly with its integers as written, when one of them is beyond what
 * a JavaScript number holds exactly (18446744073709551615 would be read as 18446744073709552000); undefined
 * when none is, or when the text is no JSON. Elasticsearch reads such integers exactly (as the doc tests'
 * YAML runner sends them), so a body holding one is sent in this form rather than re-serialized.
 */
export function exactIntegersJson(text: string): string | undefined {
  const errors: ParseError[] = []
  let root: Node | undefined
  try {
    root = parseTree(text, errors, { allowTrailingComma: false })
  } catch {
    return undefined
  }
  if (!root || errors.length > 0) return undefined
  let inexact = false
  const write = (node: Node): string => {
    switch (node.type) {
      case 'object':
        return `{${(node.children ?? []).map((property) => `${JSON.stringify(property.children?.[0]?.value)}:${write(property.children![1]!)}`).join(',')}}`
      case 'array':
        return `[${(node.children ?? []).map(write).join(',')}]`
      case 'number': {
        const literal = text.slice(node.offset, node.offset + node.length)
        if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(node.value)) inexact = true
        return literal
      }
      default:
        return JSON.stringify(node.value)
    }
  }
  const written = write(root)
  return inexact ? written : undefined
}

/** Builds the value from the tree; keys are defined, not assigned, so `"__proto__"` stays an ordinary key. */
function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {}
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? []
        if (!key || !value) continue
        Object.defineProperty(object, String(key.value), {
          value: toValue(value),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return object
    }
    case 'array':
      return (node.children ?? []).map(toValue)
    default:
      return node.value
  }
}

/** How deeply a JSON value nests (a scalar is 0), counted without recursion: the depth is the input's to choose. */
export function jsonDepth(value: unknown): number {
  let deepest = 0
  const pending: [unknown, number][] = [[value, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [v, depth] = next
    if (v === null || typeof v !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    for (const child of Object.values(v)) pending.push([child, depth + 1])
  }
  return deepest
}
