import { diagnostic } from '../model/diagnostic.js'
import { HTTP_METHOD_PATTERN, type ConsoleRequest, type Diagnostic, type HttpMethod } from '../model/types.js'
import { parseBody } from './body.js'
import { cleanLines } from './callouts.js'
import type { PositionAt } from './position.js'
import { splitTarget } from './query.js'

const REQUEST_LINE = new RegExp(`^(\\s*)(${HTTP_METHOD_PATTERN})[ \\t]+(\\S+)(.*)$`, 'i')

/** Parses console text (Kibana Dev Tools syntax) into requests. */
export function parseConsole(text: string, at: PositionAt): { requests: ConsoleRequest[]; diagnostics: Diagnostic[] } {
  const lines = cleanLines(text)
  const requests: ConsoleRequest[] = []
  const diagnostics: Diagnostic[] = []
  let current: { request: ConsoleRequest; bodyStart: number } | undefined
  let inTripleQuote = false
  let junkRun = false
  const finish = (end: number): void => {
    if (!current) return
    const { body, diagnostics: found } = parseBody(lines.slice(current.bodyStart, end), current.bodyStart, current.request.path, at)
    if (body) current.request.body = body
    diagnostics.push(...found)
  }
  for (const [index, line] of lines.entries()) {
    const match = inTripleQuote ? null : REQUEST_LINE.exec(line)
    if (match) {
      finish(index)
      const [, indent = '', method = '', target = '', rest = ''] = match
      const column = indent.length + 1
      const request: ConsoleRequest = { method: method.toUpperCase() as HttpMethod, ...splitTarget(target), position: at(index, column) }
      requests.push(request)
      current = { request, bodyStart: index + 1 }
      const trailing = rest.trim()
      if (trailing !== '' && !isComment(trailing)) {
        const offset = line.length - rest.trimStart().length
        diagnostics.push(
          diagnostic(
            'console-syntax',
            at(index, offset + 1),
            `Unexpected text after the request path: "${trailing.slice(0, 40)}"`,
            'warning',
          ),
        )
      }
      continue
    }
    if (current) {
      if (countTripleQuotes(line) % 2 === 1) inTripleQuote = !inTripleQuote
      continue
    }
    const trimmed = line.trim()
    if (trimmed === '' || isComment(trimmed)) {
      junkRun = false
    } else if (!junkRun) {
      junkRun = true
      const column = line.length - line.trimStart().length + 1
      diagnostics.push(
        diagnostic('console-syntax', at(index, column), `Expected a request line "METHOD path", found "${trimmed.slice(0, 40)}"`),
      )
    }
  }
  finish(lines.length)
  return { requests, diagnostics }
}

function isComment(text: string): boolean {
  return text.startsWith('#') || text.startsWith('//')
}

function countTripleQuotes(line: string): number {
  let count = 0
  for (let i = line.indexOf('"""'); i !== -1; i = line.indexOf('"""', i + 3)) count++
  return count
}
