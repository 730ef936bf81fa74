/**
 * Compares page models with a compiled elasticsearch-specification (`schema.json`, as shipped by
 * `@elastic/request-converter`), matched by page id, and reports where the page and the server disagree:
 * endpoints, path placeholders named otherwise, parameters, their types, defaults and required-ness, and
 * the response the page documents or shows, compared with the types docspec generates from the page.
 * The spec only ever produces diagnostics: the model stays what the page says.
 */
import { pageTypes, type PageTypes } from '../emit/types/page-types.js'
import type { Diagnostic, PageModel } from '../model/types.js'
import { Findings } from './findings.js'
import { compareRequest } from './request.js'
import { compareResponse } from './response.js'
import { type Spec, type SpecEndpoint, SpecIndex } from './schema.js'
import { SpecTypes } from './spec-types.js'

export type { Spec } from './schema.js'

export function compareWithSpec(models: PageModel[], spec: Spec): Map<PageModel, Diagnostic[]> {
  const index = new SpecIndex(spec)
  const types = new SpecTypes(index)
  const out = new Map<PageModel, Diagnostic[]>()
  for (const model of models) {
    const endpoints = index.endpoints(model.id)
    if (endpoints.length === 0) continue
    const findings = new Findings()
    const renamed = compareEndpoints(model, endpoints, findings)
    const page: PageTypes = pageTypes(model)
    for (const endpoint of endpoints) {
      compareRequest(model, page, index.request(endpoint), types, renamed, findings)
      compareResponse(model, page, endpoint, types, findings)
    }
    out.set(model, findings.diagnostics())
  }
  return out
}

/**
 * Endpoints the spec does not have, those it has and the page does not document, and path placeholders
 * the page names otherwise. Returns the renames, page name → spec name.
 */
function compareEndpoints(model: PageModel, endpoints: SpecEndpoint[], findings: Findings): Map<string, string> {
  const names = endpoints.map((e) => e.name).join(', ')
  const urls = endpoints.flatMap((e) => e.urls.flatMap((u) => u.methods.map((method) => ({ method, path: u.path }))))
  const written = urls.map((u) => `${u.method} ${u.path}`).join(', ')
  const renamed = new Map<string, string>()
  for (const endpoint of model.endpoints) {
    const matches = urls.filter((u) => u.method === endpoint.method && fits(endpoint.path, u.path))
    if (matches.length === 0) {
      findings.add('spec-endpoint-unknown', endpoint.position, `${endpoint.method} ${endpoint.path} is not an endpoint of ${names} in the specification (${written}); the page may be out of date or misspelt.`)
      continue
    }
    const ours = segments(endpoint.path)
    const theirs = segments(matches[0]!.path)
    ours.forEach((segment, i) => {
      const [a, b] = [placeholder(segment), placeholder(theirs[i]!)]
      if (a === undefined || b === undefined || a === b || renamed.get(a) === b) return
      renamed.set(a, b)
      findings.add('spec-path-part-renamed', endpoint.position, `\`{${a}}\` in ${endpoint.method} ${endpoint.path} is \`{${b}}\` in the specification (${matches[0]!.path}).`)
    })
  }
  const missing = urls.filter((u) => !model.endpoints.some((e) => e.method === u.method && shape(e.path) === shape(u.path)))
  const pageAt = model.endpoints[0]?.position ?? { file: model.file, line: 1, column: 1 }
  if (missing.length > 0) findings.add('spec-endpoint-undocumented', pageAt, `The specification also has ${missing.map((u) => `${u.method} ${u.path}`).join(', ')}, which the page does not document.`)
  return renamed
}

const placeholder = (segment: string): string | undefined => /^\{([^}]*)\}$/.exec(segment)?.[1]

/** `/_xpack/rollup/job/<id>` as `/_rollup/job/{id}`, split into segments. */
function segments(path: string): string[] {
  return ('/' + path.split('?')[0]!.replace(/^\/+/, ''))
    .replace(/^\/_xpack\/(\w+)\//, '/_$1/')
    .replace(/<([^>]*)>/g, '{$1}')
    .replace(/\/+$/, '')
    .split('/')
}

/** A documented path fits a spec path when it has its shape, a documented value (`_all`, `*`) standing for a placeholder. */
function fits(documented: string, spec: string): boolean {
  const ours = shape(documented).split('/')
  const theirs = shape(spec).split('/')
  return ours.length === theirs.length && theirs.every((t, i) => t === ours[i] || (t === '{}' && ours[i] !== ''))
}

/** `/_xpack/rollup/job/<id>` and `/_rollup/job/{job_id}` have the same shape. */
function shape(path: string): string {
  return segments(path).join('/').replace(/\{[^}]*\}/g, '{}')
}
