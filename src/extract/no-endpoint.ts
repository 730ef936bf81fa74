import { HTTP_METHODS, type Endpoint, type Snippet } from '../model/types.js'
import type { PageContext } from './context.js'
import type { PageSection } from './sections.js'

/** A line that is a request line alone, in a code span: `` `POST <kibana host>:<port>/api/x` ``. */
const WRITTEN_REQUEST = /^\s*`([A-Za-z]+)\s+(\S[^`]*)`\s*\+?\s*$/
const VERBATIM_DELIMITER = /^(-{4,}|\.{4,}|\+{4,}|\/{4,})\s*$/

/**
 * A page that documents a request, in a request line or an example, and yields no endpoint says why, once:
 * its Request section names none (`listed`: the request lines read; and what it holds instead), a request line
 * stands under a heading that is no Request section, or its Kibana examples call an API the page never lists.
 */
export function lintNoEndpoint(ctx: PageContext, sections: PageSection[], listed: Endpoint[], endpoints: Endpoint[], examples: Snippet[]): void {
  const request = sections.find((s) => s.kind === 'request')
  // Said even when examples gave endpoints: the Request section should list them.
  if (request && listed.length === 0) {
    ctx.report('no-endpoint', ctx.at(request.lineIndex), `The Request section names no \`METHOD /path\` request line${requestSectionHint(ctx, request, sections)}.`)
    return
  }
  if (request || endpoints.length > 0) return
  const stray = writtenRequestLines(ctx)[0]
  if (stray) {
    const under = [...sections].reverse().find((s) => s.lineIndex < stray.lineIndex)
    const where = under ? `under "${under.title}", which is no Request section` : 'outside any section'
    ctx.report('no-endpoint', ctx.at(stray.lineIndex, stray.column), `The request line \`${stray.text}\` stands ${where} (Request, Request URL, HTTP request); no endpoint is taken from it.`)
    return
  }
  const kibana = examples.find((s) => s.target === 'kibana' && s.requests.length > 0)
  if (kibana) {
    const call = kibana.requests[0]!
    ctx.report('no-endpoint', call.position, `This Kibana example calls ${call.method} ${call.path}, but the page writes no request line (no Request section); no endpoint is taken from examples of Kibana's API.`)
  }
}

/** What a Request section without a request line holds instead: a line with a method docspec does not know. */
function requestSectionHint(ctx: PageContext, request: PageSection, sections: PageSection[]): string {
  const next = sections.find((s) => s.lineIndex > request.lineIndex)?.lineIndex ?? ctx.source.lines.length
  for (let i = request.lineIndex + 1; i < next; i++) {
    const m = /^\s*`?([A-Za-z]+)\s+(\/?[\w{<$.-]*\/\S*?)`?\s*$/.exec(ctx.line(i))
    if (m && !(HTTP_METHODS as readonly string[]).includes(m[1]!)) return ` (\`${m[1]} ${m[2]}\` at line ${ctx.at(i).line}: \`${m[1]}\` is no HTTP method; one of ${HTTP_METHODS.join(', ')})`
  }
  return ''
}

/** Request lines the page's own file writes alone in a code span, outside verbatim blocks (an included page speaks for itself). */
function writtenRequestLines(ctx: PageContext): { lineIndex: number; column: number; text: string }[] {
  const out: { lineIndex: number; column: number; text: string }[] = []
  let verbatim: string | undefined
  ctx.source.lines.forEach((line, i) => {
    const delimiter = VERBATIM_DELIMITER.exec(line)?.[1]
    if (delimiter) verbatim = verbatim ? (delimiter === verbatim ? undefined : verbatim) : delimiter
    const m = verbatim || delimiter ? null : WRITTEN_REQUEST.exec(line)
    if (m && (HTTP_METHODS as readonly string[]).includes(m[1]!.toUpperCase()) && ctx.at(i).file === ctx.source.file) out.push({ lineIndex: i, column: line.indexOf('`') + 2, text: `${m[1]} ${m[2]!.trim()}` })
  })
  return out
}
