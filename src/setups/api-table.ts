/**
 * The API table REST-test steps are translated with: API name → URLs (path template, methods, path parts)
 * and whether the body is NDJSON. Read from a compiled elasticsearch-specification `schema.json` (by default
 * the one `@elastic/request-converter` ships) or from the rest-api-spec JSON files of an Elasticsearch
 * checkout. It translates setup steps only; a page's model never comes from it.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { HTTP_METHODS, type HttpMethod } from '../model/types.js'

export interface ApiUrl {
  path: string
  methods: HttpMethod[]
  parts: string[]
}

export interface Api {
  name: string
  urls: ApiUrl[]
  /** The body is newline-delimited JSON (`bulk`, `msearch`). */
  ndjson: boolean
}

export type ApiTable = ReadonlyMap<string, Api>

const tables = new Map<string, ApiTable>()

/** The table from `source` (a `schema.json` or a rest-api-spec folder), read once per process. */
export function apiTable(source?: string): ApiTable {
  const file = source ?? createRequire(import.meta.url).resolve('@elastic/request-converter/dist/schema.json')
  let table = tables.get(file)
  if (!table) {
    table = fs.statSync(file).isDirectory() ? fromRestApiSpec(file) : fromSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown)
    if (table.size === 0) throw new Error(`${file} lists no APIs`)
    tables.set(file, table)
  }
  return table
}

interface SchemaEndpoint {
  name: string
  urls?: { path: string; methods: string[] }[]
  requestMediaType?: string[]
}

function fromSchema(schema: unknown): ApiTable {
  const endpoints = (schema as { endpoints?: SchemaEndpoint[] }).endpoints ?? []
  return new Map(
    endpoints.map((e) => [
      e.name,
      { name: e.name, urls: (e.urls ?? []).map((u) => url(u.path, u.methods)), ndjson: (e.requestMediaType ?? []).some((m) => m.includes('ndjson')) },
    ]),
  )
}

interface RestApiSpec {
  methods?: string[]
  url?: { path?: string; paths?: (string | { path: string; methods: string[] })[] }
  body?: { serialize?: string }
  headers?: { content_type?: string[] }
}

/** `rest-api-spec/api/*.json`: one API per file, `url.paths` with methods (7.x) or plain paths (6.x). */
function fromRestApiSpec(dir: string): ApiTable {
  const table = new Map<string, Api>()
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_')).sort()) {
    const content = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, RestApiSpec>
    for (const [name, spec] of Object.entries(content)) {
      const paths = spec.url?.paths ?? (spec.url?.path ? [spec.url.path] : [])
      const urls = paths.map((p) => (typeof p === 'string' ? url(p, spec.methods ?? []) : url(p.path, p.methods)))
      const ndjson = spec.body?.serialize === 'bulk' || (spec.headers?.content_type ?? []).some((t) => t.includes('ndjson'))
      table.set(name, { name, urls, ndjson })
    }
  }
  return table
}

function url(template: string, methods: string[]): ApiUrl {
  const known = methods.map((m) => m.toUpperCase()).filter((m): m is HttpMethod => (HTTP_METHODS as readonly string[]).includes(m))
  return { path: template, methods: known, parts: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) }
}

/**
 * The URL the Elasticsearch YAML test runner picks for the given parameters: the most specific one whose
 * path parts are all given. Undefined when every URL needs a part that is not given.
 */
export function chooseUrl(api: Api, given: ReadonlySet<string>): ApiUrl | undefined {
  let best: ApiUrl | undefined
  for (const candidate of api.urls) {
    if (candidate.parts.every((p) => given.has(p)) && (!best || candidate.parts.length > best.parts.length)) best = candidate
  }
  return best
}

/** GET (without a body) or the first method that takes one (with a body), else the first listed. */
export function chooseMethod(candidate: ApiUrl, hasBody: boolean): HttpMethod {
  const methods = candidate.methods.length > 0 ? candidate.methods : (['GET'] as HttpMethod[])
  if (!hasBody) return methods.includes('GET') ? 'GET' : methods[0]!
  return methods.find((m) => m !== 'GET' && m !== 'HEAD') ?? methods[0]!
}
