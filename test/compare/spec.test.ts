import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Spec, SpecProperty, ValueOf } from '../../src/compare/schema.js'
import { SpecIndex } from '../../src/compare/schema.js'
import { compareWithSpec } from '../../src/compare/spec.js'
import { defaultSpecPath, readSpec } from '../../src/compare/spec-file.js'
import type { Endpoint, PageModel, Param, Snippet } from '../../src/model/types.js'
import { emptyPage } from '../model-builders.js'

const at = (line: number) => ({ file: 'stop.asciidoc', line, column: 1 })
const param = (name: string, line: number, extra: Partial<Param> = {}): Param => ({ name, required: false, description: '', position: at(line), ...extra })
const endpoint = (method: Endpoint['method'], path: string, line: number): Endpoint => ({ method, path, position: at(line) })
const type = (name: string, namespace = '_builtins'): ValueOf => ({ kind: 'instance_of', type: { name, namespace } })
const prop = (name: string, valueOf: ValueOf, extra: Partial<SpecProperty> = {}): SpecProperty => ({ name, type: valueOf, ...extra })

function page(fields: Partial<PageModel>): PageModel {
  return emptyPage({ file: 'stop.asciidoc', id: 'widget-stop', title: 'Stop widgets API', ...fields })
}

function response(json: unknown, line = 30): Snippet {
  return { index: 1, role: 'response', language: 'console-result', text: JSON.stringify(json), position: at(line), endLine: line + 3, markers: [], console: false, notConsole: false, testSetup: false, teardown: false, requests: [], responseJson: json }
}

const SPEC: Spec = {
  endpoints: [{ name: 'widget.stop', docId: 'widget-stop', urls: [{ path: '/_widget/{id}/_stop', methods: ['POST'] }], request: { name: 'Request', namespace: 'widget.stop' }, response: { name: 'Response', namespace: 'widget.stop' } }],
  types: [
    {
      kind: 'request',
      name: { name: 'Request', namespace: 'widget.stop' },
      attachedBehaviors: ['CommonQueryParameters'],
      path: [prop('id', type('Ids', '_types'), { required: true })],
      query: [prop('timeout', type('Duration', '_types'), { serverDefault: '30s' }), prop('force', type('boolean'), { serverDefault: false })],
    },
    { kind: 'response', name: { name: 'Response', namespace: 'widget.stop' }, body: { kind: 'properties', properties: [prop('stopped', type('boolean'), { required: true })] } },
    { kind: 'interface', name: { name: 'CommonQueryParameters', namespace: '_spec_utils' }, properties: [prop('pretty', type('boolean'))] },
    { kind: 'type_alias', name: { name: 'Ids', namespace: '_types' }, type: { kind: 'union_of', items: [type('string'), { kind: 'array_of', value: type('string') }] } },
    { kind: 'type_alias', name: { name: 'Duration', namespace: '_types' }, type: { kind: 'union_of', items: [type('string'), { kind: 'literal_value', value: -1 }, { kind: 'literal_value', value: 0 }] } },
  ] as Spec['types'],
}

/** A page that agrees with SPEC everywhere; each case below changes one thing. */
const agreeing = (): Partial<PageModel> => ({
  endpoints: [endpoint('POST', '/_widget/{id}/_stop', 5), endpoint('POST', '/_widget/_all/_stop', 6)],
  pathParams: [param('id', 8, { required: true, type: 'string', list: true })],
  queryParams: [param('timeout', 10, { type: 'time units', default: '30 seconds' }), param('force', 12, { type: 'boolean', default: 'false' }), param('pretty', 14, { type: 'boolean' })],
  examples: [response({ stopped: true })],
})

const found = (fields: Partial<PageModel>) => {
  const model = page(fields)
  return compareWithSpec([model], SPEC).get(model)!
}

describe('compareWithSpec', () => {
  it('is silent when the page agrees: values like _all stand for spec placeholders, attached parameters are known', () => {
    expect(found(agreeing())).toEqual([])
  })

  it.each([
    ['a misspelt path', { endpoints: [endpoint('POST', '/_widget/{id}/_stpo', 5)] }, 'spec-endpoint-unknown', 5, 'POST /_widget/{id}/_stpo'],
    ['a wrong method', { endpoints: [endpoint('DELETE', '/_widget/{id}/_stop', 5)] }, 'spec-endpoint-unknown', 5, 'DELETE'],
    ['a path part named otherwise', { endpoints: [endpoint('POST', '/_widget/{widget_id}/_stop', 5)], pathParams: [param('widget_id', 8, { required: true, list: true })] }, 'spec-path-part-renamed', 5, '`{widget_id}`'],
    ['a query parameter the server does not know', { queryParams: [param('wait', 9, { type: 'boolean' })] }, 'spec-param-unknown', 9, '`wait`'],
    ['a default that differs', { queryParams: [param('timeout', 11, { type: 'time units', default: '1m' })] }, 'spec-default-mismatch', 11, '"1m"'],
    ['a type that differs', { queryParams: [param('force', 12, { type: 'integer' })] }, 'spec-type-mismatch', 12, 'the page\'s type is `number`; the specification\'s is `boolean`'],
    ['one value where the spec takes a list', { pathParams: [param('id', 8, { required: true, type: 'string' })] }, 'spec-type-mismatch', 8, '`string | string[]`'],
    ['a value list that differs', { queryParams: [param('force', 12, { type: 'string', values: ['yes', 'no'] })] }, 'spec-type-mismatch', 12, '"yes" | "no"'],
    ['a path part the page makes optional', { pathParams: [param('id', 8, { type: 'string', list: true, description: 'If omitted, every widget stops.' })] }, 'spec-required-mismatch', 8, 'optional on the page and required'],
    ['a response property the spec lacks', { examples: [response({ stopped: true, took: 3 }, 31)] }, 'spec-field-unknown', 31, '`took`'],
    ['a response property the page makes optional', { examples: [response({ stopped: true }), response({}, 40)] }, 'spec-required-mismatch', 30, '`stopped` is optional on the page'],
    ['a response property typed otherwise', { examples: [response({ stopped: 'yes' }, 33)] }, 'spec-type-mismatch', 33, '`stopped`'],
  ])('reports %s at the page position', (_title, change, rule, line, text) => {
    const fields = { ...agreeing(), ...change } as Partial<PageModel>
    const model = page(fields)
    const diagnostics = compareWithSpec([model], SPEC).get(model)!
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([expect.objectContaining({ rule, severity: 'warning', line, message: expect.stringContaining(text) })])
    expect(model.endpoints).toEqual(fields.endpoints)
  })

  it('notes what the spec has and the page does not document, and skips pages the spec does not know', () => {
    const notes = found({ ...agreeing(), queryParams: [], examples: [] })
    expect(notes.map((d) => [d.rule, d.severity, d.message])).toEqual([
      ['spec-param-undocumented', 'info', 'The specification has parameter(s) the page does not document: `timeout`, `force` (widget.stop).'],
      ['spec-field-undocumented', 'info', "The page documents no response body; the specification's response is `{ stopped }` (widget.stop)."],
    ])
    const other = page({ id: 'unknown-page' })
    expect(compareWithSpec([other], SPEC).has(other)).toBe(false)
  })

  it('reads what a request inherits and its attached behaviours', () => {
    const spec: Spec = {
      endpoints: [{ name: 'cat.widgets', docId: 'cat-widgets', urls: [{ path: '/_cat/widgets', methods: ['GET'] }], request: { name: 'Request', namespace: 'cat.widgets' } }],
      types: [
        { kind: 'request', name: { name: 'Request', namespace: 'cat.widgets' }, inherits: { type: { name: 'CatRequestBase', namespace: 'cat._types' } }, query: [prop('local', type('boolean'))] },
        { kind: 'interface', name: { name: 'CatRequestBase', namespace: 'cat._types' }, attachedBehaviors: ['CommonCatQueryParameters', 'CommonQueryParameters'], properties: [] },
        { kind: 'interface', name: { name: 'CommonCatQueryParameters', namespace: '_spec_utils' }, properties: [prop('format', type('string')), prop('v', type('boolean'))] },
        { kind: 'interface', name: { name: 'CommonQueryParameters', namespace: '_spec_utils' }, properties: [prop('pretty', type('boolean'))] },
      ] as Spec['types'],
    }
    const request = new SpecIndex(spec).request(spec.endpoints[0]!)
    expect(request.query.map((q) => q.name)).toEqual(['local', 'format', 'v'])
    expect(request.common.map((q) => q.name)).toEqual(['pretty'])
  })
})

describe('the default specification', () => {
  it('is the compiled specification @elastic/request-converter ships', () => {
    const file = defaultSpecPath()
    expect(file && existsSync(file)).toBeTruthy()
    expect(readSpec(file!).endpoints.length).toBeGreaterThan(500)
  })
})
