/**
 * Where two type trees disagree, the way TypeScript's assignability sees it (both ways): properties one
 * side lacks, properties required on one side only, and types that differ, each at its path. Objects
 * are interfaces (no implicit index signature), records are `Record<string, T>`, the shared aliases mean
 * what `_common.ts` says.
 */
import type { SourcePosition } from '../model/types.js'
import type { ObjectType, TypeExpr } from '../emit/types/type-expr.js'
import { render, union } from '../emit/types/type-expr.js'

export type DifferenceKind = 'only-page' | 'only-spec' | 'required-on-page' | 'required-in-spec' | 'type'

export interface TypeDifference {
  kind: DifferenceKind
  /** Property names from the top; `[]` an array's elements, `*` a map's values. */
  path: string[]
  page?: TypeExpr
  spec?: TypeExpr
  /** Where the page documents or shows the property (or the nearest object holding it). */
  position?: SourcePosition
}

const EXPANSIONS: Record<string, TypeExpr> = {
  Duration: union([{ kind: 'string' }, { kind: 'numberLiterals', values: [-1, 0] }]),
  // `string | number | Date`: the alias itself stands for its `Date` member, which has no tree of its own.
  DateTime: union([{ kind: 'string' }, { kind: 'number' }, { kind: 'common', name: 'DateTime' }]),
  TimeUnit: { kind: 'literals', values: ['nanos', 'micros', 'ms', 's', 'm', 'h', 'd'] },
  ByteUnit: { kind: 'literals', values: ['b', 'kb', 'mb', 'gb', 'tb', 'pb'] },
}

/** The type with the shared aliases spelled out and single-value literals apart (for member-wise checks). */
function expand(type: TypeExpr): TypeExpr {
  if (type.kind === 'common') return EXPANSIONS[type.name]!
  if (type.kind === 'union') return union(type.members.map(expand))
  return type
}

const members = (type: TypeExpr): TypeExpr[] => {
  const t = expand(type)
  const list = t.kind === 'union' ? t.members : [t]
  return list.flatMap((m) => (m.kind === 'literals' ? m.values.map((v) => ({ kind: 'literals', values: [v] }) as TypeExpr) : m.kind === 'numberLiterals' ? m.values.map((v) => ({ kind: 'numberLiterals', values: [v] }) as TypeExpr) : [m]))
}

/** Whether a value of type `a` may be used as a `b` (TypeScript's assignability, for these trees). */
function assignable(a: TypeExpr, b: TypeExpr, seen = new Set<string>()): boolean {
  const targets = members(b)
  if (targets.some((t) => t.kind === 'unknown')) return true
  return members(a).every((m) => targets.some((t) => memberAssignable(m, t, seen)))
}

function memberAssignable(a: TypeExpr, b: TypeExpr, seen: Set<string>): boolean {
  switch (a.kind) {
    case 'literals':
      return b.kind === 'string' || (b.kind === 'literals' && b.values[0] === a.values[0])
    case 'numberLiterals':
      return b.kind === 'number' || (b.kind === 'numberLiterals' && b.values[0] === a.values[0])
    case 'array':
      return b.kind === 'array' && assignable(a.element, b.element, seen)
    case 'record':
      return b.kind === 'record' ? assignable(a.value, b.value, seen) : b.kind === 'object' && recordToObject(a.value, b.object, seen)
    case 'object':
      return b.kind === 'object' ? objectAssignable(a.object, b.object, seen) : false
    case 'common':
      return b.kind === 'common' && b.name === a.name
    default:
      return a.kind === b.kind
  }
}

function recordToObject(value: TypeExpr, b: ObjectType, seen: Set<string>): boolean {
  return b.properties.every((p) => p.optional && assignable(value, p.type, seen))
}

const ids = new WeakMap<ObjectType, number>()
let nextId = 0
/** A number per object, to key the pairs of objects a recursive comparison has met. */
const idOf = (o: ObjectType): number => {
  let id = ids.get(o)
  if (id === undefined) ids.set(o, (id = ++nextId))
  return id
}

function objectAssignable(a: ObjectType, b: ObjectType, seen: Set<string>): boolean {
  const key = `${idOf(a)}>${idOf(b)}`
  if (seen.has(key)) return true
  seen.add(key)
  const own = new Map(a.properties.map((p) => [p.name, p]))
  for (const p of b.properties) {
    const q = own.get(p.name)
    if (!q) {
      if (!p.optional) return false
      continue
    }
    if (q.optional && !p.optional) return false
    if (!assignable(q.type, p.type, seen)) return false
  }
  // An interface has no implicit index signature; a target with one takes only sources that have one.
  if (b.index && !(a.index && assignable(a.index, b.index, seen))) return false
  // A target of optional properties only ("weak") refuses a source sharing none of them.
  const weak = b.properties.length > 0 && b.properties.every((p) => p.optional) && !b.index
  return !weak || a.properties.some((p) => b.properties.some((q) => q.name === p.name))
}

const objectOf = (type: TypeExpr): ObjectType | undefined => {
  const list = members(type).filter((m) => m.kind !== 'null')
  return list.length === 1 && list[0]!.kind === 'object' ? list[0]!.object : undefined
}
const single = <K extends TypeExpr['kind']>(type: TypeExpr, kind: K) => {
  const list = members(type).filter((m) => m.kind !== 'null')
  return list.length === 1 && list[0]!.kind === kind ? (list[0] as Extract<TypeExpr, { kind: K }>) : undefined
}

/** Where the page's type and the spec's disagree, at the deepest path both still share. */
export function typeDifferences(page: TypeExpr, spec: TypeExpr, position?: SourcePosition): TypeDifference[] {
  const out: TypeDifference[] = []
  diff(page, spec, [], position, out, new Set())
  return out
}

function diff(g: TypeExpr, s: TypeExpr, path: string[], position: SourcePosition | undefined, out: TypeDifference[], seen: Set<string>): void {
  if (assignable(g, s) && assignable(s, g)) return
  const go = objectOf(g)
  const so = objectOf(s)
  const nullable = (t: TypeExpr) => members(t).some((m) => m.kind === 'null')
  if (go && so && nullable(g) === nullable(s)) return diffObjects(go, so, path, position, out, seen)
  const ga = single(g, 'array')
  const sa = single(s, 'array')
  if (ga && sa && nullable(g) === nullable(s)) return diff(ga.element, sa.element, [...path, '[]'], position, out, seen)
  const gr = single(g, 'record')
  const sr = single(s, 'record')
  if (gr && sr && nullable(g) === nullable(s)) return diff(gr.value, sr.value, [...path, '*'], position, out, seen)
  out.push({ kind: 'type', path, page: g, spec: s, ...(position && { position }) })
  // A page's bare `object` names none of the properties the spec gives it.
  if (gr?.value.kind === 'unknown' && so) {
    for (const q of so.properties) out.push({ kind: 'only-spec', path: [...path, q.name], spec: q.type, ...(position && { position }) })
    return
  }
  // Keys the page lists where the spec takes any key (bulk's `items[]`: `index`, `create`… against
  // `Record<string, ResponseItem>`): when the listed values are objects of the map's kind (sharing a
  // property name), each still meets the map's value, down to `items[].index._id`.
  if (go && sr) {
    for (const p of go.properties.filter((p) => sameKind(p.type, sr.value))) diff(p.type, sr.value, [...path, p.name], p.position ?? position, out, seen)
  }
}

function sameKind(a: TypeExpr, b: TypeExpr): boolean {
  const [x, y] = [objectOf(a), objectOf(b)]
  return Boolean(x && y && x.properties.some((p) => y.properties.some((q) => q.name === p.name)))
}

function diffObjects(g: ObjectType, s: ObjectType, path: string[], position: SourcePosition | undefined, out: TypeDifference[], seen: Set<string>): void {
  const key = `${idOf(g)}~${idOf(s)}`
  if (seen.has(key)) return
  seen.add(key)
  const at = g.position ?? position
  const theirs = new Map(s.properties.map((p) => [p.name, p]))
  for (const p of g.properties) {
    const q = theirs.get(p.name)
    const where = p.position ?? at
    if (!q) {
      if (s.index) diff(p.type, s.index, [...path, p.name], where, out, seen)
      else out.push({ kind: 'only-page', path: [...path, p.name], page: p.type, ...(where && { position: where }) })
      continue
    }
    if (p.optional !== q.optional) out.push({ kind: p.optional ? 'required-in-spec' : 'required-on-page', path: [...path, p.name], ...(where && { position: where }) })
    diff(p.type, q.type, [...path, p.name], where, out, seen)
  }
  for (const q of s.properties) {
    if (g.properties.some((p) => p.name === q.name)) continue
    if (g.index) diff(g.index, q.type, [...path, q.name], at, out, seen)
    else out.push({ kind: 'only-spec', path: [...path, q.name], spec: q.type, ...(at && { position: at }) })
  }
  if (Boolean(g.index) !== Boolean(s.index)) {
    out.push({ kind: 'type', path: [...path, '*'], ...(g.index && { page: g.index }), ...(s.index && { spec: s.index }), ...(at && { position: at }) })
  }
}

/** A type as a message shows it: the shared aliases and spec types by name, other objects by their first keys. */
export function describeType(type: TypeExpr | undefined): string {
  const keys = (o: ObjectType) => {
    const names = o.properties.map((p) => p.name)
    return `{ ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''} }`
  }
  return type === undefined ? 'none' : render(type, (o) => o.name ?? keys(o))
}
