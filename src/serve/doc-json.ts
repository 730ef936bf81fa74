import { parse, type ParseError } from 'jsonc-parser'
import type { Snippet, Substitution } from '../model/types.js'

/** Stands for a value the docs leave open (`$body.x`, `...`) until the served value is settled. */
const OPEN = '\u0000docspec:open'

/**
 * Rewrites doc-flavoured JSON into JSON text: `"""` strings become JSON strings, `$body…` stash references and
 * `"key": ...` elisions become an open-value marker, elided items (`...` alone) and callouts (`<1>`) go.
 */
function toJsonText(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    if (text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3)
      const stop = end < 0 ? text.length : end
      out += JSON.stringify(text.slice(i + 3, stop))
      i = stop + 3
      continue
    }
    const c = text[i]!
    if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      const literal = text.slice(i, j + 1)
      out += literal.startsWith('"$body') ? JSON.stringify(OPEN) : literal
      i = j + 1
      continue
    }
    const stash = /^\$body[\w.$\\-]*/.exec(text.slice(i, i + 200))
    if (stash) {
      out += JSON.stringify(OPEN)
      i += stash[0].length
      continue
    }
    if (text.startsWith('...', i)) {
      if (out.trimEnd().endsWith(':')) out += JSON.stringify(OPEN)
      i += 3
      continue
    }
    const callout = /^<\d+>/.exec(text.slice(i, i + 8))
    if (callout) {
      i += callout[0].length
      continue
    }
    out += c
    i++
  }
  return out
}

/** Parses doc-flavoured JSON keeping open values as markers; undefined when the text is not JSON-like. */
function readOpenJson(text: string): unknown {
  const trimmed = text.trim()
  if (!/^[[{]/.test(trimmed)) return undefined
  const errors: ParseError[] = []
  return parse(toJsonText(trimmed), errors, { allowTrailingComma: true })
}

/** A Java regular expression as a JavaScript one; leading inline flags like `(?s)` become flags. */
function javaRegExp(pattern: string): RegExp | undefined {
  const inline = /^\(\?([imsx]+)\)/.exec(pattern)
  const flags = new Set(['g', ...(inline?.[1] ?? '').replace('x', '')])
  try {
    return new RegExp(inline ? pattern.slice(inline[0].length) : pattern, [...flags].join(''))
  } catch {
    return undefined
  }
}

/** Expands a Java `replaceAll` replacement: `$n` and `${name}` are groups, `\x` is `x`. */
function javaReplacement(replacement: string, groups: string[], named: Record<string, string> | undefined): string {
  return replacement.replace(/\\(.)|\$(\d+)|\$\{(\w+)\}/g, (_, escaped, index, name) => {
    if (escaped !== undefined) return escaped
    if (index !== undefined) return groups[Number(index)] ?? ''
    return named?.[name] ?? ''
  })
}

export function applySubstitutions(text: string, substitutions: readonly Substitution[]): string {
  return substitutions.reduce((current, { pattern, replacement }) => {
    const re = javaRegExp(pattern)
    if (!re) return current
    return current.replace(re, (...args) => {
      const hasNamed = typeof args[args.length - 1] === 'object'
      const named = hasNamed ? (args[args.length - 1] as Record<string, string>) : undefined
      const groups = args.slice(0, hasNamed ? -3 : -2) as string[]
      return javaReplacement(replacement, groups, named)
    })
  }, text)
}

/**
 * Settles open values: where the expected body leaves a value open, the documented one is served when the page
 * gives it (before substitutions opened it), otherwise `null`.
 */
function settle(expected: unknown, documented: unknown): unknown {
  if (expected === OPEN) return documented === undefined || documented === OPEN ? null : settle(documented, undefined)
  if (Array.isArray(expected)) {
    const docs = Array.isArray(documented) ? documented : []
    return expected.map((item, i) => settle(item, docs[i]))
  }
  if (expected !== null && typeof expected === 'object') {
    const docs = documented !== null && typeof documented === 'object' ? (documented as Record<string, unknown>) : {}
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, settle(v, docs[k])]))
  }
  return expected
}

/** Parses a documented JSON body, tolerating what the docs write (open values read as `null`); undefined when the text is not JSON-like. */
export function readDocJson(text: string): unknown {
  const value = readOpenJson(text)
  return value === undefined ? undefined : settle(value, undefined)
}

export type ServedBody = { json: unknown } | { text: string }

/**
 * What to serve for a documented response snippet. The body must satisfy the snippet's own test — Elasticsearch's
 * doc tests compare whole bodies after the `// TESTRESPONSE` substitutions — so substitutions that drop or change
 * content are applied, while values they only open up (`$body…`) keep the documented value.
 */
export function servedBody(snippet: Snippet): ServedBody {
  const options = snippet.testResponse
  if (options?.nonJson || options?.cat) return { text: snippet.text }
  const documented = readOpenJson(snippet.text) ?? snippet.responseJson
  if (documented === undefined) return { text: snippet.text }
  const substitutions = options?.substitutions ?? []
  const expected = substitutions.length > 0 ? readOpenJson(applySubstitutions(snippet.text, substitutions)) : undefined
  return { json: settle(expected ?? documented, expected === undefined ? undefined : documented) }
}
