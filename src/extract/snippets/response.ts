import type { Diagnostic, TestOptions } from '../../model/types.js'
import { expandTripleQuotes } from './block-quotes.js'
import { cleanLines } from './callouts.js'
import { parseJson } from './json.js'
import { diagnostic, offsetLocator, type PositionAt } from './position.js'
import { applySubstitutions } from './substitute.js'

/**
 * Parses a response snippet body; `options` are the snippet's TESTRESPONSE options if any.
 *
 * The result is what Elasticsearch's doc tests compare the real response with: callouts removed, the
 * TESTRESPONSE substitutions applied in order to the text, and stash references such as `$body.took` or
 * `$body.$_path` left as strings (`"took": "$body.took"`) for the replay to resolve against the response.
 * `_cat` and `non_json` responses are not JSON: no value and no diagnostic.
 */
export function parseResponse(text: string, at: PositionAt, options?: TestOptions): { json?: unknown; diagnostics: Diagnostic[] } {
  if (options?.cat || options?.nonJson) return { diagnostics: [] }
  // A skipped response is never compared, so Elasticsearch does not check it either.
  const report = options?.skip === undefined
  const cleaned = cleanLines(text).join('\n')
  const substitutions = options?.substitutions ?? []
  let source = cleaned
  let note = ''
  if (substitutions.length > 0) {
    const substituted = applySubstitutions(`${cleaned}\n`, substitutions)
    if (!substituted.ok) {
      const found = parseStashJson(cleaned)
      const diagnostics = report ? [diagnostic(at(0, 1), 'warning', 'invalid-substitution', substituted.message)] : []
      return found.ok ? { json: found.value, diagnostics } : { diagnostics }
    }
    source = substituted.text
    note = ' (after TESTRESPONSE substitutions)'
  }
  const parsed = parseStashJson(source)
  if (parsed.ok) return { json: parsed.value, diagnostics: [] }
  if (!report) return { diagnostics: [] }
  // Substitutions and quoting can move text: trust the position only while the line count is unchanged.
  const located = offsetLocator(parsed.text)(parsed.offset)
  const sameShape = note === '' || source.split('\n').length === cleaned.split('\n').length + 1
  const position = sameShape ? at(located.lineIndex, located.column) : at(0, 1)
  return { diagnostics: [diagnostic(position, 'warning', 'invalid-response-json', `Response is not valid JSON: ${parsed.message}${note}`)] }
}

type StashJson = { ok: true; value: unknown } | { ok: false; offset: number; message: string; text: string }

/** Parses response text after turning `"""` strings into JSON strings and quoting stash references. */
function parseStashJson(source: string): StashJson {
  const expanded = expandTripleQuotes(source)
  if (expanded.unterminated !== undefined) {
    return { ok: false, offset: expanded.unterminated, message: 'Unterminated triple-quoted string', text: source }
  }
  const quoted = quoteStashReferences(expanded.text)
  const parsed = parseJson(quoted.text)
  if (parsed.ok) return parsed
  return { ok: false, offset: expanded.toSource(quoted.toInput(parsed.offset)), message: parsed.message, text: source }
}

/**
 * Wraps bare `$…` tokens outside strings in quotes, as Elasticsearch does before checking a response
 * (its YAML tests read them as strings). Returns a map from output offsets back to input offsets.
 */
function quoteStashReferences(text: string): { text: string; toInput: (offset: number) => number } {
  const out: string[] = []
  const inserted: { at: number; added: number }[] = []
  let outLength = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (inString) {
      if (c === '\\') {
        out.push(text.slice(i, i + 2))
        outLength += out[out.length - 1]!.length
        i++
        continue
      }
      if (c === '"') inString = false
    } else if (c === '"') {
      inString = true
    } else if (c === '$') {
      let end = i + 1
      while (end < text.length && !/[\s,}\]:]/.test(text[end]!)) end++
      const token = JSON.stringify(text.slice(i, end))
      out.push(token)
      inserted.push({ at: outLength, added: token.length - (end - i) })
      outLength += token.length
      i = end - 1
      continue
    }
    out.push(c)
    outLength++
  }
  if (inserted.length === 0) return { text, toInput: (offset) => offset }
  const result = out.join('')
  return {
    text: result,
    // Offsets are only needed for errors, which never fall inside a quoted token: subtract what was added before.
    toInput: (offset) => {
      let shift = 0
      for (const { at, added } of inserted) if (at < offset) shift += added
      return offset - shift
    },
  }
}
