/**
 * One endpoint of a page as an OpenAPI Operation Object: its parameters (schema, default, description,
 * required), its request body (schema and the page's request examples), its responses (the schema
 * docspec types from the page and the page's response examples; documented error codes) and the page's
 * stability (`x-stability`).
 */
import type { Endpoint, PageModel, Param, Snippet } from '../../model/types.js'
import type { PageTypes } from '../types/page-types.js'
import { fitsTemplate, responseSamples } from '../types/response-types.js'
import type { TypeExpr } from '../types/type-expr.js'
import { defaultValue, ref, type Schema, schemaOf } from './schema.js'

export type Operation = Record<string, unknown>

export function operationObject(page: PageModel, types: PageTypes, endpoint: Endpoint, operationId: string, path: string): Operation {
  const requestBody = requestBodyObject(page, types, endpoint)
  return {
    operationId,
    summary: page.title,
    ...(page.description && { description: page.description }),
    tags: [tagOf(endpoint.path)],
    ...(page.stability.level === 'deprecated' && { deprecated: true }),
    'x-stability': page.stability.level,
    ...((page.stability.version || page.stability.note) && { 'x-stability-note': [page.stability.version, page.stability.note].filter(Boolean).join(' ') }),
    'x-source': `${endpoint.position.file}:${endpoint.position.line}`,
    parameters: parameters(page, types, endpoint, path),
    ...(requestBody && { requestBody }),
    responses: responses(page, types, endpoint),
  }
}

/** `_rollup` → `rollup`; a path that starts with a placeholder (`/{index}/_doc`) by its first `_` segment. */
function tagOf(path: string): string {
  const segment = path.split('/').find((s) => s.startsWith('_'))
  return segment ? segment.slice(1) : 'other'
}

/**
 * A parameter for every placeholder of the exported path (named as it names them; the page's own name at
 * the same place says which parameter it is), then the query parameters.
 */
function parameters(page: PageModel, types: PageTypes, endpoint: Endpoint, path: string): Schema[] {
  const property = (name: string) => types.request.properties.find((p) => p.name === name)
  const own = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
  const out: Schema[] = []
  for (const [i, [, name]] of [...path.matchAll(/\{([^}]+)\}/g)].entries()) {
    const param = page.pathParams.find((p) => p.name === own[i])
    const type = property(own[i]!)?.type
    out.push({
      name,
      in: 'path',
      required: true,
      description: param?.description || 'Not documented on the page.',
      schema: type ? schemaOf(type) : { type: 'string' },
      ...(param?.list && { style: 'simple', explode: false }),
    })
  }
  for (const param of page.queryParams) {
    const type = property(param.name)?.type
    if (!type || out.some((p) => p.name === param.name)) continue
    out.push(queryParameter(param, type))
  }
  return out
}

function queryParameter(param: Param, type: TypeExpr): Schema {
  const schema = schemaOf(type)
  return {
    name: param.name,
    in: 'query',
    required: param.required,
    ...(param.description && { description: param.description }),
    ...(param.deprecated && { deprecated: true }),
    schema: param.default === undefined ? schema : { ...schema, default: defaultValue(param.default, type) },
    ...(param.list && { style: 'form', explode: false }),
  }
}

/** The requests of the page's examples that call this endpoint. */
function requestsOf(page: PageModel, endpoint: Endpoint): { snippet: Snippet; request: Snippet['requests'][number] }[] {
  return page.examples.flatMap((snippet) =>
    snippet.requests.filter((r) => r.method === endpoint.method && fitsTemplate(r.path, endpoint.path)).map((request) => ({ snippet, request })),
  )
}

const exampleKey = (position: { file: string; line: number }) => `${position.file.replace(/^.*\//, '')}:${position.line}`

function requestBodyObject(page: PageModel, types: PageTypes, endpoint: Endpoint): Schema | undefined {
  const bodies = requestsOf(page, endpoint).filter(({ request }) => request.body !== undefined)
  if (!types.requestBody && bodies.length === 0) return undefined
  const content: Record<string, Schema> = {}
  const json = bodies.filter(({ request }) => request.body!.kind === 'json' && request.body!.json !== undefined)
  if (types.requestBody || json.length > 0) {
    const examples = Object.fromEntries(json.map(({ request }) => [exampleKey(request.position), { value: request.body!.json }]))
    const schema = types.requestBody ? schemaOf({ kind: 'object', object: types.requestBody }) : {}
    content['application/json'] = { schema, ...(json.length > 0 && { examples }) }
  }
  const ndjson = bodies.filter(({ request }) => request.body!.kind === 'ndjson')
  if (ndjson.length > 0) {
    content['application/x-ndjson'] = { schema: { type: 'string' }, examples: Object.fromEntries(ndjson.map(({ request }) => [exampleKey(request.position), { value: request.body!.raw }])) }
  }
  return { required: page.bodyParams.some((p) => p.required), content }
}

function responses(page: PageModel, types: PageTypes, endpoint: Endpoint): Schema {
  const { response } = types
  const ok: Schema = { description: response.description }
  if (endpoint.method === 'HEAD') {
    ok.description = 'The resource exists (the answer has no body).'
  } else if (response.text) {
    ok.content = { 'text/plain': { schema: { type: 'string' } }, 'application/json': { schema: schemaOf(response.type) } }
  } else if (response.type.kind !== 'unknown') {
    const samples = responseSamples(page)
    const examples = Object.fromEntries(samples.map((s) => [exampleKey(s.position), { value: s.value }]))
    ok.content = { 'application/json': { schema: schemaOf(response.type), ...(samples.length > 0 && { examples }) } }
  }
  const out: Schema = { '200': ok }
  if (endpoint.method === 'HEAD') out['404'] = { description: 'The resource does not exist (the answer has no body).' }
  // Every Elasticsearch API answers an error with the error shape (the API conventions page).
  if (endpoint.method !== 'HEAD' && !page.responseCodes.some((c) => c.code >= 400)) {
    out['4XX'] = { description: 'An Elasticsearch error; the page documents no error codes of its own.', content: { 'application/json': { schema: ref('ErrorResponse') } } }
  }
  for (const code of page.responseCodes) {
    const key = String(code.code)
    if (code.code >= 400) out[key] = { description: code.description || 'A documented error.', content: { 'application/json': { schema: ref('ErrorResponse') } } }
    else if (key !== '200') out[key] = { description: code.description || 'A documented answer.' }
    else ok.description = code.description ? `${ok.description as string} ${code.description}` : ok.description
  }
  return out
}

