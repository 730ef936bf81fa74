import { diagnostic } from '../../model/diagnostic.js'
import type { Diagnostic, Snippet, SourcePosition, Substitution, TestOptions } from '../../model/types.js'
import { emptyTestOptions, parseTestOptions, type MarkerKind } from './test-options.js'

/** The snippet fields its marker comments set (`markers` keeps the recognised ones verbatim, in order). */
export interface Markers extends Pick<Snippet, 'markers' | 'console' | 'notConsole' | 'testSetup' | 'teardown' | 'test' | 'testResponse'> {
  /** `// KIBANA`: a request to Kibana's HTTP API. */
  kibana: boolean
  /** The `s/…/…/` of `// TEST[...]` and `// TESTRESPONSE[...]` lines alike, in the order written. */
  substitutions: Substitution[]
  diagnostics: Diagnostic[]
}

/** Markers without options. `AUTOSENSE` is the old name of `CONSOLE`; `SENSE:` is only recorded. */
const FLAG = /^\/\/\s*(CONSOLE|NOTCONSOLE|TESTSETUP|TEARDOWN|AUTOSENSE|KIBANA)\s*$/
const SENSE = /^\/\/\s*SENSE:\S/
const OPTIONS = /^\/\/\s*(TESTRESPONSE|TEST)(?=\[|\s*$)/

/** Parses the marker comments that follow a snippet; several `// TEST[...]` lines accumulate into one TestOptions. */
export function parseMarkers(comments: { text: string; position: SourcePosition }[]): Markers {
  const result: Markers = { markers: [], console: false, notConsole: false, testSetup: false, teardown: false, kibana: false, substitutions: [], diagnostics: [] }
  for (const { text: raw, position } of comments) {
    const text = raw.trimEnd()
    const flag = FLAG.exec(text)
    if (flag) {
      result.markers.push(raw)
      if (flag[1] === 'CONSOLE' || flag[1] === 'AUTOSENSE') result.console = true
      else if (flag[1] === 'NOTCONSOLE') result.notConsole = true
      else if (flag[1] === 'TESTSETUP') result.testSetup = true
      else if (flag[1] === 'TEARDOWN') result.teardown = true
      else if (flag[1] === 'KIBANA') result.kibana = true
      continue
    }
    if (SENSE.test(text)) {
      result.markers.push(raw)
      continue
    }
    const marker = OPTIONS.exec(text)
    if (!marker) continue
    result.markers.push(raw)
    const kind = marker[1] as MarkerKind
    const key = kind === 'TEST' ? 'test' : 'testResponse'
    const options = (result[key] ??= emptyTestOptions())
    const open = marker[0].length
    if (open === text.length || text.slice(open).trim() === '') continue
    const close = text.lastIndexOf(']')
    const at = (offset: number): SourcePosition => ({ ...position, column: position.column + offset })
    if (close < open || close !== text.length - 1) {
      result.diagnostics.push(
        diagnostic(
          'malformed-marker',
          at(open),
          close < open ? `Unterminated ${kind}[: no closing "]"` : `Text after the closing "]" of ${kind}[...]`,
        ),
      )
      if (close < open) continue
    }
    const before = options.substitutions.length
    for (const problem of parseTestOptions(text.slice(open + 1, close), kind, options)) {
      result.diagnostics.push(diagnostic(problem.rule, at(open + 1 + problem.offset), problem.message))
    }
    result.substitutions.push(...options.substitutions.slice(before))
  }
  return result
}

/**
 * The options a response snippet is checked with. The doc build keeps one substitution list and one skip
 * per snippet, whichever marker sets them, so a `// TEST[s/…/…/]` or `// TEST[skip:…]` under a
 * `console-result` block changes the response as a `// TESTRESPONSE[...]` would.
 */
export function responseOptions(markers: Markers): TestOptions | undefined {
  const { test, testResponse } = markers
  if (!test) return testResponse
  const options = testResponse ?? emptyTestOptions()
  const skip = options.skip ?? test.skip
  return { ...options, substitutions: markers.substitutions, ...(skip !== undefined && { skip }) }
}
