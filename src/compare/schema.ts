/**
 * The compiled elasticsearch-specification (`schema.json`, as `@elastic/request-converter` ships it): the
 * parts `compare` reads, and an index of it. A request's parameters are its own, those of the types it
 * inherits, and those of its attached behaviours (`CommonQueryParameters`: `pretty`, `human`, …;
 * `CommonCatQueryParameters`: `format`, `h`, `v`, `bytes`, `time`).
 */

export interface TypeName {
  name: string
  namespace: string
}

export type ValueOf =
  | { kind: 'instance_of'; type: TypeName; generics?: ValueOf[] }
  | { kind: 'array_of'; value: ValueOf }
  | { kind: 'union_of'; items: ValueOf[] }
  | { kind: 'dictionary_of'; key: ValueOf; value: ValueOf; singleKey?: boolean }
  | { kind: 'literal_value'; value: string | number | boolean }
  | { kind: 'user_defined_value' }

export interface SpecProperty {
  name: string
  required?: boolean
  type: ValueOf
  serverDefault?: unknown
  description?: string
}

interface Inherits {
  type: TypeName
  generics?: ValueOf[]
}

export type Body = { kind: 'properties'; properties: SpecProperty[] } | { kind: 'value'; value: ValueOf } | { kind: 'no_body' }

export type SpecType =
  | { kind: 'interface'; name: TypeName; generics?: TypeName[]; properties: SpecProperty[]; inherits?: Inherits; behaviors?: Inherits[]; attachedBehaviors?: string[] }
  | { kind: 'request'; name: TypeName; path?: SpecProperty[]; query?: SpecProperty[]; body?: Body; inherits?: Inherits; attachedBehaviors?: string[] }
  | { kind: 'response'; name: TypeName; generics?: TypeName[]; body?: Body }
  | { kind: 'enum'; name: TypeName; members: { name: string; aliases?: string[] }[] }
  | { kind: 'type_alias'; name: TypeName; generics?: TypeName[]; type: ValueOf }

export interface SpecEndpoint {
  name: string
  docId?: string
  urls: { path: string; methods: string[] }[]
  request?: TypeName | null
  response?: TypeName | null
}

export interface Spec {
  endpoints: SpecEndpoint[]
  types: SpecType[]
}

export const typeKey = (name: TypeName): string => `${name.namespace}:${name.name}`

/** A spec endpoint's request as a page documents one: path parts, query parameters (with the attached ones). */
export interface SpecRequest {
  endpoint: SpecEndpoint
  path: SpecProperty[]
  query: SpecProperty[]
  /** Query parameters every API takes (`CommonQueryParameters`); pages rarely document them. */
  common: SpecProperty[]
}

export class SpecIndex {
  private readonly types: Map<string, SpecType>
  private readonly byDoc = new Map<string, SpecEndpoint[]>()

  constructor(spec: Spec) {
    this.types = new Map(spec.types.map((t) => [typeKey(t.name), t as SpecType]))
    for (const endpoint of spec.endpoints) {
      if (!endpoint.docId) continue
      const list = this.byDoc.get(endpoint.docId) ?? []
      list.push(endpoint)
      this.byDoc.set(endpoint.docId, list)
    }
  }

  type(name: TypeName): SpecType | undefined {
    return this.types.get(typeKey(name))
  }

  /** The endpoints a page documents, by its page id. */
  endpoints(docId: string): SpecEndpoint[] {
    return this.byDoc.get(docId) ?? []
  }

  request(endpoint: SpecEndpoint): SpecRequest {
    const out: SpecRequest = { endpoint, path: [], query: [], common: [] }
    const seen = new Set<string>()
    const visit = (name: TypeName | null | undefined) => {
      const type = name ? this.type(name) : undefined
      if (!type || seen.has(typeKey(type.name))) return
      seen.add(typeKey(type.name))
      if (type.kind === 'request') {
        out.path.push(...(type.path ?? []))
        out.query.push(...(type.query ?? []))
      }
      if (type.kind === 'request' || type.kind === 'interface') {
        for (const behavior of type.attachedBehaviors ?? []) {
          const attached = this.type({ name: behavior, namespace: '_spec_utils' })
          if (attached?.kind === 'interface') (behavior === 'CommonQueryParameters' ? out.common : out.query).push(...attached.properties)
        }
        visit(type.inherits?.type)
      }
    }
    visit(endpoint.request)
    // Path parts every url of the endpoint names, typed as its request says (a url may name one it does not list).
    for (const url of endpoint.urls) {
      for (const m of url.path.matchAll(/\{([^}]+)\}/g)) {
        if (!out.path.some((p) => p.name === m[1])) out.path.push({ name: m[1]!, required: false, type: { kind: 'instance_of', type: { name: 'string', namespace: '_builtins' } } })
      }
    }
    out.query = unique(out.query).filter((q) => !out.path.some((p) => p.name === q.name))
    out.common = unique(out.common).filter((q) => !out.query.some((p) => p.name === q.name))
    return out
  }
}

function unique(properties: SpecProperty[]): SpecProperty[] {
  const byName = new Map<string, SpecProperty>()
  for (const p of properties) if (!byName.has(p.name)) byName.set(p.name, p)
  return [...byName.values()]
}
