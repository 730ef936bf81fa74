/**
 * A minimal parser for Kibana console text (`METHOD path` lines followed by an optional body), used at
 * generation time for substituted snippet text and for named setups. It mirrors what the docs build does:
 * callouts are dropped, `"""` block strings become JSON strings, bodies are JSON, NDJSON or plain text.
 */
import type { HttpMethod } from '../model/types.js'
import type { ReplayBody, ReplayRequest } from './types.js'

const REQUEST_LINE = /^\s*(GET|PUT|POST|DELETE|HEAD|PATCH)\s+(\S+)\s*$/i
const CALLOUTS = /(?:[ \t]*(?:\/\/|#)?[ \t]*<\d+>)+[ \t]*$/gm

/** Drops callouts (`<1>`, `// <1>`) at line ends; they annotate the docs and are not part of the text. */
export function stripCallouts(text: string): string {
  return text.replace(CALLOUTS, '')
}

export interface ParsedConsole {
  requests: ReplayRequest[]
  /** Lines (1-based, relative to the text) that are neither a request line, a body, nor a comment. */
  strayLines: number[]
}

/** Parses console text; `firstLine` is the line number of the text's first line in its file. */
export function parseConsole(text: string, firstLine = 1): ParsedConsole {
  const lines = stripCallouts(text).split(/\r?\n/)
  const requests: ReplayRequest[] = []
  const strayLines: number[] = []
  let current: { request: ReplayRequest; body: string[] } | undefined
  const finish = (): void => {
    if (!current) return
    const body = parseBody(current.body.join('\n'))
    if (body) current.request.body = body
    requests.push(current.request)
  }
  lines.forEach((line, i) => {
    const head = REQUEST_LINE.exec(line)
    if (head) {
      finish()
      current = { request: { line: firstLine + i, ...splitTarget(head[2]!), method: head[1]!.toUpperCase() as HttpMethod }, body: [] }
    } else if (current) current.body.push(line)
    else if (line.trim() !== '' && !/^\s*(#|\/\/)/.test(line)) strayLines.push(firstLine + i)
  })
  finish()
  return { requests, strayLines }
}

/** Splits `path?query` into a leading-slash path and decoded query parameters. */
export function splitTarget(target: string): { path: string; query: Record<string, string> } {
  const at = target.indexOf('?')
  const rawPath = at === -1 ? target : target.slice(0, at)
  const query: Record<string, string> = {}
  if (at !== -1) {
    for (const pair of target.slice(at + 1).split('&')) {
      if (pair === '') continue
      const eq = pair.indexOf('=')
      const key = eq === -1 ? pair : pair.slice(0, eq)
      query[decode(key)] = eq === -1 ? '' : decode(pair.slice(eq + 1))
    }
  }
  return { path: rawPath.startsWith('/') ? rawPath : `/${rawPath}`, query }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Turns `"""…"""` block strings into JSON strings, as the docs build does before parsing a body. */
export function replaceBlockQuotes(text: string): string {
  return text.replace(/"""([\s\S]*?)"""/g, (_, content: string) => JSON.stringify(content))
}

/** JSON when the whole body parses, NDJSON when every non-empty line does, text otherwise. */
export function parseBody(raw: string): ReplayBody | undefined {
  const text = replaceBlockQuotes(raw).trim()
  if (text === '') return undefined
  try {
    return { kind: 'json', json: JSON.parse(text) }
  } catch {
    // fall through: bulk-style bodies are one JSON document per line
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  try {
    return { kind: 'ndjson', lines: lines.map((line) => JSON.parse(line) as unknown) }
  } catch {
    return { kind: 'text', text: raw.trim() }
  }
}
