import type { AbstractBlock } from '@asciidoctor/core'
import { HTTP_METHOD_PATTERN, type Endpoint, type HttpMethod, type SourcePosition } from '../model/types.js'
import { descendants, textLines } from './blocks.js'
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

const REQUEST_LINE = new RegExp(`(?:^|\`|\\+\\s)\\s*(${HTTP_METHOD_PATTERN})\\s+([^\\s\`]+)`, 'g')

/** Endpoints written in the Request section(s): `` `POST _rollup/job/<job_id>/_stop` ``, one per line. */
export function readEndpoints(ctx: PageContext, sections: AbstractBlock[]): { endpoints: Endpoint[]; lost: LostPlaceholder[] } {
  const endpoints: Endpoint[] = []
  const lost: LostPlaceholder[] = []
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
      for (let i = first; i < last; i++) {
        for (const m of ctx.line(i).matchAll(REQUEST_LINE)) {
          const column = m.index! + m[0].indexOf(m[1]!) + 1
          const pathColumn = column + m[1]!.length + m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length).search(/\S/)
          const parsed = normalisePath(m[2]!)
          const endpoint: Endpoint = { method: m[1] as HttpMethod, path: parsed.path, position: ctx.at(i, column) }
          for (const { offset, name } of parsed.unclosed) {
            ctx.report('unclosed-placeholder', ctx.at(i, pathColumn + offset), `The path placeholder \`${name}\` in ${m[2]} lacks its ${name.startsWith('<') ? 'closing `>`' : 'opening `<`'}; read as {${name.replace(/[<>]/g, '')}}.`)
          }
          for (const offset of parsed.lostOffsets) {
            lost.push({ endpoint, position: ctx.at(i, pathColumn + offset), prefix: parsed.segments.slice(0, parsed.segmentOf(offset)) })
          }
          if (/^\/_/.test(m[2]!)) lost.push({ endpoint, position: ctx.at(i, pathColumn), prefix: [], leading: true })
          if (parsed.trailingOffset !== undefined) {
            lost.push({ endpoint, position: ctx.at(i, pathColumn + parsed.trailingOffset), prefix: parsed.segments.filter((s) => s !== ''), trailing: true })
          }
          const key = `${endpoint.method} ${endpoint.path}`
          // A repeated line ending in `/` is kept: it may be the other form of the path, its placeholder lost;
          // so is the form without `/` after it (`GET _tasks/` then `GET _tasks`).
          if (parsed.lostOffsets.length === 0 && parsed.trailingOffset === undefined && seen.has(key)) continue
          seen.add(parsed.trailingOffset === undefined ? key : `${key}/`)
          endpoints.push(endpoint)
        }
      }
    }
  }
  return { endpoints, lost }
}

/**
 * `_rollup/job/<job_id>/_stop?x=y` → `/_rollup/job/{job_id}/_stop`. A comma list of placeholders
 * (`<id1>,<id2>`) is one list-valued parameter. Empty segments mark placeholders the page lost, and so
 * does a path opening with `//` (`//_search` was `/<target>/_search`); `trailingOffset` is where a path
 * ending in `/` ends, a gap only if the page shows a loss.
 */
function normalisePath(written: string): {
  path: string
  segments: string[]
  lostOffsets: number[]
  /** Placeholders missing one bracket (`_nodes/<nodes/reload_secure_settings`). */
  unclosed: { offset: number; name: string }[]
  trailingOffset?: number
  segmentOf(offset: number): number
} {
  const raw = written.split('?')[0]!.replace(/[.,;:]+$/, '')
  const leadingGap = /^\/\/+[^/]/.test(raw)
  const parts = (leadingGap ? [''] : []).concat(raw.replace(/^\/+/, '').split('/'))
  const lostOffsets: number[] = []
  const unclosed: { offset: number; name: string }[] = []
  const starts: number[] = []
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
      const name = (names[0]![1] ?? names[0]![2] ?? '').trim()
      if (!name) {
        lostOffsets.push(at)
        return LOST
      }
      return `{${names.length > 1 ? name.replace(/\d+$/, '') : name}}`
    }
    const half = /^<([\w-]+)$|^([\w-]+)>$/.exec(segment)
    if (half) {
      unclosed.push({ offset: at, name: segment })
      return `{${half[1] ?? half[2]}}`
    }
    return segment.replace(/<([^>]+)>/g, '{$1}')
  })
  const path = '/' + segments.filter((s, i) => s !== '' || i < segments.length - 1).join('/').replace(/\/+$/, '')
  return {
    path: path === '/' ? '/' : path,
    segments,
    lostOffsets,
    unclosed,
    ...(parts.length > 1 && parts[parts.length - 1] === '' && { trailingOffset: raw.length }),
    segmentOf: (o: number) => starts.findIndex((s, i) => o >= s && (i === starts.length - 1 || o < starts[i + 1]!)),
  }
}
