import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic } from '../model/types.js'
import { Reflow, REFLOW_RULES, type Slice } from './reflow-rules.js'
import type { LineOrigin } from './source.js'

/**
 * Damaged pages: some pipelines collapse every run of whitespace, newlines included, into one space.
 * This rebuilds the line structure from AsciiDoc's own line-level syntax (section titles, anchors, block
 * attributes, attribute entries, delimiters, comments and marker comments, include and status macros, list
 * items, admonition labels, definition-list terms, continuations, callouts and console bodies), so the page
 * parses as it was written. Every rebuilt line is a slice of the damaged line, so positions stay exact.
 * What the syntax does not show stays lost: where a paragraph ends before another (blank lines), blank
 * lines and indentation inside listings, and where a title ends when the sentence after it opens with an
 * ordinary word ("Refresh Control when …").
 */

/** True when a line holds a whole page's worth of block syntax on one line. */
export function looksFlattened(line: string, wholeFile = false): boolean {
  if (line.length < 120) return false
  let hints = 0
  if (/\]\] ={1,6} \S/.test(line)) hints++
  if (/\s={2,6} \S/.test(line)) hints++
  if (/\s-{4,}\s/.test(line)) hints++
  if (/\s\[\[[\w-]+\]\]\s/.test(line)) hints++
  if (/\s\/\/ (?:CONSOLE|TEST|TESTRESPONSE|NOTCONSOLE)/.test(line)) hints++
  if (/\s\[source,\w+/.test(line)) hints++
  if (/`\S*`\s*(?:\([^)]*\))?::\s/.test(line)) hints++
  // A file whose only line holds block syntax lost its newlines; a long line among others needs more evidence.
  return hints >= (wholeFile ? 1 : 2)
}

/** Reflows flattened lines; other lines pass through. */
export function reflowLines(lines: string[], origins: LineOrigin[]): { lines: string[]; origins: LineOrigin[]; diagnostics: Diagnostic[] } {
  const wholeFile = lines.filter((line) => line.trim() !== '').length === 1
  const flattened = (line: string) => looksFlattened(line, wholeFile)
  if (!lines.some(flattened)) return { lines, origins, diagnostics: [] }
  const out = { lines: [] as string[], origins: [] as LineOrigin[], diagnostics: [] as Diagnostic[] }
  lines.forEach((line, i) => {
    const origin = origins[i]!
    if (!flattened(line)) {
      out.lines.push(line)
      out.origins.push(origin)
      return
    }
    const slices = reflowLine(line)
    for (const s of slices) {
      out.lines.push(s.blank ? '' : line.slice(s.start, s.end))
      out.origins.push({ file: origin.file, line: origin.line, column: origin.column + s.start })
    }
    out.diagnostics.push(
      diagnostic('reflowed', origin, `Line ${origin.line} holds a whole page (${line.length} characters, newlines lost); it was split into ${slices.filter((s) => !s.blank).length} lines by block syntax. Check the source: blank lines and indentation cannot be recovered.`),
    )
  })
  return out
}

/** The lines a flattened line held: each token goes to the first reflow rule that applies to it. */
function reflowLine(line: string): Slice[] {
  const r = new Reflow(line)
  for (let i = 0; i < r.tokens.length; i++) {
    const t = r.tokens[i]!.text
    const next = r.text(i + 1)
    for (const rule of REFLOW_RULES) {
      const end = rule(r, i, t, next)
      if (end !== undefined) {
        i = end
        break
      }
    }
  }
  r.flush()
  return r.slices
}
