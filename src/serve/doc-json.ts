import { parse, type ParseError } from 'jsonc-parser'
import { snippetContents, stripCallouts } from '../console/callouts.js'
import { quoteStashReferences } from '../console/response-json.js'
import { applySubstitution } from '../console/substitute.js'
import { replaceTripleQuotes } from '../console/triple-quotes.js'
import type { Snippet, Substitution } from '../model/types.js'

/** Stands for a value the docs leave open (`$body.x`, `...`) until the served value is settled. */
const OPEN = '\u0000docspec:open'

/**
 * Rewrites doc-flavoured JSON into JSON text: callouts go, `"""` strings become JSON strings and bare `$body…`
 * references strings (marked open once parsed), `"key": ...` elisions become an open value and elided items
 * (`...` alone) go.
 */
function toJsonText(text: string): string {
  const quoted = quoteStashReferences(replaceTripleQuotes(stripCallouts(text))).text
  let out = ''
  for (let i = 0; i < quoted.length; i++) {
    const c = quoted[i]!
    if (c === '"') {
      let j = i + 1
      while (j < quoted.length && quoted[j] !== '"') j += quoted[j] === '\\' ? 2 : 1
      out += quoted.slice(i, j + 1)
      i = j
    } else if (quoted.startsWith('...', i)) {
      if (out.trimEnd().endsWith(':')) out += JSON.stringify(OPEN)
      i += 2
    } else {
      out += c
    }
  }
  return out
}

/** Parses doc-flavoured JSON keeping open values as markers; undefined when the text is not JSON-like. */
function readOpenJson(text: string): unknown {
  const trimmed = text.trim()
  if (!/^[[{]/.test(trimmed)) return undefined
  const errors: ParseError[] = []
  return openReferences(parse(toJsonText(trimmed), errors, { allowTrailingComma: true }))
}

/** Stash references (`"$body.took"`) leave the value open. */
function openReferences(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$body') ? OPEN : value
  if (Array.isArray(value)) return value.map(openReferences)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openReferences(v)]))
  }
  return value
}

/**
 * Applies the substitutions in order, skipping any whose pattern JavaScript cannot run: serving a little more
 * of the page is better than serving nothing.
 */
export function substituteLeniently(text: string, substitutions: readonly Substitution[]): string {
  return substitutions.reduce((current, substitution) => {
    try {
      return applySubstitution(current, substitution)
    } catch {
      return current
    }
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
  let served = servedBodies.get(snippet)
  if (!served) servedBodies.set(snippet, (served = readServedBody(snippet)))
  return served
}

/** Served bodies by snippet, read once: a replay asks for the same few answers thousands of times (the values are never changed). */
const servedBodies = new WeakMap<Snippet, ServedBody>()

function readServedBody(snippet: Snippet): ServedBody {
  const options = snippet.testResponse
  if (options?.nonJson || options?.cat) return { text: snippet.text }
  const documented = readOpenJson(snippet.text) ?? snippet.responseJson
  if (documented === undefined) return { text: snippet.text }
  const substitutions = options?.substitutions ?? []
  const expected = substitutions.length > 0 ? readOpenJson(substituteLeniently(snippetContents(snippet.text), substitutions)) : undefined
  return { json: settle(expected ?? documented, expected === undefined ? undefined : documented) }
}
