import type { Endpoint, Param } from '../model/types.js'
import type { PageContext } from './context.js'
import { LOST, type LostPlaceholder } from './endpoints.js'
import type { LostParam } from './params.js'

interface Candidate {
  name: string
  score: number
  from: string
}

/**
 * Names the placeholders a damaged page lost (`analytics//_stop`, an empty `` `` `` term). A name is
 * recovered only from evidence on the page — a request line that still names the same position, or a
 * code-quoted identifier in the text whose words match the path around the gap (`data_frame_analytics_id`
 * for `_ml/data_frame/analytics//_stop`); otherwise a neutral name is used. Each case is reported at the
 * exact position of the gap.
 */
export function recoverPlaceholders(ctx: PageContext, endpoints: Endpoint[], lost: LostPlaceholder[], lostParams: LostParam[], known: Param[]): Endpoint[] {
  if (lost.length === 0 && lostParams.length === 0) return endpoints
  const knownNames = new Set(known.filter((p) => p.name !== '\u0000').map((p) => p.name))
  const identifiers = quotedIdentifiers(ctx)
  const recovered: string[] = []
  // Gaps at the same place of several request lines (`a//_stop`, `a/,/_stop`) are the same parameter.
  const byPrefix = new Map<string, Candidate | undefined>()
  const neutral = new Map<string, string>()
  for (const gap of lost) {
    const key = gap.prefix.join('/')
    if (!byPrefix.has(key)) byPrefix.set(key, bestCandidate(fromIntactEndpoints(endpoints, gap) ?? [], identifiers, gap.prefix, knownNames))
    const found = byPrefix.get(key)
    if (!found && !neutral.has(key)) neutral.set(key, neutralName(knownNames, [...recovered, ...neutral.values()]))
    const name = found?.name ?? neutral.get(key)!
    gap.endpoint.path = gap.endpoint.path.replace(LOST, `{${name}}`)
    recovered.push(name)
    const written = gap.endpoint.path
    ctx.report(
      gap.position,
      'warning',
      'lost-placeholder',
      found
        ? `A path placeholder name is missing here (${gap.endpoint.method} ${written}); recovered as '${name}' from ${found.from}.`
        : `A path placeholder name is missing here (${gap.endpoint.method} ${written}) and the page gives no evidence of it; named '${name}' (neutral).`,
    )
  }
  const pathNames = [...new Set(recovered)].filter((n) => !knownNames.has(n))
  for (const { param } of lostParams) {
    const fromPath = pathNames.shift()
    const found: Candidate | undefined = fromPath
      ? { name: fromPath, score: 1, from: 'the request path recovered on this page' }
      : bestCandidate([], identifiers, [], knownNames)
    param.name = found?.name ?? neutralName(knownNames, recovered)
    param.recovered = found ? { kind: 'evidence', from: found.from } : { kind: 'neutral', from: 'no evidence on the page' }
    knownNames.add(param.name)
    ctx.report(
      param.position,
      'warning',
      'lost-placeholder',
      found ? `The parameter name is missing here; recovered as '${param.name}' from ${found.from}.` : `The parameter name is missing here and the page gives no evidence of it; named '${param.name}' (neutral).`,
    )
  }
  // The comma-list and single forms of one path collapse into one endpoint once named.
  const seen = new Set<string>()
  return endpoints.filter((e) => {
    const key = `${e.method} ${e.path}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function fromIntactEndpoints(endpoints: Endpoint[], gap: LostPlaceholder): Candidate[] | undefined {
  for (const endpoint of endpoints) {
    if (endpoint === gap.endpoint || endpoint.path.includes(LOST)) continue
    const segments = endpoint.path.slice(1).split('/')
    const next = segments[gap.prefix.length]
    if (segments.slice(0, gap.prefix.length).join('/') === gap.prefix.join('/') && next && /^\{[^}]+\}$/.test(next)) {
      return [{ name: next.slice(1, -1), score: 100, from: `the request line at ${endpoint.position.line}:${endpoint.position.column}` }]
    }
  }
  return undefined
}

/** Code-quoted identifiers of the page text (`` `data_frame_analytics_id` ``) with their first position. */
function quotedIdentifiers(ctx: PageContext): { name: string; line: number; column: number }[] {
  const out = new Map<string, { name: string; line: number; column: number }>()
  ctx.source.lines.forEach((line, i) => {
    for (const m of line.matchAll(/`<?([a-z][a-z0-9_]*)>?`/g)) {
      if (out.has(m[1]!)) continue
      const at = ctx.at(i, m.index! + 2)
      out.set(m[1]!, { name: m[1]!, line: at.line, column: at.column })
    }
  })
  return [...out.values()]
}

function bestCandidate(
  intact: Candidate[],
  identifiers: { name: string; line: number; column: number }[],
  prefix: string[],
  knownNames: Set<string>,
): Candidate | undefined {
  if (intact.length > 0) return intact[0]
  const context = new Set(prefix.flatMap((s) => s.split(/[_\-.]/)).filter((w) => w.length > 1))
  let best: Candidate | undefined
  for (const id of identifiers) {
    if (knownNames.has(id.name) || !/_/.test(id.name)) continue
    const words = id.name.split('_')
    const overlap = words.filter((w) => context.has(w)).length
    const idLike = /(?:^|_)(?:id|ids|name|alias|index|target)$/.test(id.name) ? 1 : 0
    const score = overlap * 2 + idLike
    if (score >= 3 || (prefix.length === 0 && idLike)) {
      if (!best || score > best.score) best = { name: id.name, score, from: `\`${id.name}\` in the page text at ${id.line}:${id.column}` }
    }
  }
  return best
}

function neutralName(known: Set<string>, used: string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'id' : `id${n}`
    if (!known.has(name) && !used.includes(name)) return name
  }
}
