import { diagnostic } from '../model/diagnostic.js'
import { HTTP_METHOD_PATTERN, type ConsoleRequest, type Diagnostic } from '../model/types.js'
import { cleanLines } from './callouts.js'
import { parseCurl } from './curl.js'
import type { PositionAt } from './position.js'
import { parseConsole } from './requests.js'

/** `$ curl …` (the prompt optional). */
const CURL = /^(\s*)(\$\s+)?curl(?=\s|$)/
/** A console request line (`GET api/status`), as Kibana pages also write them. */
const REQUEST = new RegExp(`^\\s*(?:${HTTP_METHOD_PATTERN})\\s+\\S`, 'i')

/**
 * Parses a Kibana example (`[source,sh]` + `// KIBANA`) into the same requests a console snippet gives:
 * `curl` commands (`$ curl -X POST api/… -H 'kbn-xsrf: true' -d '{…}'`) and console request lines
 * (`GET api/…` and a body), in any mix. Text before the first request is an error, as in console snippets.
 */
export function parseKibana(text: string, at: PositionAt): { requests: ConsoleRequest[]; diagnostics: Diagnostic[] } {
  // A `$ ` prompt is blanked so columns stay put.
  const lines = cleanLines(text).map((line) => line.replace(CURL, (_, indent: string, prompt = '') => `${indent}${' '.repeat(prompt.length)}curl`))
  const starts = lines.flatMap((line, i) => (CURL.test(line) || REQUEST.test(line) ? [i] : []))
  const requests: ConsoleRequest[] = []
  const diagnostics: Diagnostic[] = []
  const junk = lines.slice(0, starts[0] ?? lines.length).findIndex((line) => line.trim() !== '' && !/^\s*(?:#|\/\/)/.test(line))
  if (junk >= 0) {
    const found = lines[junk]!.trim().slice(0, 40)
    diagnostics.push(diagnostic('console-syntax', at(junk, lines[junk]!.search(/\S/) + 1), `Expected a request line "METHOD path" or a curl command, found "${found}"`))
  }
  for (const [n, start] of starts.entries()) {
    const stop = starts[n + 1] ?? lines.length
    if (CURL.test(lines[start]!)) {
      const parsed = parseCurl(lines, start, stop, at)
      if (parsed.request) requests.push(parsed.request)
      diagnostics.push(...parsed.diagnostics)
      continue
    }
    const parsed = parseConsole(lines.slice(start, stop).join('\n'), (lineIndex, column) => at(start + lineIndex, column))
    requests.push(...parsed.requests)
    diagnostics.push(...parsed.diagnostics)
  }
  return { requests, diagnostics }
}
