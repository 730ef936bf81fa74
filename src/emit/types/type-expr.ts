/** A small TypeScript type expression tree, so types can be combined before they are printed. */
export type TypeExpr =
  | { kind: 'string' | 'number' | 'boolean' | 'null' | 'unknown' }
  /** `Duration` from `_common.ts`. */
  | { kind: 'duration' }
  | { kind: 'literals'; values: string[] }
  | { kind: 'numberLiterals'; values: number[] }
  | { kind: 'array'; element: TypeExpr }
  | { kind: 'record'; value: TypeExpr }
  | { kind: 'union'; members: TypeExpr[] }
  /** A named interface of the same module. */
  | { kind: 'ref'; name: string }

export const STRING: TypeExpr = { kind: 'string' }
export const NUMBER: TypeExpr = { kind: 'number' }
export const BOOLEAN: TypeExpr = { kind: 'boolean' }
export const UNKNOWN: TypeExpr = { kind: 'unknown' }
export const DURATION: TypeExpr = { kind: 'duration' }

/** A union without duplicates or nesting; a single member stands for itself. */
export function union(members: TypeExpr[]): TypeExpr {
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]))
  const seen = new Map<string, TypeExpr>()
  for (const m of flat) seen.set(render(m), m)
  const unique = [...seen.values()]
  return unique.length === 1 ? unique[0]! : { kind: 'union', members: unique }
}

export function render(type: TypeExpr): string {
  switch (type.kind) {
    case 'duration':
      return 'Duration'
    case 'literals':
      return type.values.map((v) => JSON.stringify(v)).join(' | ')
    case 'numberLiterals':
      return type.values.join(' | ')
    case 'array': {
      const element = render(type.element)
      return needsParens(type.element) ? `(${element})[]` : `${element}[]`
    }
    case 'record':
      return `Record<string, ${render(type.value)}>`
    case 'union':
      return type.members.map(render).join(' | ')
    case 'ref':
      return type.name
    default:
      return type.kind
  }
}

function needsParens(type: TypeExpr): boolean {
  return type.kind === 'union' || ((type.kind === 'literals' || type.kind === 'numberLiterals') && type.values.length > 1)
}

/** Whether the expression mentions `Duration` (so the module must import it). */
export function usesDuration(type: TypeExpr): boolean {
  switch (type.kind) {
    case 'duration':
      return true
    case 'array':
      return usesDuration(type.element)
    case 'record':
      return usesDuration(type.value)
    case 'union':
      return type.members.some(usesDuration)
    default:
      return false
  }
}
