/**
 * Type trees as JSON Schema (the 2020-12 dialect OpenAPI 3.1 uses): the shared aliases of `_common.ts`
 * as components, objects inline with their required properties, open keys as `additionalProperties`.
 */
import type { CommonName, TypeExpr } from '../types/type-expr.js'

export type Schema = Record<string, unknown>

export const COMPONENTS: Record<CommonName | 'ErrorCause' | 'ErrorResponse', Schema> = {
  Duration: {
    description: 'A time value: a number and a unit (`d`, `h`, `m`, `s`, `ms`, `micros`, `nanos`), e.g. `30s`; `-1` means no limit and `0` no wait.',
    anyOf: [{ type: 'string' }, { enum: [-1, 0] }],
  },
  DateTime: { description: 'A date string or milliseconds since the epoch.', anyOf: [{ type: 'string' }, { type: 'number' }] },
  TimeUnit: { description: 'A time unit.', type: 'string', enum: ['nanos', 'micros', 'ms', 's', 'm', 'h', 'd'] },
  ByteUnit: { description: 'A byte unit.', type: 'string', enum: ['b', 'kb', 'mb', 'gb', 'tb', 'pb'] },
  ErrorCause: {
    description: 'One cause of an Elasticsearch error.',
    type: 'object',
    required: ['type'],
    properties: {
      type: { type: 'string' },
      reason: { type: ['string', 'null'] },
      caused_by: { $ref: '#/components/schemas/ErrorCause' },
      root_cause: { type: 'array', items: { $ref: '#/components/schemas/ErrorCause' } },
    },
  },
  ErrorResponse: {
    description: 'Body of an Elasticsearch error response.',
    type: 'object',
    required: ['error', 'status'],
    properties: { error: { $ref: '#/components/schemas/ErrorCause' }, status: { type: 'integer' } },
  },
}

export const ref = (name: keyof typeof COMPONENTS): Schema => ({ $ref: `#/components/schemas/${name}` })

/** The description a structure's JSDoc starts with. */
export function docText(docs: { description?: unknown }[] | undefined): string | undefined {
  const text = docs?.[0]?.description
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined
}

export function schemaOf(type: TypeExpr): Schema {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { type: type.kind }
    case 'unknown':
      return {}
    case 'common':
      return ref(type.name)
    case 'literals':
      return { type: 'string', enum: type.values }
    case 'numberLiterals':
      return { type: 'number', enum: type.values }
    case 'array':
      return { type: 'array', items: schemaOf(type.element) }
    case 'record':
      return { type: 'object', additionalProperties: schemaOf(type.value) }
    case 'union': {
      // A property documented twice joins two objects of one shape: one schema each is enough.
      const schemas = [...new Map(type.members.map(schemaOf).map((m) => [JSON.stringify(m), m])).values()]
      return schemas.length === 1 ? schemas[0]! : { anyOf: schemas }
    }
    case 'object': {
      const { properties, index } = type.object
      const required = properties.filter((p) => !p.optional).map((p) => p.name)
      const props = Object.fromEntries(properties.map((p) => [p.name, describe(schemaOf(p.type), docText(p.docs))]))
      return { type: 'object', ...(required.length > 0 && { required }), properties: props, ...(index && { additionalProperties: schemaOf(index) }) }
    }
  }
}

/** A schema with a description (a `$ref` keeps its siblings in 3.1). */
export function describe(schema: Schema, description: string | undefined): Schema {
  return description ? { ...schema, description } : schema
}

/** A documented default as a JSON value of the schema's kind ("false" → false, "100" → 100). */
export function defaultValue(value: string, type: TypeExpr): unknown {
  const kinds = type.kind === 'union' ? type.members.map((m) => m.kind) : [type.kind]
  if (kinds.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  if ((kinds.includes('number') || kinds.includes('numberLiterals')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  return value
}
