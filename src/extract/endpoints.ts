import type { AbstractBlock } from '@asciidoctor/core'
import { HTTP_METHOD_PATTERN, type Endpoint, type HttpMethod, type SourcePosition } from '../model/types.js'
import { descendants, textLines } from './blocks.js'
import { hostLikePlaceholder, splitHost } from '../console/host.js'
import { offsetLocator } from '../console/position.js'
import type { PageContext } from './context.js'

/** A placeholder whose name the page lost (`analytics//_stop`, `analytics/,/_stop`). */
export interface LostPlaceholder {
  endpoint: Endpoint
  position: SourcePosition
  /** Path segments before it, for matching evidence. */
  prefix: string[]
  /**
   * A slash ending the path (`DELETE _ilm/policy/`): intact pages end paths with `/` too
   * (`GET _ml/filters/`), so recovery takes it for a gap only when the page shows a loss (see placeholders.ts).
   */
  trailing?: boolean
  /**
   * A path opening with one `/` (`GET /_ilm/explain`): `<index>/_ilm/explain` reads so once the name is
   * lost, and intact pages write it too. Never named; reported when a documented term found no gap.
   */
  leading?: boolean
}

/** The marker a lost placeholder carries until recovery names it. */
export const LOST = '{\u0000}'

/**
 * A request line: the method, then the target up to white space, a placeholder holding spaces counting as
 * one word (`<kibana host>:<port>/s/<space_id>/api/…`, `?ids=["<case ID1>"]`).
 */
const REQUEST_LINE = new RegExp(`(?:^|\`|\\+\\s)\\s*(${HTTP_METHOD_PATTERN})\\s+((?:<[^<>\`\\s][^<>\`]{0,60}>|[^\\s\`])+)`, 'g')

/** A query parameter written in a request line (`GET /api/cases?ids=…` documents `ids`). */
export interface LineQueryParam {
  name: string
  endpoint: Endpoint
  position: SourcePosition
}

export interface RequestLines {
  endpoints: Endpoint[]
  lost: LostPlaceholder[]
  query: LineQueryParam[]
  /** Some request line opens with a host (`<kibana host>:<port>/api/…`), as Kibana's pages write them. */
  hosted: boolean
  /** Endpoints read from listing blocks of the section rather than written request lines. */
  listed: Set<Endpoint>
  /** Placeholders a request line writes as a comma list (`<job_id>,<job_id>`): they take several values. */
  commaLists: Set<string>
}

/** A request line as found: its method, the target as written, where each starts (0-based line, 1-based column). */
interface FoundLine {
  method: string
  written: string
  line: number
  column: number
  pathLine: number
  pathColumn: number
}

/** "submit a DELETE request to the `/api/spaces/space/<space_id>` endpoint", as Kibana's oldest pages say it. */
const PROSE_REQUEST = new RegExp(`\\b(${HTTP_METHOD_PATTERN})\\s+request\\s+(?:to|against|on|at)\\s+(?:the\\s+|an?\\s+)?\`([^\`]+)\``, 'g')

/**
 * Endpoints written in the Request section(s): `` `POST _rollup/job/<job_id>/_stop` ``, one per line, or named
 * in a sentence ("issue a PUT request to the `/api/security/role/<rolename>` endpoint"). A host the line opens
 * with (`<kibana host>:<port>`) is no part of the path; `pathParams` are the page's documented path parameter
 * names, which a placeholder written with spaces (`<case ID>`) takes when it is one of them. `listed` are the
 * endpoints read from listing blocks: the page's examples of a request line, when they fill its placeholders.
 */
export function readEndpoints(ctx: PageContext, sections: AbstractBlock[], pathParams: readonly string[] = []): RequestLines {
  const out: RequestLines = { endpoints: [], lost: [], query: [], hosted: false, listed: new Set(), commaLists: new Set() }
  const seen = new Set<string>()
  for (const section of sections) {
    for (const block of descendants(section)) {
      const context = block.getContext()
      if (context !== 'paragraph' && context !== 'listing' && context !== 'literal') continue
      const range = textLines(block)
      if (!range) continue
      // Listing blocks start on their delimiter line; their text starts on the next one.
      const first = context === 'paragraph' ? range.start : range.start + 1
      const last = context === 'paragraph' ? range.end : range.end + 1
      const found: FoundLine[] = []
      for (let i = first; i < last; i++) {
        for (const m of ctx.line(i).matchAll(REQUEST_LINE)) {
          const column = m.index! + m[0].indexOf(m[1]!) + 1
          const pathColumn = column + m[1]!.length + m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length).search(/\S/)
          found.push({ method: m[1]!, written: m[2]!, line: i, column, pathLine: i, pathColumn })
        }
      }
      if (context === 'paragraph') found.push(...proseRequests(ctx, first, last))
      for (const line of found) {
        const endpoint = readRequestLine(ctx, line, pathParams, seen, out)
        if (endpoint && context !== 'paragraph') out.listed.add(endpoint)
      }
    }
  }
  return out
}

function proseRequests(ctx: PageContext, first: number, last: number): FoundLine[] {
  const text = ctx.source.lines.slice(first, last).join('\n')
  const locate = offsetLocator(text)
  return [...text.matchAll(PROSE_REQUEST)].map((m) => {
    const method = locate(m.index!)
    const path = locate(m.index! + m[0].length - m[2]!.length - 1)
    return { method: m[1]!, written: m[2]!.trim(), line: first + method.lineIndex, column: method.column, pathLine: first + path.lineIndex, pathColumn: path.column }
  })
}

function readRequestLine(ctx: PageContext, found: FoundLine, pathParams: readonly string[], seen: Set<string>, out: RequestLines): Endpoint | undefined {
  const { written, pathLine: i } = found
  const { host, rest } = splitHost(written)
  if (host) out.hosted = true
  const pathColumn = found.pathColumn + (host?.length ?? 0)
  const parsed = normalisePath(rest || '/', pathParams)
  const endpoint: Endpoint = { method: found.method as HttpMethod, path: parsed.path, position: ctx.at(found.line, found.column) }
  for (const { offset, name } of parsed.unclosed) {
    ctx.report('unclosed-placeholder', ctx.at(i, pathColumn + offset), `The path placeholder \`${name}\` in ${written} lacks its ${name.startsWith('<') ? 'closing `>`' : 'opening `<`'}; read as {${name.replace(/[<>]/g, '')}}.`)
  }
  const hostLike = hostLikePlaceholder(parsed.path)
  if (hostLike !== undefined) {
    ctx.report('host-in-path', ctx.at(i, pathColumn), `The path of ${endpoint.method} ${parsed.path} opens with {${hostLike}}, which names a host rather than a value; it is kept as a path parameter. Write the host as \`<kibana host>:<port>\` or leave it out.`)
  }
  for (const offset of parsed.lostOffsets) {
    out.lost.push({ endpoint, position: ctx.at(i, pathColumn + offset), prefix: parsed.segments.slice(0, parsed.segmentOf(offset)) })
  }
  if (/^\/_/.test(rest)) out.lost.push({ endpoint, position: ctx.at(i, pathColumn), prefix: [], leading: true })
  if (parsed.trailingOffset !== undefined) {
    out.lost.push({ endpoint, position: ctx.at(i, pathColumn + parsed.trailingOffset), prefix: parsed.segments.filter((s) => s !== ''), trailing: true })
  }
  for (const q of parsed.query) out.query.push({ name: q.name, endpoint, position: ctx.at(i, pathColumn + q.offset) })
  for (const name of parsed.commaLists) out.commaLists.add(name)
  const key = `${endpoint.method} ${endpoint.path}`
  // A repeated line ending in `/` is kept: it may be the other form of the path, its placeholder lost;
  // so is the form without `/` after it (`GET _tasks/` then `GET _tasks`).
  if (parsed.lostOffsets.length === 0 && parsed.trailingOffset === undefined && seen.has(key)) return undefined
  seen.add(parsed.trailingOffset === undefined ? key : `${key}/`)
  out.endpoints.push(endpoint)
  return endpoint
}

/**
 * `_rollup/job/<job_id>/_stop?x=y` → `/_rollup/job/{job_id}/_stop`. A comma list of placeholders
 * (`<id1>,<id2>`) is one list-valued parameter. Empty segments mark placeholders the page lost, and so
 * does a path opening with `//` (`//_search` was `/<target>/_search`); `trailingOffset` is where a path
 * ending in `/` ends, a gap only if the page shows a loss. The query string's parameter names are kept.
 */
function normalisePath(written: string, pathParams: readonly string[]): {
  path: string
  segments: string[]
  lostOffsets: number[]
  /** Placeholders missing one bracket (`_nodes/<nodes/reload_secure_settings`). */
  unclosed: { offset: number; name: string }[]
  trailingOffset?: number
  query: { name: string; offset: number }[]
  /** Placeholders written as a comma list of themselves (`<id1>,<id2>`). */
  commaLists: string[]
  segmentOf(offset: number): number
} {
  const question = written.indexOf('?')
  const raw = (question < 0 ? written : written.slice(0, question)).replace(/[.,;:]+$/, '')
  const leadingGap = /^\/\/+[^/]/.test(raw)
  const parts = (leadingGap ? [''] : []).concat(raw.replace(/^\/+/, '').split('/'))
  const lostOffsets: number[] = []
  const unclosed: { offset: number; name: string }[] = []
  const starts: number[] = []
  const commaLists: string[] = []
  let offset = leadingGap ? 1 : raw.length - raw.replace(/^\/+/, '').length
  const segments = parts.map((segment, i) => {
    starts.push(offset)
    const at = offset
    offset += segment.length + 1
    const isLast = i === parts.length - 1
    if ((segment === '' && !isLast && (i > 0 || leadingGap)) || /^,+$/.test(segment)) {
      lostOffsets.push(at)
      return LOST
    }
    const names = segment.split(',').map((s) => /^<([^>]*)>$|^\{([^}]*)\}$/.exec(s.trim()))
    if (names.length > 0 && names.every(Boolean)) {
      const name = placeholderName(names[0]![1] ?? names[0]![2] ?? '', pathParams)
      if (!name) {
        lostOffsets.push(at)
        return LOST
      }
      if (names.length === 1) return `{${name}}`
      const listed = name.replace(/\d+$/, '')
      commaLists.push(listed)
      return `{${listed}}`
    }
    const half = /^<([\w-]+)$|^([\w-]+)>$/.exec(segment)
    if (half) {
      unclosed.push({ offset: at, name: segment })
      return `{${half[1] ?? half[2]}}`
    }
    return segment.replace(/<([^>]+)>/g, (_, name: string) => `{${placeholderName(name, pathParams)}}`)
  })
  const path = '/' + segments.filter((s, i) => s !== '' || i < segments.length - 1).join('/').replace(/\/+$/, '')
  return {
    path: path === '/' ? '/' : path,
    segments,
    lostOffsets,
    unclosed,
    ...(parts.length > 1 && parts[parts.length - 1] === '' && { trailingOffset: raw.length }),
    query: question < 0 ? [] : queryNames(written, question),
    commaLists,
    segmentOf: (o: number) => starts.findIndex((s, i) => o >= s && (i === starts.length - 1 || o < starts[i + 1]!)),
  }
}

/**
 * A placeholder's name: as written, or, written with spaces (`<case ID>`), the documented path parameter it
 * spells (`case_id`), else its words joined by `_`.
 */
function placeholderName(written: string, pathParams: readonly string[]): string {
  const name = written.trim()
  if (!/\s/.test(name)) return name
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  return pathParams.find((p) => key(p) === key(name)) ?? name.split(/\s+/).join('_')
}

/** The parameter names of a request line's query string (`?ids=["<case ID1>"]&force` → `ids`, `force`). */
function queryNames(written: string, question: number): { name: string; offset: number }[] {
  const out: { name: string; offset: number }[] = []
  let offset = question + 1
  for (const part of written.slice(question + 1).split('&')) {
    const name = part.split('=')[0]!
    if (/^[\w.-]+$/.test(name) && !out.some((q) => q.name === name)) out.push({ name, offset })
    offset += part.length + 1
  }
  return out
}
