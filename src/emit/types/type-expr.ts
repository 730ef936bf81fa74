/**
 * The types of a page as a small structural tree: scalars, the shared aliases of `_common.ts`, literal
 * unions, arrays, records and objects. Objects stay anonymous here; the module printer names them (one
 * interface each) and `compare` and the OpenAPI export read the same tree, so the three never disagree.
 */
import type { SourcePosition } from '../../model/types.js'
import type { Doc } from './jsdoc.js'

/** The shared aliases every page module may import from `_common.ts`. */
export type CommonName = 'Duration' | 'DateTime' | 'TimeUnit' | 'ByteUnit'

export type TypeExpr =
  | { kind: 'string' | 'number' | 'boolean' | 'null' | 'unknown' }
  | { kind: 'common'; name: CommonName }
  | { kind: 'literals'; values: string[] }
  | { kind: 'numberLiterals'; values: number[] }
  | { kind: 'array'; element: TypeExpr }
  | { kind: 'record'; value: TypeExpr }
  | { kind: 'union'; members: TypeExpr[] }
  | { kind: 'object'; object: ObjectType }

export interface PropertySpec {
  name: string
  type: TypeExpr
  optional: boolean
  docs: Doc[]
  /** Where the property is documented or first shown, for diagnostics. */
  position?: SourcePosition
}

/** An object with named properties: printed as an interface. */
export interface ObjectType {
  /** Words naming it under the interface that holds it (`bucket influencers`, `jobs item`). */
  hint: string
  /** A name reserved beforehand (the top-level types of a page). */
  name?: string
  docs: Doc[]
  properties: PropertySpec[]
  /** Value type of a `[key: string]` index signature, for objects with keys not known in advance. */
  index?: TypeExpr
  extends?: string[]
  /** Where the page documents or first shows it. */
  position?: SourcePosition
}

export const STRING: TypeExpr = { kind: 'string' }
export const NUMBER: TypeExpr = { kind: 'number' }
export const BOOLEAN: TypeExpr = { kind: 'boolean' }
export const UNKNOWN: TypeExpr = { kind: 'unknown' }
export const DURATION: TypeExpr = { kind: 'common', name: 'Duration' }
export const DATE_TIME: TypeExpr = { kind: 'common', name: 'DateTime' }

export function objectExpr(fields: ObjectType): TypeExpr {
  return { kind: 'object', object: fields }
}

/**
 * One property per name: TypeScript rejects repeated members. The first description wins; the types
 * join, and the property is optional when any mention makes it so. `repeated` gets each later mention.
 */
export function joinProperties(properties: PropertySpec[], repeated: (p: PropertySpec) => void): PropertySpec[] {
  const byName = new Map<string, PropertySpec>()
  for (const p of properties) {
    const first = byName.get(p.name)
    if (!first) {
      byName.set(p.name, p)
      continue
    }
    repeated(p)
    byName.set(p.name, { ...first, type: union([first.type, p.type]), optional: first.optional || p.optional })
  }
  return [...byName.values()]
}

/** A union without duplicates or nesting; a single member stands for itself, and `unknown` for any union holding it. */
export function union(members: TypeExpr[]): TypeExpr {
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]))
  if (flat.some((m) => m.kind === 'unknown')) return { kind: 'unknown' }
  const seen = new Map<unknown, TypeExpr>()
  for (const m of flat) seen.set(m.kind === 'object' ? m.object : render(m, () => ''), m)
  const unique = [...seen.values()]
  return unique.length === 1 ? unique[0]! : { kind: 'union', members: unique }
}

/** Type text; `nameOf` names (and declares) the objects. */
export function render(type: TypeExpr, nameOf: (object: ObjectType) => string): string {
  switch (type.kind) {
    case 'common':
      return type.name
    case 'literals':
      return type.values.map((v) => JSON.stringify(v)).join(' | ')
    case 'numberLiterals':
      return type.values.join(' | ')
    case 'array': {
      const element = render(type.element, nameOf)
      return needsParens(type.element) ? `(${element})[]` : `${element}[]`
    }
    case 'record':
      return `Record<string, ${render(type.value, nameOf)}>`
    case 'union':
      return type.members.map((m) => render(m, nameOf)).join(' | ')
    case 'object':
      return nameOf(type.object)
    default:
      return type.kind
  }
}

function needsParens(type: TypeExpr): boolean {
  return type.kind === 'union' || ((type.kind === 'literals' || type.kind === 'numberLiterals') && type.values.length > 1)
}

/** The shared aliases a type mentions (so the module imports them). */
export function commonNames(type: TypeExpr, into = new Set<CommonName>()): Set<CommonName> {
  switch (type.kind) {
    case 'common':
      into.add(type.name)
      break
    case 'array':
      commonNames(type.element, into)
      break
    case 'record':
      commonNames(type.value, into)
      break
    case 'union':
      for (const m of type.members) commonNames(m, into)
      break
    default:
  }
  return into
}

