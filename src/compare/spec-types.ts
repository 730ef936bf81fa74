/**
 * Spec types read as docspec's type trees (`emit/types/type-expr.ts`), in the client's terms: `Duration`,
 * `DateTime`, `TimeUnit` and `Bytes` as the shared aliases of the generated `_common.ts`, integer kinds as
 * `number`, enums as their values (an enum of `true` and `false` takes booleans too, as the client's
 * does), interfaces as objects with what they inherit. What the spec leaves open (generics without an
 * argument, user-defined values) is `unknown`.
 */
import type { CommonName, ObjectType, PropertySpec, TypeExpr } from '../emit/types/type-expr.js'
import { render, union } from '../emit/types/type-expr.js'
import { type Body, type SpecIndex, type SpecProperty, type SpecType, type TypeName, typeKey, type ValueOf } from './schema.js'

const COMMONS: Record<string, CommonName> = { '_types:Duration': 'Duration', '_types:DateTime': 'DateTime', '_types:TimeUnit': 'TimeUnit', '_types:Bytes': 'ByteUnit' }
const BUILTINS: Record<string, TypeExpr> = {
  string: { kind: 'string' },
  boolean: { kind: 'boolean' },
  number: { kind: 'number' },
  null: { kind: 'null' },
  void: { kind: 'unknown' },
  binary: { kind: 'unknown' },
}
const UNKNOWN: TypeExpr = { kind: 'unknown' }

/** Generic parameters bound to their arguments. */
type Bindings = Map<string, TypeExpr>

export class SpecTypes {
  /** One object per interface and arguments, so recursive types end. */
  private readonly objects = new Map<string, ObjectType>()

  constructor(private readonly index: SpecIndex) {}

  /** The type of a response body (`no_body`: the client answers whether the request succeeded, a boolean). */
  body(body: Body | undefined, bindings: Bindings = new Map()): TypeExpr {
    if (!body || body.kind === 'no_body') return { kind: 'boolean' }
    if (body.kind === 'value') return this.value(body.value, bindings)
    return { kind: 'object', object: { hint: 'body', docs: [], properties: this.properties(body.properties, bindings) } }
  }

  response(name: TypeName | null | undefined): TypeExpr {
    const type = name ? this.index.type(name) : undefined
    return type?.kind === 'response' ? this.body(type.body, this.unbound(type.generics)) : UNKNOWN
  }

  value(value: ValueOf, bindings: Bindings = new Map()): TypeExpr {
    switch (value.kind) {
      case 'array_of':
        return { kind: 'array', element: this.value(value.value, bindings) }
      case 'union_of':
        return union(value.items.map((v) => this.value(v, bindings)))
      case 'dictionary_of':
        return { kind: 'record', value: this.value(value.value, bindings) }
      case 'literal_value':
        return typeof value.value === 'number' ? { kind: 'numberLiterals', values: [value.value] } : typeof value.value === 'boolean' ? { kind: 'boolean' } : { kind: 'literals', values: [value.value] }
      case 'instance_of':
        return this.instance(value.type, (value.generics ?? []).map((g) => this.value(g, bindings)), bindings)
      default:
        return UNKNOWN
    }
  }

  private instance(name: TypeName, args: TypeExpr[], bindings: Bindings): TypeExpr {
    const key = typeKey(name)
    if (bindings.has(key)) return bindings.get(key)!
    if (COMMONS[key]) return { kind: 'common', name: COMMONS[key] }
    if (name.namespace === '_builtins') return BUILTINS[name.name] ?? UNKNOWN
    const type = this.index.type(name)
    if (!type) return UNKNOWN
    const bound = this.bind(type, args)
    switch (type.kind) {
      case 'type_alias':
        return this.value(type.type, bound)
      case 'enum': {
        const values = type.members.flatMap((m) => [m.name, ...(m.aliases ?? [])])
        const booleans = values.includes('true') && values.includes('false') ? [{ kind: 'boolean' } as const] : []
        return union([...booleans, { kind: 'literals', values }])
      }
      case 'interface':
        return { kind: 'object', object: this.object(type, args, bound) }
      default:
        return UNKNOWN
    }
  }

  private object(type: Extract<SpecType, { kind: 'interface' }>, args: TypeExpr[], bindings: Bindings): ObjectType {
    const key = `${typeKey(type.name)}<${args.map((a) => render(a, (o) => o.name ?? o.hint)).join(',')}>`
    const known = this.objects.get(key)
    if (known) return known
    const object: ObjectType = { hint: type.name.name, name: type.name.name, docs: [], properties: [] }
    this.objects.set(key, object)
    const inherited: PropertySpec[] = []
    const parent = type.inherits && this.instance(type.inherits.type, (type.inherits.generics ?? []).map((g) => this.value(g, bindings)), bindings)
    if (parent?.kind === 'object') {
      inherited.push(...parent.object.properties)
      if (parent.object.index) object.index = parent.object.index
    }
    object.properties = [...inherited.filter((p) => !type.properties.some((own) => own.name === p.name)), ...this.properties(type.properties, bindings)]
    // `AdditionalProperties<K, V>`: keys besides the named ones.
    const additional = type.behaviors?.find((b) => b.type.name === 'AdditionalProperties')
    if (additional?.generics?.[1]) object.index = this.value(additional.generics[1], bindings)
    return object
  }

  properties(properties: SpecProperty[], bindings: Bindings = new Map()): PropertySpec[] {
    return properties.map((p) => ({ name: p.name, type: this.value(p.type, bindings), optional: !p.required, docs: [] }))
  }

  private bind(type: SpecType, args: TypeExpr[]): Bindings {
    const generics = 'generics' in type ? (type.generics ?? []) : []
    return new Map(generics.map((g, i) => [typeKey(g), args[i] ?? UNKNOWN]))
  }

  private unbound(generics: TypeName[] | undefined): Bindings {
    return new Map((generics ?? []).map((g) => [typeKey(g), UNKNOWN]))
  }
}
