/**
 * A page's request against one spec endpoint's: path parts and query parameters the other side lacks,
 * required on one side only, typed otherwise (the page's types are those docspec generates), or with
 * another default.
 */
import type { PageTypes } from '../emit/types/page-types.js'
import type { PropertySpec } from '../emit/types/type-expr.js'
import type { PageModel, Param } from '../model/types.js'
import type { Findings } from './findings.js'
import type { SpecProperty, SpecRequest } from './schema.js'
import type { SpecTypes } from './spec-types.js'
import { describeType, typeDifferences } from './type-diff.js'

export function compareRequest(model: PageModel, page: PageTypes, request: SpecRequest, types: SpecTypes, renamed: Map<string, string>, findings: Findings): void {
  const endpoint = request.endpoint.name
  const props = new Map(page.request.properties.filter((p) => p.name !== 'body').map((p) => [p.name, p]))
  const fromSpec = new Map([...renamed].map(([ours, theirs]) => [theirs, ours]))
  const undocumented: string[] = []
  for (const part of request.path) {
    const name = fromSpec.get(part.name) ?? part.name
    const param = model.pathParams.find((p) => p.name === name)
    const prop = props.get(name)
    if (!param || !prop) undocumented.push(`\`{${part.name}}\``)
    else compareParam(param, prop, part, 'Path parameter', types, endpoint, findings)
  }
  for (const param of model.pathParams) {
    if (request.path.some((p) => p.name === (renamed.get(param.name) ?? param.name))) continue
    findings.add('spec-param-unknown', param.position, `Path parameter \`${param.name}\` is not in the specification.`, endpoint)
  }
  const query = [...request.query, ...request.common]
  for (const param of model.queryParams) {
    const spec = query.find((q) => q.name === param.name)
    if (!spec) {
      if (!request.path.some((p) => p.name === param.name)) findings.add('spec-param-unknown', param.position, `Query parameter \`${param.name}\` is not in the specification.`, endpoint)
      continue
    }
    const mismatch = defaultMismatch(param, spec)
    if (mismatch) findings.add('spec-default-mismatch', param.position, mismatch, endpoint)
    const prop = props.get(param.name)
    if (prop) compareParam(param, prop, spec, 'Query parameter', types, endpoint, findings)
  }
  undocumented.push(...request.query.filter((q) => !model.queryParams.some((p) => p.name === q.name)).map((q) => `\`${q.name}\``))
  const pageAt = model.endpoints[0]?.position ?? { file: model.file, line: 1, column: 1 }
  if (undocumented.length > 0) findings.add('spec-param-undocumented', pageAt, `The specification has parameter(s) the page does not document: ${undocumented.join(', ')}.`, endpoint)
}

function compareParam(param: Param, prop: PropertySpec, spec: SpecProperty, what: string, types: SpecTypes, endpoint: string, findings: Findings): void {
  const named = spec.name === param.name ? '' : ` (\`${spec.name}\` in the specification)`
  if (prop.optional === Boolean(spec.required)) {
    const [page, theirs] = prop.optional ? ['optional', 'required'] : ['required', 'optional']
    findings.add('spec-required-mismatch', param.position, `${what} \`${param.name}\`${named} is ${page} on the page and ${theirs} in the specification.`, endpoint)
  }
  const specType = types.value(spec.type)
  if (typeDifferences(prop.type, specType).length > 0) {
    findings.add('spec-type-mismatch', param.position, `${what} \`${param.name}\`${named}: the page's type is \`${describeType(prop.type)}\`; the specification's is \`${describeType(specType)}\`.`, endpoint)
  }
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
