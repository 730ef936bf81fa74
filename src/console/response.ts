import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, TestOptions } from '../model/types.js'
import { cleanLines, snippetContents } from './callouts.js'
import { offsetLocator, type PositionAt } from './position.js'
import { parseStashJson } from './response-json.js'
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
    const substituted = applySubstitutions(snippetContents(text), substitutions)
    if (!substituted.ok) {
      const found = parseStashJson(cleaned)
      const diagnostics = report ? [diagnostic('invalid-substitution', at(0, 1), substituted.message, 'warning')] : []
      return found.ok ? { json: found.value, diagnostics } : { diagnostics }
    }
    source = substituted.text
    note = ' (after TESTRESPONSE substitutions)'
  }
  const parsed = parseStashJson(source)
  if (parsed.ok) return { json: parsed.value, diagnostics: [] }
  if (!report) return { diagnostics: [] }
  // Substitutions and quoting can move text: trust the position only while the line count is unchanged.
  const located = offsetLocator(source)(parsed.offset)
  const sameShape = note === '' || source.split('\n').length === cleaned.split('\n').length + 1
  const position = sameShape ? at(located.lineIndex, located.column) : at(0, 1)
  return { diagnostics: [diagnostic('invalid-response-json', position, `Response is not valid JSON: ${parsed.message}${note}`)] }
}
