/**
 * The response docspec types from a page (documented, or shown by its examples) against a spec endpoint's
 * response body: properties the other side lacks, required on one side only, or typed otherwise, each at
 * the page's line that documents or shows it.
 */
import type { PageTypes } from '../emit/types/page-types.js'
import type { PageModel, SourcePosition } from '../model/types.js'
import type { Findings } from './findings.js'
import type { SpecEndpoint } from './schema.js'
import type { SpecTypes } from './spec-types.js'
import { describeType, type TypeDifference, typeDifferences } from './type-diff.js'

export function compareResponse(model: PageModel, page: PageTypes, endpoint: SpecEndpoint, types: SpecTypes, findings: Findings): void {
  const spec = types.response(endpoint.response)
  const ours = page.response.type
  const at = responsePosition(model)
  if (ours.kind === 'unknown') {
    if (spec.kind !== 'unknown') findings.add('spec-field-undocumented', at, `The page documents no response body; the specification's response is \`${describeType(spec)}\`.`, endpoint.name)
    return
  }
  const undocumented = new Map<string, { at: SourcePosition; names: string[] }>()
  for (const d of typeDifferences(ours, spec, at)) {
    const where = d.position ?? at
    const name = pathText(d.path)
    switch (d.kind) {
      case 'only-page':
        findings.add('spec-field-unknown', where, `Response property \`${name}\` is not in the specification's response.`, endpoint.name)
        break
      case 'only-spec': {
        const parent = pathText(d.path.slice(0, -1))
        const entry = undocumented.get(parent) ?? { at: where, names: [] }
        entry.names.push(`\`${d.path.at(-1)}\``)
        undocumented.set(parent, entry)
        break
      }
      case 'required-on-page':
      case 'required-in-spec': {
        const [page, theirs] = d.kind === 'required-on-page' ? ['always present on the page', 'optional in the specification'] : ['optional on the page', 'required in the specification']
        findings.add('spec-required-mismatch', where, `Response property \`${name}\` is ${page} and ${theirs}.`, endpoint.name)
        break
      }
      default:
        findings.add('spec-type-mismatch', where, `${name ? `Response property \`${name}\`` : 'The response'}: the page's type is \`${describeType(d.page)}\`; the specification's is \`${describeType(d.spec)}\`.`, endpoint.name)
    }
  }
  for (const [parent, entry] of undocumented) {
    const within = parent ? ` in \`${parent}\`` : ''
    // A container of variants (an aggregation's 80 kinds) is named by its first properties and a count.
    const names = entry.names.length > 12 ? `${entry.names.slice(0, 10).join(', ')} and ${entry.names.length - 10} more` : entry.names.join(', ')
    findings.add('spec-field-undocumented', entry.at, `The specification's response has ${names}${within}, which the page neither documents nor shows.`, endpoint.name)
  }
}

/** `jobs[].config.groups`, `indices.*.policy`. */
function pathText(path: TypeDifference['path']): string {
  return path.map((p, i) => (p === '[]' ? '[]' : i === 0 ? p : `.${p}`)).join('')
}

/** Where the page documents its response: the response body section, else its first response example. */
function responsePosition(model: PageModel): SourcePosition {
  const example = model.examples.find((s) => s.role === 'response')
  return model.responseBody[0]?.position ?? example?.position ?? model.endpoints[0]?.position ?? { file: model.file, line: 1, column: 1 }
}
