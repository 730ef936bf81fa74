import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, RequestBody } from '../model/types.js'
import { expandTripleQuotes } from './triple-quotes.js'
import { exactIntegersJson, parseJson } from './json.js'
import { offsetLocator, type PositionAt } from './position.js'

/** Endpoints whose body is newline-delimited JSON whatever it looks like. */
const NDJSON_PATH = /(?:^|\/)(?:_bulk|_msearch(?:\/template)?|_fleet_msearch|_monitoring\/bulk)$|\/_ml\/anomaly_detectors\/[^/]+\/_data$/

/**
 * Parses the body lines of one console request (callouts already blanked, trailing space trimmed).
 * `firstLine` is the snippet line index of `lines[0]`. Returns no body when there is nothing but blank
 * lines and comments.
 */
export function parseBody(
  lines: string[],
  firstLine: number,
  path: string,
  at: PositionAt,
): { body?: RequestBody; diagnostics: Diagnostic[] } {
  let first = 0
  let last = lines.length
  while (first < last && lines[first]!.trim() === '') first++
  while (last > first && lines[last - 1]!.trim() === '') last--
  if (first === last) return { diagnostics: [] }
  const raw = lines.slice(first, last).join('\n')
  const locate = offsetLocator(raw)
  const error = (offset: number, message: string): Diagnostic[] => {
    const { lineIndex, column } = locate(offset)
    return [diagnostic('invalid-json', at(firstLine + first + lineIndex, column), message)]
  }
  const expanded = expandTripleQuotes(raw)
  if (expanded.unterminated !== undefined) {
    return { body: { kind: 'json', raw }, diagnostics: error(expanded.unterminated, 'Unterminated triple-quoted string') }
  }
  const text = blankHashComments(expanded.text)
  const start = firstSignificant(text)
  if (start === undefined) return { diagnostics: [] }
  // JSON bodies start with an object, array or string; anything else is sent as text (CSV, log lines…).
  if (!'{["'.includes(text[start]!)) return { body: { kind: 'text', raw }, diagnostics: [] }

  const lineMode = (): { body: RequestBody; diagnostics: Diagnostic[] } => {
    const values: unknown[] = []
    let lineStart = 0
    for (const line of text.split('\n')) {
      const parsed = parseJson(line, { allowEmpty: true })
      if (!parsed.ok)
        return { body: { kind: 'ndjson', raw }, diagnostics: error(expanded.toSource(lineStart + parsed.offset), parsed.message) }
      if (parsed.value !== undefined) values.push(parsed.value)
      lineStart += line.length + 1
    }
    return { body: { kind: 'ndjson', raw, json: values }, diagnostics: [] }
  }
  if (NDJSON_PATH.test(path)) return lineMode()
  const parsed = parseJson(text, { allowEmpty: true })
  if (parsed.ok)
    return parsed.value === undefined ? { diagnostics: [] } : { body: { kind: 'json', raw, json: parsed.value }, diagnostics: [] }
  // Several values one per line: NDJSON, as long as the first line holds a whole value by itself.
  const firstLineEnd = text.indexOf('\n', start)
  if (parsed.message.startsWith('Expected end of input') && parseJson(text.slice(0, firstLineEnd === -1 ? undefined : firstLineEnd)).ok) {
    return lineMode()
  }
  return { body: { kind: 'json', raw }, diagnostics: error(expanded.toSource(parsed.offset), parsed.message) }
}

/**
 * A JSON or NDJSON body as it is sent when it holds an integer a JavaScript number cannot hold exactly
 * (compact, integers as written; NDJSON one value a line, ending with a line break); undefined otherwise.
 */
export function exactBodyText(body: RequestBody): string | undefined {
  if (body.json === undefined || body.kind === 'text') return undefined
  const expanded = expandTripleQuotes(body.raw)
  if (expanded.unterminated !== undefined) return undefined
  const text = blankHashComments(expanded.text)
  if (body.kind === 'json') return exactIntegersJson(text)
  const lines = text.split('\n').filter((line) => firstSignificant(line) !== undefined)
  const exact = lines.map(exactIntegersJson)
  if (exact.every((line) => line === undefined)) return undefined
  const compact = (line: string): string => {
    const parsed = parseJson(line)
    return parsed.ok ? JSON.stringify(parsed.value) : line
  }
  return `${exact.map((line, i) => line ?? compact(lines[i]!)).join('\n')}\n`
}

/** Console `#` comment lines, replaced by spaces so offsets stay put. */
function blankHashComments(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trimStart().startsWith('#') ? ' '.repeat(line.length) : line))
    .join('\n')
}

/** Offset of the first character that is not white space or inside a `//` / block comment. */
function firstSignificant(text: string): number | undefined {
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++
    else if (text.startsWith('//', i)) i = lineEnd(text, i)
    else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2)
      if (end === -1) return undefined
      i = end + 2
    } else return i
  }
  return undefined
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i)
  return end === -1 ? text.length : end
}
