import { parseJson, type JsonResult } from './json.js'
import { expandTripleQuotes } from './triple-quotes.js'

/**
 * Parses response text as Elasticsearch's doc tests read a TESTRESPONSE body: `"""` strings become JSON
 * strings and bare stash references (`$body.took`) strings, comments are allowed. An error's offset is in
 * `source`.
 */
export function parseStashJson(source: string): JsonResult {
  const expanded = expandTripleQuotes(source)
  if (expanded.unterminated !== undefined) {
    return { ok: false, offset: expanded.unterminated, message: 'Unterminated triple-quoted string' }
  }
  const quoted = quoteStashReferences(expanded.text)
  const parsed = parseJson(quoted.text)
  if (parsed.ok) return parsed
  return { ok: false, offset: expanded.toSource(quoted.toInput(parsed.offset)), message: parsed.message }
}

/**
 * Wraps bare `$…` tokens outside strings in quotes, as Elasticsearch does before checking a response
 * (its YAML tests read them as strings). Returns a map from output offsets back to input offsets.
 */
export function quoteStashReferences(text: string): { text: string; toInput: (offset: number) => number } {
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
