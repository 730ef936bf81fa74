import { describe, expect, it } from 'vitest'
import { compareWithSpec, type Spec } from '../../src/compare/spec.js'
import type { Endpoint, PageModel, Param } from '../../src/model/types.js'
import { emptyPage } from '../model-builders.js'

const at = (line: number) => ({ file: 'stop.asciidoc', line, column: 1 })
const param = (name: string, line: number, extra: Partial<Param> = {}): Param => ({ name, required: false, description: '', position: at(line), ...extra })
const endpoint = (method: Endpoint['method'], path: string, line: number): Endpoint => ({ method, path, position: at(line) })

function page(endpoints: Endpoint[], queryParams: Param[]): PageModel {
  return emptyPage({ file: 'stop.asciidoc', id: 'widget-stop', title: 'Stop widgets API', endpoints, queryParams })
}

const SPEC: Spec = {
  endpoints: [{ name: 'widget.stop', docId: 'widget-stop', urls: [{ path: '/_widget/{id}/_stop', methods: ['POST'] }], request: { name: 'Request', namespace: 'widget.stop' } }],
  types: [{ kind: 'request', name: { name: 'Request', namespace: 'widget.stop' }, query: [{ name: 'timeout', serverDefault: '30s' }, { name: 'force', serverDefault: false }] } as Spec['types'][number]],
}

describe('compareWithSpec', () => {
  it('is silent when the page agrees, with placeholder names and values like _all standing for spec placeholders', () => {
    const model = page([endpoint('POST', '/_widget/{widget_id}/_stop', 5), endpoint('POST', '/_widget/_all/_stop', 6)], [param('timeout', 10, { default: '30 seconds' }), param('force', 12, { default: 'false' }), param('pretty', 14)])
    expect(compareWithSpec([model], SPEC).get(model)).toEqual([])
  })

  it.each([
    ['a misspelt path', [endpoint('POST', '/_widget/{id}/_stpo', 5)], [], 'spec-endpoint-unknown', 5],
    ['a wrong method', [endpoint('DELETE', '/_widget/{id}/_stop', 5)], [], 'spec-endpoint-unknown', 5],
    ['a query parameter the server does not know', [endpoint('POST', '/_widget/{id}/_stop', 5)], [param('wait', 9)], 'spec-param-unknown', 9],
    ['a default that differs', [endpoint('POST', '/_widget/{id}/_stop', 5)], [param('timeout', 11, { default: '1m' })], 'spec-default-mismatch', 11],
  ])('reports %s at the page position', (_title, endpoints, params, rule, line) => {
    const model = page(endpoints, params)
    const found = compareWithSpec([model], SPEC).get(model)!
    expect(found.find((d) => d.rule === rule)).toMatchObject({ severity: 'warning', line })
    expect(model.endpoints).toEqual(endpoints)
    expect(model.queryParams).toEqual(params)
  })

  it('notes what the spec has and the page does not document, and skips pages the spec does not know', () => {
    const model = page([endpoint('POST', '/_widget/{id}/_stop', 5)], [])
    expect(compareWithSpec([model], SPEC).get(model)!.map((d) => [d.rule, d.severity])).toEqual([['spec-param-undocumented', 'info']])
    const other = { ...page([], []), id: 'unknown-page' }
    expect(compareWithSpec([other], SPEC).has(other)).toBe(false)
  })
})
