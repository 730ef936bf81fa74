/**
 * The type of one documented parameter or property, from what the page says of it: its documented type
 * (in the client's words where the meaning is the same: `Duration`, `DateTime`, `TimeUnit`, `ByteUnit`),
 * else its default; narrowed to the values the text lists; widened to `T | T[]` when the text says it
 * takes a comma-separated list.
 */
import { diagnostic } from '../../model/diagnostic.js'
import type { Diagnostic, Param } from '../../model/types.js'
import { parseDocType, typeFromDefault } from './doc-types.js'
import { paramDoc } from './jsdoc.js'
import { BOOLEAN, DATE_TIME, joinProperties, NUMBER, type ObjectType, type PropertySpec, STRING, type TypeExpr, UNKNOWN, union } from './type-expr.js'

/** Where a parameter is documented. */
export type ParamRole = 'path' | 'query' | 'body' | 'response'

export interface ParamTyping {
  type: TypeExpr
  /** Parts of the documented type docspec does not know (they became `unknown`). */
  unknownParts: string[]
  /** Neither a type, a default nor values say what it is (a path parameter is a string all the same). */
  untyped: boolean
}

const TIME_UNIT: TypeExpr = { kind: 'common', name: 'TimeUnit' }
const BYTE_UNIT: TypeExpr = { kind: 'common', name: 'ByteUnit' }

/** The type of a parameter without nested properties. */
function scalarParamType(param: Param, role: ParamRole): ParamTyping {
  const documented = param.type === undefined ? undefined : parseDocType(param.type)
  let type = unitOf(param) ?? timeValued(param, documented?.type) ?? pointInTime(param, documented?.type, role) ?? documented?.type ?? typeFromDefault(param.default)
  const untyped = type === undefined && role !== 'path' && !param.values?.length
  // Path segments are strings by nature; elsewhere an undocumented type stays open.
  type ??= role === 'path' ? STRING : UNKNOWN
  if (param.values && param.values.length > 0) type = withValues(type, param.values)
  if (param.anyNumber) type = union([type, NUMBER])
  if ((role === 'path' || role === 'query') && param.list && isStringLike(type)) type = union([type, { kind: 'array', element: type }])
  return { type, unknownParts: documented?.unknownParts ?? [], untyped }
}

/**
 * A parameter documented as time or byte units and described as a unit ("Unit used to display time
 * values", the `time` and `bytes` parameters of the cat APIs) takes a unit, not a time value or a size.
 */
function unitOf(param: Param): TypeExpr | undefined {
  if (param.values?.length || !/\bunits?\b/i.test(/^[^.\n]*/.exec(param.description)?.[0] ?? '')) return undefined
  const documented = (param.type ?? '').toLowerCase()
  if (/\btime\b/.test(documented)) return TIME_UNIT
  if (/\bbyte/.test(documented)) return BYTE_UNIT
  return undefined
}

/** A `string` whose default is a time value ("The default value is 8h") takes a time value. */
function timeValued(param: Param, documented: TypeExpr | undefined): TypeExpr | undefined {
  const fromDefault = typeFromDefault(param.default)
  return documented?.kind === 'string' && fromDefault?.kind === 'common' && fromDefault.name === 'Duration' ? fromDefault : undefined
}

/**
 * A request parameter documented as a `string` that the text says is a point in time ("Returns buckets
 * with timestamps earlier than this time", "The timestamp of a single bucket result") takes a date.
 */
function pointInTime(param: Param, documented: TypeExpr | undefined, role: ParamRole): TypeExpr | undefined {
  if (role === 'response' || documented?.kind !== 'string') return undefined
  return POINT_IN_TIME.test(/^[^.\n]*/.exec(param.description)?.[0] ?? '') ? DATE_TIME : undefined
}

const POINT_IN_TIME = /\btimestamps? (?:earlier|later) than this time\b|\btimestamps? (?:after|before) this time\b|^(?:the |a )?timestamp (?:of|for)\b/i

function isStringLike(type: TypeExpr): boolean {
  return type.kind === 'string' || type.kind === 'literals' || (type.kind === 'union' && type.members.every((m) => m.kind === 'literals' || m.kind === 'number'))
}

/**
 * Narrows the string parts of a type to the documented values. The values `true` and `false` are
 * booleans, which a query string writes as text: both forms are taken.
 */
function withValues(type: TypeExpr, values: string[]): TypeExpr {
  const strings = [...new Set(values)]
  const literals: TypeExpr = { kind: 'literals', values: strings }
  const booleans = strings.includes('true') && strings.includes('false') ? [BOOLEAN] : []
  switch (type.kind) {
    case 'string':
    case 'unknown':
      return union([...booleans, literals])
    case 'array':
      return { kind: 'array', element: withValues(type.element, values) }
    case 'union':
      return union(type.members.map((m) => withValues(m, values)))
    default:
      return type
  }
}

/**
 * The members of an object from its documented properties. A property written as a placeholder
 * (`<node_id>`) stands for keys that are values: the values its text lists ("Possible values are
 * `create`, `delete`, `index`, and `update`"), each an optional property, else any key (an index
 * signature: a map of its type when the object has no named property, else of anything).
 */
export function keyedMembers(params: Param[], property: (p: Param) => PropertySpec): { properties: PropertySpec[]; index?: TypeExpr } {
  const properties: PropertySpec[] = []
  const index: TypeExpr[] = []
  for (const p of params) {
    if (!p.placeholder) {
      properties.push(property(p))
      continue
    }
    // The listed values name its keys; they do not narrow its own type.
    const { values, ...rest } = p
    const keyed = property(rest)
    if (values?.length) for (const key of values) properties.push({ ...keyed, name: key, optional: true })
    else index.push(keyed.type)
  }
  // Beside named properties, the index signature must take theirs too (TypeScript checks each against it).
  return { properties, ...(index.length > 0 && { index: properties.length > 0 ? UNKNOWN : union(index) }) }
}

/** An object of nothing but keys that are values is a map. */
export function objectOrRecord(object: ObjectType): TypeExpr {
  return object.properties.length === 0 && object.index ? { kind: 'record', value: object.index } : { kind: 'object', object }
}

/** Types of documented parameters and properties, with the findings about them. */
export class ParamTypes {
  constructor(private readonly diagnostics: Diagnostic[]) {}

  property(param: Param, role: ParamRole): PropertySpec {
    return { name: param.name, type: this.type(param, role), optional: !param.required, docs: paramDoc(param), position: param.position }
  }

  type(param: Param, role: ParamRole): TypeExpr {
    if (!param.children?.length) return this.scalar(param, role)
    const nested = objectOrRecord(this.object(param.children, role, param.name, paramDoc(param)))
    return this.documented(param, role).type.kind === 'array' ? { kind: 'array', element: nested } : nested
  }

  /** The type of a parameter without nested properties; `refine` may type what the text leaves open. */
  scalar(param: Param, role: ParamRole, refine?: (type: TypeExpr) => TypeExpr | undefined): TypeExpr {
    const { type, untyped } = this.documented(param, role)
    const refined = refine?.(type)
    if (untyped && !refined) this.diagnostics.push(diagnostic('untyped-param', param.position, `${role} parameter \`${param.name}\` has no documented type; typed as unknown`))
    return refined ?? type
  }

  /** The documented type, with a warning for each part docspec does not know. */
  documented(param: Param, role: ParamRole): ParamTyping {
    const typing = scalarParamType(param, role)
    for (const part of typing.unknownParts) this.report(param, 'unknown-type', `unknown type "${part}" of ${role} parameter \`${param.name}\`; typed as unknown`)
    return typing
  }

  object(params: Param[], role: ParamRole, hint: string, docs: ObjectType['docs'], name?: string): ObjectType {
    const { properties, index } = keyedMembers(params, (p) => this.property(p, role))
    return { hint, ...(name !== undefined && { name }), docs, properties: this.join(properties, name ?? hint), ...(index && { index }) }
  }

  /** One property per name, and a warning where a name comes again. */
  join(properties: PropertySpec[], holder: string): PropertySpec[] {
    return joinProperties(properties, (p) => {
      const position = p.position ?? { file: '', line: 1, column: 1 }
      this.diagnostics.push(diagnostic('duplicate-param', position, `\`${p.name}\` is documented more than once for ${holder}; the types are joined`))
    })
  }

  report(param: Param, rule: 'duplicate-param' | 'unknown-type', message: string): void {
    this.diagnostics.push(diagnostic(rule, param.position, message))
  }
}

