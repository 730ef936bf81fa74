/**
 * Documented parameter types ("string", "TimeValue", "array of strings", "object map of string:double", …)
 * mapped to type expressions. The vocabulary is the one the Elasticsearch reference uses; anything else is
 * reported back as unknown so the caller can warn instead of guessing.
 */
import { BOOLEAN, DATE_TIME, DURATION, NUMBER, STRING, UNKNOWN, type TypeExpr, union } from './type-expr.js'

const SCALARS = new Map<string, TypeExpr>([
  ...['string', 'keyword', 'text', 'ip', 'id', 'uuid', 'version', 'byte size units', 'byte units', 'byte size', 'byte value', 'byte size value'].map(
    (n) => [n, STRING] as const,
  ),
  ...['boolean', 'bool'].map((n) => [n, BOOLEAN] as const),
  ...[
    'integer', 'int', 'long', 'short', 'byte', 'number', 'float', 'double', 'half_float', 'numeric',
    'unsigned integer', 'unsigned long', 'positive integer',
  ].map((n) => [n, NUMBER] as const),
  ...['time', 'timevalue', 'time value', 'time units', 'time unit', 'duration'].map((n) => [n, DURATION] as const),
  // A date is written as a date string or as milliseconds since the epoch (the `date` field type's page).
  ...['date', 'datetime', 'date time', 'timestamp'].map((n) => [n, DATE_TIME] as const),
  // "enum" names no values by itself; the param's `values` narrow it when the text lists them.
  ['enum', STRING],
])

const OBJECT_WORDS = new Set(['object', 'map', 'dict', 'dictionary', 'hash'])

export interface ParsedType {
  type: TypeExpr
  /** Parts of the documented type docspec does not know (they became `unknown`). */
  unknownParts: string[]
}

/** `<<time-units, time units>>` → `time units`; lower case; single spaces. */
function normalize(text: string): string {
  return text
    .replace(/<<[^,>]*,\s*([^>]*)>>/g, '$1')
    .replace(/<<([^>]*)>>/g, '$1')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s(]+|[\s).,;:]+$/g, '')
}

export function parseDocType(documented: string): ParsedType {
  const unknownParts: string[] = []
  const text = normalize(documented)
  const alternatives = text.split(/\s*(?:\bor\b|\|)\s*/).filter((a) => a !== '')
  if (alternatives.length > 1) {
    // "string or array": a bare array/list next to a scalar is an array of that scalar.
    const bare = (a: string) => a === 'array' || a === 'list'
    const scalars = alternatives.filter((a) => !bare(a)).map((a) => parseOne(a, unknownParts))
    const element = scalars.length > 0 ? union(scalars) : UNKNOWN
    const arrays = alternatives.some(bare) ? [{ kind: 'array', element } as const] : []
    return { type: union([...scalars, ...arrays]), unknownParts }
  }
  return { type: parseOne(text, unknownParts), unknownParts }
}

function parseOne(text: string, unknownParts: string[]): TypeExpr {
  const scalar = SCALARS.get(text)
  if (scalar) return scalar
  const arrayOf = /^(?:array|list) of (.+)$/.exec(text)
  if (arrayOf) return { kind: 'array', element: parseElement(arrayOf[1]!, unknownParts) }
  const suffixed = /^(.+)\[\]$/.exec(text)
  if (suffixed) return { kind: 'array', element: parseOne(suffixed[1]!, unknownParts) }
  // "object map of string:double", "map of strings": the part after ':' (if any) is the value type.
  const mapOf = /^(?:object )?map of (.+)$/.exec(text)
  if (mapOf) {
    const value = mapOf[1]!.split(':').pop()!.trim()
    return { kind: 'record', value: parseElement(value, unknownParts) }
  }
  if (text === 'array') return { kind: 'array', element: UNKNOWN }
  // An ES "list" is a list of names or ids.
  if (text === 'list') return { kind: 'array', element: STRING }
  // "object", "query object", "mapping object": structure not documented here.
  if (OBJECT_WORDS.has(text) || OBJECT_WORDS.has(text.split(' ').pop()!)) return { kind: 'record', value: UNKNOWN }
  unknownParts.push(text)
  return UNKNOWN
}

/** An element type written in the plural ("strings", "objects") or singular. */
function parseElement(text: string, unknownParts: string[]): TypeExpr {
  const singular = text.endsWith('s') ? text.slice(0, -1) : text
  const probe: string[] = []
  const asSingular = parseOne(singular, probe)
  return probe.length === 0 && singular !== text ? asSingular : parseOne(text, unknownParts)
}

/** A type from a default value, for params documented without a type ("The default value is 20 seconds"). */
export function typeFromDefault(value: string | undefined): TypeExpr | undefined {
  if (value === undefined) return undefined
  const v = value.trim().toLowerCase()
  if (v === 'true' || v === 'false') return BOOLEAN
  if (/^-?\d+(\.\d+)?$/.test(v)) return NUMBER
  if (/^-?\d+(\.\d+)?\s*(nanos|micros|ms|s|m|h|d|(milli|micro|nano)?seconds?|minutes?|hours?|days?)$/.test(v)) return DURATION
  return undefined
}
