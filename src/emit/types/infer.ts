/**
 * Response types inferred from documented response examples, quicktype style: every example adds its
 * values to a shape per position (scalar kinds seen, merged object properties with a count, merged array
 * elements); the merged shape then becomes types. A property absent from some objects is optional; kinds
 * that disagree become a union.
 *
 * Examples are written by hand and partly elided. Values a test replaces (`$body.took`, `$_path`) or
 * elides (`...`) say nothing about the type, and keys such as `$node_name` stand for keys not known in
 * advance (an index signature) — neither may invent fields. Nor may the user's own names: a key the
 * answered request wrote in its path (`my_policy`), or an object whose keys are all names the page's
 * requests write as values (the fields `node`, `temperature` a rollup job's body names), is a map. An
 * answer filtered by `filter_path` shows only part of each object: what it lacks may be there.
 */
import type { SourcePosition } from '../../model/types.js'
import { doc, seeTag } from './jsdoc.js'
import { BOOLEAN, NUMBER, objectExpr, type PropertySpec, STRING, type TypeExpr, UNKNOWN, union } from './type-expr.js'

export interface ObjectShape {
  /** Objects seen at this position. */
  count: number
  /** Of them, the objects an example elides (`"...": …`): a property they lack may still be there. */
  elided: number
  props: Map<string, { shape: Shape; count: number }>
  /** Values under keys that are placeholders (`$node_name`). */
  dynamic?: Shape
}

export interface Shape {
  scalars: Set<'string' | 'number' | 'boolean' | 'null'>
  object?: ObjectShape
  array?: Shape
  /** Where this position was first seen. */
  seenAt?: SourcePosition
}

export interface ResponseSample {
  value: unknown
  position: SourcePosition
  /** Values the answered request wrote in place of path placeholders (`my_policy` of `GET _ilm/policy/my_policy`): keys that are data. */
  dataKeys?: string[]
  /** Strings the page's requests write as values (in their bodies): an object keyed by nothing else is keyed by data. */
  valueKeys?: ReadonlySet<string>
  /** The answered request filters the response (`filter_path`): every object may lack what it does not show. */
  partial?: boolean
}

/** What a sample says about the keys and the completeness of the objects it shows. */
interface Reading {
  dataKeys: ReadonlySet<string>
  valueKeys: ReadonlySet<string>
  partial: boolean
}

const emptyShape = (): Shape => ({ scalars: new Set() })

const isElidedValue = (v: string): boolean => v === '...' || v === '…' || /^\$(body(\.|$)|_path$)/.test(v)
const isElidedKey = (k: string): boolean => k === '...' || k === '…'
const isPlaceholderKey = (k: string): boolean => k.startsWith('$')

/**
 * Levels of nesting that become types; values deeper say nothing (their type is unknown). An example nested
 * 500 levels would otherwise become 500 nested interfaces with ever longer names, and overflow the stack.
 */
export const MAX_INFERRED_DEPTH = 24

function add(shape: Shape, value: unknown, position: SourcePosition, reading: Reading, depth = 0): void {
  shape.seenAt ??= position
  if (depth >= MAX_INFERRED_DEPTH) return
  if (value === null) shape.scalars.add('null')
  else if (typeof value === 'string') {
    if (!isElidedValue(value)) shape.scalars.add('string')
  } else if (typeof value === 'number') shape.scalars.add('number')
  else if (typeof value === 'boolean') shape.scalars.add('boolean')
  else if (Array.isArray(value)) {
    shape.array ??= emptyShape()
    for (const item of value) add(shape.array, item, position, reading, depth + 1)
  } else if (typeof value === 'object') addObject((shape.object ??= { count: 0, elided: 0, props: new Map() }), value as Record<string, unknown>, position, reading, depth)
}

function addObject(object: ObjectShape, value: Record<string, unknown>, position: SourcePosition, reading: Reading, depth: number): void {
  object.count++
  const keys = Object.keys(value)
  if (reading.partial || keys.some(isElidedKey)) object.elided++
  const named = keys.filter((k) => !isElidedKey(k))
  const keyedByValues = named.length >= 2 && named.every((k) => reading.valueKeys.has(k) || reading.dataKeys.has(k))
  for (const key of named) {
    const child = value[key]
    // A key that is a placeholder (`$node_name`) or a value the request named (`my_policy`) is data, not a field.
    if (keyedByValues || isPlaceholderKey(key) || reading.dataKeys.has(key)) {
      add((object.dynamic ??= emptyShape()), child, position, reading, depth + 1)
      continue
    }
    let prop = object.props.get(key)
    if (!prop) object.props.set(key, (prop = { shape: emptyShape(), count: 0 }))
    prop.count++
    add(prop.shape, child, position, reading, depth + 1)
  }
}

export function mergeSamples(samples: ResponseSample[]): Shape {
  const shape = emptyShape()
  for (const s of samples) add(shape, s.value, s.position, { dataKeys: new Set(s.dataKeys), valueKeys: s.valueKeys ?? new Set(), partial: s.partial === true })
  return shape
}

/**
 * Objects keyed by data rather than by field names: every value is an object, and some key is no
 * field-like name or each example shows other keys (`"indices": { "my_index": {…}, "test-000069": {…} }`);
 * or no key is a field-like name, whatever the values (thresholds `"0.25": 0.35`, settings
 * `"ml.machine_memory": "17179869184"`).
 */
export function isMapLike(object: ObjectShape): boolean {
  const props = [...object.props.entries()]
  const objectsOnly = props.every(([, p]) => p.shape.object !== undefined && p.shape.scalars.size === 0 && !p.shape.array)
  const dataKeys = props.filter(([key]) => !FIELD_NAME.test(key)).length
  const varyingKeys = props.length >= 2 && props.every(([, p]) => p.count < object.count)
  return (props.length > 0 && dataKeys === props.length) || (objectsOnly && (dataKeys > 0 || varyingKeys))
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The shape of the values of a map-like object: what its keys and its placeholder keys hold, merged. */
export function mapValueShape(object: ObjectShape): Shape {
  return [...object.props.values()].map((p) => p.shape).concat(object.dynamic ? [object.dynamic] : []).reduce(mergeShapes, emptyShape())
}

/** `source` merged into a copy of `target`, as if the values of both had been added to one shape. */
function mergeShapes(target: Shape, source: Shape): Shape {
  const merged: Shape = { scalars: new Set([...target.scalars, ...source.scalars]), seenAt: target.seenAt ?? source.seenAt }
  if (target.array || source.array) merged.array = mergeShapes(target.array ?? emptyShape(), source.array ?? emptyShape())
  if (target.object || source.object) {
    const none: ObjectShape = { count: 0, elided: 0, props: new Map() }
    const a = target.object ?? none
    const b = source.object ?? none
    const props = new Map(a.props)
    for (const [key, p] of b.props) {
      const existing = props.get(key)
      props.set(key, existing ? { shape: mergeShapes(existing.shape, p.shape), count: existing.count + p.count } : p)
    }
    const dynamic = a.dynamic && b.dynamic ? mergeShapes(a.dynamic, b.dynamic) : (a.dynamic ?? b.dynamic)
    merged.object = { count: a.count + b.count, elided: a.elided + b.elided, props, ...(dynamic ? { dynamic } : {}) }
  }
  return merged
}

/** A description without its closing period, to be embedded in another sentence. */
const sentence = (description: string): string => description.replace(/\.$/, '')

const SCALAR_TYPES: Record<string, TypeExpr> = { string: STRING, number: NUMBER, boolean: BOOLEAN, null: { kind: 'null' } }

/**
 * Type of a merged shape; objects become object types named `<hint>` under the type that holds them, or
 * `fixedName` (a name reserved beforehand) for the top level.
 */
export function shapeType(shape: Shape, hint: string, description: string, fixedName?: string): TypeExpr {
  const members: TypeExpr[] = [...shape.scalars].sort().map((k) => SCALAR_TYPES[k]!)
  if (shape.array) members.push({ kind: 'array', element: shapeType(shape.array, `${hint} item`, `An element of ${sentence(description)}.`) })
  if (shape.object) members.push(objectType(shape.object, shape.seenAt, hint, description, fixedName))
  return members.length === 0 ? UNKNOWN : union(members)
}

/** Whether a property is missing from some example object that shows all of its properties. */
export function sometimesAbsent(object: ObjectShape, count: number): boolean {
  return count < object.count - object.elided
}

function objectType(object: ObjectShape, seenAt: SourcePosition | undefined, hint: string, description: string, fixedName: string | undefined): TypeExpr {
  if (object.props.size === 0 || isMapLike(object)) {
    const value = object.props.size > 0 || object.dynamic ? shapeType(mapValueShape(object), `${hint} value`, `A value of ${sentence(description)}.`) : UNKNOWN
    return { kind: 'record', value }
  }
  const properties: PropertySpec[] = [...object.props].map(([key, prop]) => {
    const optional = sometimesAbsent(object, prop.count)
    const text = `\`${key}\` as shown in the response examples${optional ? ' (absent from some of them)' : ''}.`
    return {
      name: key,
      type: shapeType(prop.shape, key, text),
      optional,
      docs: doc(text, prop.shape.seenAt ? [seeTag(prop.shape.seenAt)] : []),
      ...(prop.shape.seenAt && { position: prop.shape.seenAt }),
    }
  })
  // Keys not known in advance may hold anything the named properties hold, so the index is `unknown`.
  return objectExpr({
    hint,
    ...(fixedName !== undefined && { name: fixedName }),
    docs: doc(description, seenAt ? [seeTag(seenAt)] : []),
    properties,
    ...(object.dynamic && { index: UNKNOWN }),
    ...(seenAt && { position: seenAt }),
  })
}

/** Whether a merged shape is exactly one object with named properties (an interface, not an alias). */
export function isPlainObject(shape: Shape): boolean {
  const { object } = shape
  return shape.scalars.size === 0 && !shape.array && object !== undefined && object.props.size > 0 && !isMapLike(object)
}
