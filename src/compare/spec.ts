import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, PageModel, Param, RuleId, SourcePosition } from '../model/types.js'

/**
 * Compares page models with a compiled elasticsearch-specification (`schema.json`, as shipped by
 * `@elastic/request-converter`) and reports where the page and the server disagree. The spec only ever
 * produces diagnostics: the model stays what the page says.
 */

interface SpecEndpoint {
  name: string
  docId?: string
  urls: { path: string; methods: string[] }[]
  request?: { name: string; namespace: string } | null
}

interface SpecProperty {
  name: string
  serverDefault?: unknown
}

interface SpecRequestType {
  name: { name: string; namespace: string }
  path?: SpecProperty[]
  query?: SpecProperty[]
}

export interface Spec {
  endpoints: SpecEndpoint[]
  types: { kind?: string; name: { name: string; namespace: string } }[]
}

/** Query parameters every API takes; pages rarely document them. */
const COMMON_QUERY = new Set(['error_trace', 'filter_path', 'human', 'pretty'])

interface PageTruth {
  /** Endpoint names in the spec (`rollup.stop_job`). */
  names: string[]
  urls: { method: string; path: string }[]
  query: Map<string, SpecProperty>
}

/** Per page id, the spec's endpoints documented by that page. */
function indexSpec(spec: Spec): Map<string, PageTruth> {
  const types = new Map(spec.types.map((t) => [`${t.name.namespace}:${t.name.name}`, t as SpecRequestType]))
  const byDoc = new Map<string, PageTruth>()
  for (const endpoint of spec.endpoints) {
    if (!endpoint.docId) continue
    const entry: PageTruth = byDoc.get(endpoint.docId) ?? { names: [], urls: [], query: new Map() }
    entry.names.push(endpoint.name)
    for (const url of endpoint.urls) for (const method of url.methods) entry.urls.push({ method, path: url.path })
    const request = endpoint.request ? types.get(`${endpoint.request.namespace}:${endpoint.request.name}`) : undefined
    for (const q of request?.query ?? []) entry.query.set(q.name, q)
    byDoc.set(endpoint.docId, entry)
  }
  return byDoc
}

export function compareWithSpec(models: PageModel[], spec: Spec): Map<PageModel, Diagnostic[]> {
  const index = indexSpec(spec)
  const out = new Map<PageModel, Diagnostic[]>()
  for (const model of models) {
    const truth = index.get(model.id)
    if (!truth) continue
    const found: Diagnostic[] = []
    const report = (rule: RuleId, at: SourcePosition, message: string) => found.push(diagnostic(rule, at, message))
    const pageAt = model.endpoints[0]?.position ?? { file: model.file, line: 1, column: 1 }
    const written = truth.urls.map((u) => `${u.method} ${u.path}`).join(', ')
    for (const endpoint of model.endpoints) {
      if (!truth.urls.some((u) => u.method === endpoint.method && fits(endpoint.path, u.path))) {
        report('spec-endpoint-unknown', endpoint.position, `${endpoint.method} ${endpoint.path} is not an endpoint of ${truth.names.join(', ')} in the specification (${written}); the page may be out of date or misspelt.`)
      }
    }
    const missing = truth.urls.filter((u) => !model.endpoints.some((e) => e.method === u.method && shape(e.path) === shape(u.path)))
    if (missing.length > 0) report('spec-endpoint-undocumented', pageAt, `The specification also has ${missing.map((u) => `${u.method} ${u.path}`).join(', ')}, which the page does not document.`)
    for (const param of model.queryParams) {
      const spec = truth.query.get(param.name)
      if (!spec) {
        if (!COMMON_QUERY.has(param.name)) report('spec-param-unknown', param.position, `Query parameter \`${param.name}\` is not in the specification of ${truth.names.join(', ')}.`)
        continue
      }
      const mismatch = defaultMismatch(param, spec)
      if (mismatch) report('spec-default-mismatch', param.position, mismatch)
    }
    const named = new Set(model.queryParams.map((p) => p.name))
    const undocumented = [...truth.query.keys()].filter((name) => !named.has(name) && !COMMON_QUERY.has(name))
    if (undocumented.length > 0) report('spec-param-undocumented', pageAt, `The specification has query parameter(s) the page does not document: ${undocumented.join(', ')}.`)
    out.set(model, found)
  }
  return out
}

/** A documented path fits a spec path when it has its shape, a documented value (`_all`, `*`) standing for a placeholder. */
function fits(documented: string, spec: string): boolean {
  const ours = shape(documented).split('/')
  const theirs = shape(spec).split('/')
  return ours.length === theirs.length && theirs.every((t, i) => t === ours[i] || (t === '{}' && ours[i] !== ''))
}

/** `/_xpack/rollup/job/<id>` and `/_rollup/job/{job_id}` have the same shape. */
function shape(path: string): string {
  return ('/' + path.split('?')[0]!.replace(/^\/+/, ''))
    .replace(/^\/_xpack\/(\w+)\//, '/_$1/')
    .replace(/\{[^}]*\}|<[^>]*>/g, '{}')
    .replace(/\/+$/, '')
}

function defaultMismatch(param: Param, spec: SpecProperty): string | undefined {
  if (param.default === undefined || spec.serverDefault === undefined || spec.serverDefault === null) return undefined
  const ours = normaliseDefault(param.default)
  const theirs = normaliseDefault(String(spec.serverDefault))
  const same = ours === theirs || (ours !== '' && theirs !== '' && Number(ours) === Number(theirs))
  return same ? undefined : `The page gives \`${param.name}\` the default ${JSON.stringify(param.default)}; the specification says ${JSON.stringify(spec.serverDefault)}.`
}

const UNITS: Record<string, string> = { ms: 'ms', millisecond: 'ms', milliseconds: 'ms', s: 's', second: 's', seconds: 's', m: 'm', minute: 'm', minutes: 'm', h: 'h', hour: 'h', hours: 'h', d: 'd', day: 'd', days: 'd' }

function normaliseDefault(value: string): string {
  const s = value.trim().replace(/^`|`$/g, '').toLowerCase()
  const m = /^(\d+)\s*([a-z]+)$/.exec(s)
  return m && UNITS[m[2]!] ? `${m[1]}${UNITS[m[2]!]}` : s
}
