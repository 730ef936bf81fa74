import type { AbstractBlock, Block } from '@asciidoctor/core'
import type { Endpoint, PageModel } from '../model/types.js'
import { children, lineIndexOf } from './asciidoc.js'
import type { PageContext } from './context.js'
import type { LineQueryParam } from './endpoints.js'
import { readParams, type LostParam, type ParamPlace, type ReadParam } from './params.js'
import type { SectionKind } from './sections.js'

/**
 * Where a page's parameters go: read from their sections, then placed by the rules old and damaged pages
 * need (a path parameter in no path is a query parameter, a path parameter listed both with and without
 * its segment is optional, a GET API's scalar body parameters are query parameters too), and checked
 * against the request paths once placeholders are recovered.
 */

export type PageParams = Record<ParamPlace, ReadParam[]>

const PARAM_SECTIONS: [SectionKind, ParamPlace][] = [
  ['pathParams', 'path'],
  ['queryParams', 'query'],
  ['requestBody', 'body'],
  ['responseBody', 'response'],
]

/** The parameters of every parameter section of the page, by place, and the terms that lost their names. */
export function readPageParams(ctx: PageContext, sectionsOf: (kind: SectionKind) => AbstractBlock[]): { params: PageParams; lost: LostParam[] } {
  const lost: LostParam[] = []
  const params: PageParams = { path: [], query: [], body: [], response: [] }
  for (const [kind, place] of PARAM_SECTIONS) {
    for (const section of sectionsOf(kind)) {
      const read = readParams(ctx, section, place)
      params[place].push(...read.params)
      lost.push(...read.lost)
    }
  }
  return { params, lost }
}

const RETURNS_ARRAY = /\breturns an array of ((?:[\w{}-]+ ){0,5}?(?:objects|resources))\b/i

/**
 * "The API returns an array of bucket objects, which have the following properties:" opening the response
 * body section: the properties it lists are those of each element of an array.
 */
export function readResponseArray(ctx: PageContext, sections: AbstractBlock[]): PageModel['responseArray'] {
  for (const section of sections) {
    for (const block of children(section)) {
      if (block.getContext() !== 'paragraph') break
      const m = RETURNS_ARRAY.exec((block as Block).getSource().replace(/\s+/g, ' '))
      if (m) return { of: ctx.text(m[1]!), position: ctx.at(lineIndexOf(block) ?? 0) }
    }
  }
  return undefined
}

/**
 * Applies the placement rules, in order, to the parameters read under the page's request lines.
 * `commaLists`: placeholders a request line writes as a comma list of themselves (`<job_id>,<job_id>`).
 */
export function placeParams(ctx: PageContext, params: PageParams, endpoints: Endpoint[], lineQuery: LineQueryParam[] = [], commaLists: ReadonlySet<string> = new Set()): void {
  addLineQueryParams(params, lineQuery, endpoints)
  moveMisplacedPathParams(ctx, params, endpoints.map((e) => e.path))
  optionalPathParams(params.path, endpoints)
  alsoQueryForGet(ctx, params, endpoints.map((e) => e.method))
  // `GET _transform/<transform_id>,<transform_id>` documents that the path part takes a list, as "a comma-separated list" would.
  for (const read of params.path) if (commaLists.has(read.param.name)) read.param.list = true
}

/**
 * A query string written in a request line (`DELETE /api/cases?ids=["<case ID1>"]`) documents its parameters:
 * those no parameter section lists are query parameters, required when every request line writes them.
 */
function addLineQueryParams(params: PageParams, lineQuery: LineQueryParam[], endpoints: Endpoint[]): void {
  const documented = new Set([...params.query, ...params.path].map((r) => r.param.name))
  const key = (e: Endpoint) => `${e.method} ${e.path}`
  for (const { name, position } of lineQuery) {
    if (documented.has(name)) continue
    documented.add(name)
    const writing = new Set(lineQuery.filter((q) => q.name === name).map((q) => key(q.endpoint)))
    const required = endpoints.every((e) => writing.has(key(e)))
    params.query.push({ param: { name, required, description: '', position }, placeholder: false })
  }
}

/**
 * Older pages list query parameters under "Path parameters". A parameter there that is not written as a
 * placeholder (`<name>`) and appears in no request path is a query parameter; say so.
 */
function moveMisplacedPathParams(ctx: PageContext, params: PageParams, paths: string[]): void {
  if (paths.length === 0) return
  // Old pages list path and query parameters together under "Parameters": placeholders in a path are path parameters.
  params.query = params.query.filter((read) => {
    if (!read.placeholder || !paths.some((p) => p.includes(`{${read.param.name}}`))) return true
    read.param.required = true
    params.path.push(read)
    return false
  })
  params.path = params.path.filter((read) => {
    const name = read.param.name
    if (read.placeholder || paths.some((p) => p.includes(`{${name}}`))) return true
    ctx.report('misplaced-param', read.param.position, `\`${name}\` is documented under path parameters but is in no request path; read as a query parameter.`)
    read.param.required = false
    params.query.push(read)
    return false
  })
}

/**
 * A path parameter written as a placeholder that no request path has (`<policy-id>` beside
 * `/_slm/policy/<snapshot-lifecycle-policy-id>`): one of the two names is wrong. The model keeps both as written.
 */
export function lintUnboundPathParams(ctx: PageContext, pathParams: ReadParam[], endpoints: Endpoint[]): void {
  if (endpoints.length === 0) return
  const inPaths = new Set(endpoints.flatMap((e) => [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)))
  const undocumented = [...inPaths].filter((name) => !pathParams.some((r) => r.param.name === name))
  for (const { param } of pathParams) {
    if (inPaths.has(param.name)) continue
    const hint = undocumented.length ? `; the paths have ${undocumented.map((n) => `{${n}}`).join(', ')}, which no parameter documents` : ''
    ctx.report('misplaced-param', param.position, `\`${param.name}\` is documented as a path parameter, but no request path has {${param.name}}${hint}.`)
  }
}

/**
 * A path parameter the text does not flag is optional when every request with it is also listed without
 * it: old pages list `GET _watcher/stats` and `GET _watcher/stats/<metric>` and describe `metric` with no
 * "Optional", and Kibana's pages list `/api/…` beside its space variant `/s/<space_id>/api/…`. (A page of
 * several APIs may list `GET _x/policy` but no `PUT _x/policy`: still required.)
 */
function optionalPathParams(path: ReadParam[], endpoints: Endpoint[]): void {
  const listed = new Set(endpoints.map((e) => `${e.method} ${e.path}`))
  for (const read of path) {
    const segment = `/{${read.param.name}}`
    const using = endpoints.filter((e) => e.path.includes(`${segment}/`) || e.path.endsWith(segment))
    const without = (e: Endpoint) => [e.path.replace(segment, '') || '/', e.path.startsWith(`/s${segment}/`) ? e.path.slice(segment.length + 2) : undefined]
    if (!read.statedRequired && using.length > 0 && using.every((e) => without(e).some((p) => p !== undefined && listed.has(`${e.method} ${p}`)))) read.param.required = false
  }
}

const SCALAR = /^(?:string|boolean|integer|long|int|short|number|float|double|date|time|time value|timevalue|time units|duration)$/i

/**
 * Elasticsearch reads the scalar parameters of a GET API's request body from the query string too (a GET
 * body is optional in HTTP and many clients cannot send one), and the ML "get" pages document them only
 * under the request body. Such parameters are listed as query parameters as well.
 */
function alsoQueryForGet(ctx: PageContext, params: PageParams, methods: string[]): void {
  if (methods.length === 0 || methods.some((m) => m !== 'GET')) return
  const query = new Set(params.query.map((r) => r.param.name))
  for (const read of params.body) {
    const { type } = read.param
    // Paging is `page.from` / `page.size` in a body and `from` / `size` in the query string.
    const name = read.param.name.replace(/^page\.(from|size)$/, '$1')
    if (query.has(name) || !type || !SCALAR.test(type) || !/^[\w-]+$/.test(name)) continue
    ctx.report('body-param-in-query', read.param.position, `\`${read.param.name}\` is a scalar request-body parameter of a GET API; also listed as query parameter \`${name}\`, as Elasticsearch accepts it there.`)
    params.query.push({ param: { ...read.param, name, required: false }, placeholder: false })
  }
}
