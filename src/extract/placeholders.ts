import { HTTP_METHOD_PATTERN, type Endpoint, type Param, type SourcePosition } from '../model/types.js'
import type { PageContext } from './context.js'
import { LOST, type LostPlaceholder } from './endpoints.js'
import type { LostParam } from './params.js'
import { sectionKind, type SectionKind } from './sections.js'

interface Candidate {
  name: string
  from: string
}

/** One lost placeholder: the gaps at the same place of the page's request lines, and the name given to them. */
interface Slot {
  prefix: string[]
  gaps: LostPlaceholder[]
  found?: Candidate
  name: string
}

const METHOD_LINE = new RegExp(`^\\s*(${HTTP_METHOD_PATTERN})\\s+(\\S+)`)

/**
 * Names the placeholders a damaged page lost (`analytics//_stop`, an empty `` `` `` term). A name is
 * recovered only from evidence on the page — a request line that still names the same position, a
 * code-quoted identifier whose words match the path around the gap (`calendar_id` for `_ml/calendars//`),
 * or an example calling the path whose value at the gap is the value of one JSON field of the page
 * (`"job_id": "my-job"` for `POST _ml/anomaly_detectors/my-job/_close`). Without evidence a neutral name
 * is used: a wrong name is worse than a neutral one. Every gap and lost term is reported at its position.
 * The documented parameters that lost their names take the names of the path's gaps, in order.
 */
export function recoverPlaceholders(ctx: PageContext, endpoints: Endpoint[], lost: LostPlaceholder[], lostParams: LostParam[], known: Param[]): Endpoint[] {
  if (lost.every((g) => g.leading) && lostParams.length === 0) return distinct(endpoints)
  const orphans = pathParamsInNoPath(ctx, known, endpoints)
  const gaps = confirmedGaps(ctx, endpoints, lost, lostParams.length, orphans.length)
  if (gaps.length === 0 && lostParams.length === 0) return distinct(endpoints)
  const knownNames = new Set(known.filter((p) => p.name !== '\u0000').map((p) => p.name))
  const identifiers = quotedIdentifiers(ctx)
  const slots = slotsOf(gaps)
  const used: string[] = []
  const endsInGap = new Set(gaps.filter((g) => g.trailing).map((g) => g.endpoint))
  for (const slot of slots.values()) {
    const gap = slot.gaps[0]!
    slot.found = fromIntactEndpoints(endpoints, gap) ?? fromIdentifiers(identifiers, slot.prefix) ?? fromExampleValues(ctx, gap, endsInGap.has(gap.endpoint))
    // Two places cannot share a name: a second place with the same evidence is left neutral.
    if (slot.found && used.includes(slot.found.name)) slot.found = undefined
    slot.name = slot.found?.name ?? neutralName(knownNames, used)
    used.push(slot.name)
  }
  // A path parameter the page documents by name but no path has names the one gap left without evidence
  // (`GET /_cat/count/` and `index`); with several of either, their order would be a guess.
  const orphan = orphans.filter((p) => !used.includes(p.name))
  const unknown = [...slots.values()].filter((s) => !s.found)
  if (lostParams.length === 0 && orphan.length === 1 && unknown.length === 1) {
    const [param, slot] = [orphan[0]!, unknown[0]!]
    slot.found = { name: param.name, from: `the path parameter \`${param.name}\` documented at ${param.position.line}:${param.position.column}, which no request path has` }
    slot.name = param.name
  }
  // Path parameters are documented in path order: the i-th term that lost its name is the i-th gap. When
  // some terms kept their names, gaps named like them are theirs.
  const open = [...slots.values()].filter((s) => lostParams.length === slots.size || !knownNames.has(s.name))
  const pairs = new Map<Param, Slot | undefined>(lostParams.map((l) => [l.param, open.shift()]))
  for (const slot of slots.values()) {
    for (const gap of slot.gaps) {
      gap.endpoint.path = gap.trailing ? `${gap.endpoint.path}/{${slot.name}}` : gap.endpoint.path.replace(LOST, `{${slot.name}}`)
    }
  }
  reportGaps(ctx, slots)
  // A term left without a gap may have stood before a path's first `/`, which leaves no trace.
  const gapless = lostParams.filter((l) => !pairs.get(l.param)).length
  for (const candidate of gapless > 0 ? lost.filter((g) => g.leading && !g.endpoint.path.includes('{')) : []) {
    ctx.report(
      'lost-placeholder',
      candidate.position,
      `The page documents ${gapless === 1 ? 'a path parameter' : `${gapless} path parameters`} that lost ${gapless === 1 ? 'its name' : 'their names'} and no request path shows a gap for; ${candidate.endpoint.method} ${candidate.endpoint.path} may have lost one here (\`<name>/…\` reads \`/…\` without its name). The path is kept as written.`,
      'info',
    )
  }
  for (const { param } of lostParams) {
    const slot = pairs.get(param)
    // Positions stay out of the model's text (a reflowed page moves them); the diagnostics give them.
    const found: Candidate | undefined = slot?.found && { name: slot.name, from: 'the request path recovered on this page' }
    param.name = slot?.name ?? neutralName(knownNames, used)
    param.recovered = found ? { kind: 'evidence', from: found.from } : { kind: 'neutral', from: 'no evidence on the page' }
    knownNames.add(param.name)
    used.push(param.name)
    ctx.report(
      'lost-placeholder',
      param.position,
      found
        ? `The parameter name is missing here; recovered as '${param.name}' from ${found.from}.`
        : `The parameter name is missing here and the page gives no evidence of it${slot ? '' : ' (no request path shows a gap for it)'}; named '${param.name}' (neutral).`,
    )
  }
  return distinct(endpoints)
}

/** Gaps at the same place of several request lines (`a//_stop`, `a/,/_stop`) are the same parameter. */
function slotsOf(gaps: LostPlaceholder[]): Map<string, Slot> {
  const slots = new Map<string, Slot>()
  for (const gap of gaps) {
    const key = gap.prefix.join('/')
    if (!slots.has(key)) slots.set(key, { prefix: gap.prefix, gaps: [], name: '' })
    slots.get(key)!.gaps.push(gap)
  }
  return slots
}

/** Each gap, at its position, with the name it was given and the evidence for it. */
function reportGaps(ctx: PageContext, slots: Map<string, Slot>): void {
  for (const slot of slots.values()) {
    for (const gap of slot.gaps) {
      const call = `${gap.endpoint.method} ${gap.endpoint.path}`
      ctx.report(
        'lost-placeholder',
        gap.position,
        slot.found
          ? `A path placeholder name is missing here (${call}); recovered as '${slot.name}' from ${slot.found.from}.`
          : `A path placeholder name is missing here (${call}) and the page gives no evidence of it; named '${slot.name}' (neutral).`,
      )
    }
  }
}

/** Parameters documented under a path-parameters heading, named, that no request path has (`index` for `GET /_cat/count/`). */
function pathParamsInNoPath(ctx: PageContext, known: Param[], endpoints: Endpoint[]): Param[] {
  const inPaths = new Set(endpoints.flatMap((e) => [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)))
  // A flag or a timeout under path parameters is a misfiled query parameter (`force`, `timeout`), no path's value.
  const candidates = known.filter((p) => p.name !== '\u0000' && /^[\w-]+$/.test(p.name) && !inPaths.has(p.name) && (!p.type || /string|list|array/i.test(p.type)))
  if (candidates.length === 0) return []
  // One pass over the lines: the section each loaded line is in (the first copy, when an include repeats it).
  const sectionOf = new Map<string, SectionKind>()
  let section: SectionKind = 'other'
  ctx.source.lines.forEach((line, i) => {
    const heading = /^={2,6}\s+(\S.*)$/.exec(line)
    if (heading) section = sectionKind(ctx.text(heading[1]!))
    const origin = ctx.source.origins[i]
    if (origin && !sectionOf.has(`${origin.file}:${origin.line}`)) sectionOf.set(`${origin.file}:${origin.line}`, section)
  })
  return candidates.filter((p) => sectionOf.get(`${p.position.file}:${p.position.line}`) === 'pathParams')
}

/** The comma-list and single forms of one path collapse into one endpoint once named; so do repeated lines. */
function distinct(endpoints: Endpoint[]): Endpoint[] {
  const seen = new Set<string>()
  return endpoints.filter((e) => {
    const key = `${e.method} ${e.path}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The gaps to name. A path ending in `/` is written so on intact pages too (`GET _ml/filters/`); it is a
 * gap when the page shows a loss (a gap, a term's name, its `<titleabbrev>`, the same path written without
 * the `/` too) and the line repeats another (`GET _ml/filters/` was `GET _ml/filters/<filter_id>`), or when
 * the page documents more path parameters that lost their names or are in no path than there are other gaps.
 */
function confirmedGaps(ctx: PageContext, endpoints: Endpoint[], lost: LostPlaceholder[], lostParamCount: number, orphanCount: number): LostPlaceholder[] {
  const definite = lost.filter((g) => !g.trailing && !g.leading)
  // The first of repeated lines is the form without the placeholder, and so is a line without the `/`
  // wherever it stands (`GET _tasks/` then `GET _tasks`): intact pages write one form of a path once.
  const trailing = lost.filter((g) => g.trailing)
  const endsInSlash = new Set(trailing.map((g) => g.endpoint))
  const call = (e: Endpoint) => `${e.method} ${e.path}`
  const twins = (gap: LostPlaceholder, slashed: boolean) =>
    endpoints.some((e, k) => e !== gap.endpoint && call(e) === call(gap.endpoint) && (slashed ? k < endpoints.indexOf(gap.endpoint) : !endsInSlash.has(e)))
  const showsLoss = definite.length > 0 || lostParamCount > 0 || trailing.some((g) => twins(g, false)) || ctx.diagnostics.some((d) => d.rule === 'lost-markup')
  if (!showsLoss) return []
  const keys = new Set(definite.map((g) => g.prefix.join('/')))
  const out = [...definite]
  const pending: LostPlaceholder[] = []
  const repeated = new Set<string>()
  for (const gap of trailing) {
    const repeats = twins(gap, true) || twins(gap, false)
    if (repeats) repeated.add(call(gap.endpoint))
    if (repeats || keys.has(gap.prefix.join('/'))) {
      out.push(gap)
      keys.add(gap.prefix.join('/'))
    } else pending.push(gap)
  }
  let spare = lostParamCount + orphanCount - keys.size
  for (const gap of pending) {
    const key = gap.prefix.join('/')
    if (repeated.has(call(gap.endpoint))) continue
    if (!keys.has(key)) {
      if (spare <= 0) continue
      spare--
      keys.add(key)
    }
    out.push(gap)
  }
  return out
}

function fromIntactEndpoints(endpoints: Endpoint[], gap: LostPlaceholder): Candidate | undefined {
  for (const endpoint of endpoints) {
    if (endpoint === gap.endpoint || endpoint.path.includes(LOST)) continue
    const segments = endpoint.path.slice(1).split('/')
    const next = segments[gap.prefix.length]
    if (segments.slice(0, gap.prefix.length).join('/') === gap.prefix.join('/') && next && /^\{[^}]+\}$/.test(next)) {
      return { name: next.slice(1, -1), from: `the request line at ${endpoint.position.line}:${endpoint.position.column}` }
    }
  }
  return undefined
}

interface Identifier {
  name: string
  line: number
  column: number
}

/** Code-quoted identifiers of the page text (`` `data_frame_analytics_id` ``) with their first position. */
function quotedIdentifiers(ctx: PageContext): Identifier[] {
  const out = new Map<string, Identifier>()
  ctx.source.lines.forEach((line, i) => {
    for (const m of line.matchAll(/`<?([a-z][a-z0-9_]*)>?`/g)) {
      if (out.has(m[1]!)) continue
      const at = ctx.at(i, m.index! + 2)
      out.set(m[1]!, { name: m[1]!, line: at.line, column: at.column })
    }
  })
  return [...out.values()]
}

const ID_LIKE = /_(?:id|ids|name|alias)$/

/**
 * An identifier that reads as a placeholder (`…_id`, `…_name`) and names the collection before the gap
 * (`calendar_id` after `calendars/`); the one sharing most words with the path wins, a tie is no evidence.
 * A response field may share the name (`category_id`), so documented names are candidates too.
 */
function fromIdentifiers(identifiers: Identifier[], prefix: string[]): Candidate | undefined {
  const literal = prefix.filter((s) => !s.startsWith('{'))
  const collection = literal[literal.length - 1]
  if (!collection) return undefined
  const stem = (w: string) => w.replace(/ies$/, 'y').replace(/s$/, '')
  const context = new Set(literal.flatMap((s) => s.split(/[_\-.]/)).filter((w) => w.length > 1).map(stem))
  const near = new Set(collection.split(/[_\-.]/).map(stem))
  let best: { id: Identifier; score: number } | undefined
  let tied = false
  for (const id of identifiers) {
    if (!ID_LIKE.test(id.name)) continue
    const words = id.name.replace(ID_LIKE, '').split('_').map(stem)
    if (!words.some((w) => near.has(w)) || !words.every((w) => context.has(w))) continue
    const score = words.length
    if (best && score === best.score) tied = true
    if (!best || score > best.score) {
      best = { id, score }
      tied = false
    }
  }
  if (!best || tied) return undefined
  return { name: best.id.name, from: `\`${best.id.name}\` in the page text at ${best.id.line}:${best.id.column}` }
}

/**
 * Examples calling the gap's path give its value (`POST _ml/anomaly_detectors/my-job/_close`); a JSON
 * field of the page holding that value (`"job_id": "my-job"`) names it. Fields starting with `_` are
 * document metadata (`_index` holds an index name whatever the placeholder was called) and name nothing.
 */
function fromExampleValues(ctx: PageContext, gap: LostPlaceholder, endsInGap: boolean): Candidate | undefined {
  const pattern = gap.endpoint.path.slice(1).split('/')
  const at = gap.prefix.length
  if (endsInGap) pattern.push(LOST)
  const values = new Map<string, SourcePosition>()
  ctx.source.lines.forEach((line, i) => {
    const m = METHOD_LINE.exec(line)
    if (!m || m[1] !== gap.endpoint.method) return
    const segments = m[2]!.split('?')[0]!.replace(/^\/+|\/+$/g, '').split('/')
    if (segments.length !== pattern.length) return
    // Other placeholders may hold anything (`_all`); the gap's own value must be a plain name.
    const fits = segments.every((s, k) => (k === at ? s !== '' && !s.startsWith('_') && !/[{}<>,*]/.test(s) : pattern[k]!.startsWith('{') ? s !== '' : s === pattern[k]))
    // A number (`1`, a timestamp) is too common to tell one field from another.
    if (fits && /[a-z]/i.test(segments[at]!) && !values.has(segments[at]!)) values.set(segments[at]!, ctx.at(i, 1))
  })
  const keys = new Map<string, { value: string; call: SourcePosition; at: SourcePosition }>()
  for (const [value, call] of values) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const field = new RegExp(`"([a-z][a-z0-9_]*)"\\s*:\\s*(?:"${escaped}"|${escaped}(?![\\w.-]))`, 'g')
    ctx.source.lines.forEach((line, i) => {
      for (const m of line.matchAll(field)) if (!keys.has(m[1]!)) keys.set(m[1]!, { value, call, at: ctx.at(i, m.index! + 1) })
    })
  }
  // `id` would read as the neutral name; one field of several is a guess.
  if (keys.size !== 1 || keys.has('id')) return undefined
  const [[name, { value, call, at: where }]] = [...keys]
  return { name, from: `the example at ${call.line}:${call.column}, whose value '${value}' is the \`${name}\` field at ${where.line}:${where.column}` }
}

function neutralName(known: Set<string>, used: string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'id' : `id${n}`
    if (!known.has(name) && !used.includes(name)) return name
  }
}
