import fs from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'
import type { PageModel, Param } from '../../src/model/types.js'
import { documentedApi } from '../../src/serve/answer.js'
import { apiPage, extractModel } from './pages.js'

// Pages of our own in the house styles of Kibana and of solution books (test/fixtures/kibana).
const ROOT = path.resolve(import.meta.dirname, '../fixtures/kibana')
const { models } = await extractFiles([ROOT], { root: ROOT })
const page = (file: string): PageModel => models.find((m) => m.file === file)!
const endpoints = (m: PageModel) => m.endpoints.map((e) => `${e.method} ${e.path}`)
const names = (params: Param[]): string[] => params.map((p) => `${p.name}${p.required ? '' : '?'}`)
const tree = (params: Param[]): unknown => params.map((p) => (p.children ? { [p.name]: tree(p.children) } : p.name))
const findings = (m: PageModel) => m.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)

const schema: object = JSON.parse(fs.readFileSync(new URL('../../src/model/schema.json', import.meta.url), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: true }).compile<PageModel>(schema)

it.each(models.map((m) => [m.file, m] as const))('%s validates against the schema (headers, targets)', (_file, model) => {
  expect(validate(model) ? [] : validate.errors).toEqual([])
})

describe('request lines as Kibana writes them', () => {
  it('drops the host, and lists the space variant as an endpoint too', () => {
    const m = page('gadgets/create.asciidoc')
    expect(endpoints(m)).toEqual(['POST /api/gadgets/gadget/{gadget_id}', 'POST /s/{space_id}/api/gadgets/gadget/{gadget_id}'])
    expect(names(m.pathParams)).toEqual(['space_id?', 'gadget_id'])
    expect(m.diagnostics).toEqual([])
  })

  it('reads placeholders with spaces, the documented name first, and the query string of the line', () => {
    const m = page('gadgets/find.asciidoc')
    expect(endpoints(m)).toEqual(['GET /api/gadgets/_find', 'GET /s/{space_id}/api/gadgets/_find', 'DELETE /api/gadgets/gadget/{gadget_id}'])
    // `ids` is written in the GET lines only: documented by them, not required by the DELETE.
    expect(names(m.queryParams)).toEqual(['per_page?', 'ids?'])
    expect(m.queryParams[1]).toMatchObject({ name: 'ids', position: { line: 13, column: 45 } })
    expect(m.diagnostics).toEqual([])
  })

  it.each<[string, string, string[]]>([
    ['a placeholder no parameter names', '`GET <kibana host>:<port>/api/cases/<case ID>`', ['GET /api/cases/{case_ID}']],
    ['a query parameter every line writes is required', '`DELETE <host>:<port>/api/cases?ids=["<case ID1>"]`', ['DELETE /api/cases', 'ids']],
    ['an https URL', '`GET https://kibana.example.com:5601/api/status`', ['GET /api/status']],
  ])('%s', async (_name, line, want) => {
    const m = await extractModel(apiPage('', line))
    expect([...endpoints(m), ...names(m.queryParams)]).toEqual(want)
  })

  it('keeps a host-like placeholder opening the path, with a warning', () => {
    const m = page('reports/host-placeholder.asciidoc')
    expect(endpoints(m)).toEqual(['GET /{kibana}/api/reports/_status'])
    expect(findings(m)).toEqual(['8:6 host-in-path'])
  })
})

describe('sections as each house names them', () => {
  it('Request URL, URL parts, HTTP request, Response payload, Response codes at any level, discrete or not', () => {
    const m = page('reports/get-report.asciidoc')
    expect(endpoints(m)).toEqual(['GET /api/reports/{report_id}', 'HEAD /api/reports/{report_id}'])
    expect(names(m.pathParams)).toEqual(['report_id'])
    expect(names(m.responseBody)).toEqual(['status?'])
    expect(m.responseCodes.map((c) => c.code)).toEqual([200])
    expect(m.diagnostics).toEqual([])
  })

  it('Query Parameters, Request Body and collapsible lists nested three levels deep', () => {
    const m = page('gadgets/create.asciidoc')
    expect(names(m.queryParams)).toEqual(['overwrite?'])
    expect(tree(m.bodyParams)).toEqual(['name', { parts: ['kind', { fittings: ['screw', 'glue'] }] }])
    expect(m.responseCodes.map((c) => c.code)).toEqual([200, 409])
  })
})

describe('Kibana examples', () => {
  it('a // KIBANA curl command is a request with its headers, and the JSON "The API returns" answers it', () => {
    const [request, response] = page('gadgets/create.asciidoc').examples
    expect(request).toMatchObject({ role: 'request', target: 'kibana', console: false, markers: ['// KIBANA'] })
    expect(request!.requests).toMatchObject([
      { method: 'POST', path: '/api/gadgets/gadget/g-1', query: { overwrite: 'true' }, headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' }, body: { kind: 'json', json: { name: 'Gadget one', parts: [{ kind: 'wheel' }] } }, position: { line: 74, column: 3 } },
    ])
    expect(response).toMatchObject({ role: 'response', target: 'kibana', answers: 0, responseJson: { id: 'g-1', name: 'Gadget one' } })
  })

  it('a bare request line and a [source,json] response; a curl command on continued lines', () => {
    const [get, found, del] = page('gadgets/find.asciidoc').examples
    expect(get!.requests).toMatchObject([{ method: 'GET', path: '/api/gadgets/_find', query: { ids: '["g-1","g-2"]', per_page: '5' } }])
    expect(found).toMatchObject({ role: 'response', language: 'json', answers: 0, responseJson: [{ id: 'g-1' }, { id: 'g-2' }] })
    expect(del!.requests).toMatchObject([{ method: 'DELETE', path: '/api/gadgets/gadget/g-1', headers: { 'kbn-xsrf': 'true' } }])
  })

  it('an example response of a solution book page answers its request', () => {
    const [request, response] = page('reports/get-report.asciidoc').examples
    expect(request!.requests).toMatchObject([{ method: 'GET', path: '/api/reports/r-1', query: {} }])
    expect(request!.requests[0]!.headers).toBeUndefined()
    expect(response).toMatchObject({ role: 'response', answers: 0, responseJson: { status: 'done' } })
  })

  it('on a Kibana page, an unmarked request is a Kibana request, and JSON introduced as a response is one without a request', async () => {
    const m = await extractModel(apiPage('==== Example\n\n[source,sh]\n----\nPOST /api/widgets\n{ "a": 1 }\n----\n\nThe API returns:\n\n[source,sh]\n----\n{ "id": "w" }\n----\n\nThe file holds:\n\n[source,sh]\n----\n{ "not": "a response" }\n----\n', '`POST <kibana host>:<port>/api/widgets`'))
    expect(m.examples.map((s) => `${s.role} ${s.target ?? ''}`.trim())).toEqual(['request kibana', 'response kibana', 'other'])
    const alone = await extractModel(apiPage('==== Example\n\nThe API returns the following:\n\n[source,sh]\n----\n{ "id": "w" }\n----\n', '`GET <kibana host>:<port>/api/widgets`'))
    expect(alone.examples).toMatchObject([{ role: 'response', responseJson: { id: 'w' } }])
    expect(alone.diagnostics).toEqual([])
  })

  it('an Elasticsearch page keeps its unmarked JSON as it is', async () => {
    const m = await extractModel(apiPage('==== Example\n\n[source,console]\n----\nGET _demo/1\n----\n\nThe API returns the following:\n\n[source,js]\n----\n{ "id": "1" }\n----\n'))
    expect(m.examples.map((s) => s.role)).toEqual(['request', 'other'])
  })
})

describe('attributes Kibana pages use', () => {
  it('{api-kibana}, {a-data-source} and {sn} are built in, as their Elasticsearch siblings; Kibana book attributes are undefined', async () => {
    const m = await extractModel(apiPage('Refer to {api-kibana}/group/gadgets[Gadget APIs] for {a-data-source}, in {sn}, see {kib-repo-dir}.'))
    expect(m.description).toBe('Does demo things.')
    expect(m.diagnostics.map((d) => `${d.rule} ${d.message.slice(0, 24)}`)).toEqual(['undefined-attribute Attribute {kib-repo-dir}'])
  })
})

describe('the embedded server answers Kibana examples as it answers console ones', () => {
  it('routes the documented paths and answers with the documented response', async () => {
    const { answer, notes } = documentedApi(models)
    expect(notes).toEqual([])
    const got = answer({ method: 'POST', path: '/s/marketing/api/gadgets/gadget/g-1', query: 'overwrite=true', headers: { 'kbn-xsrf': 'true' }, body: '{"name":"Gadget one"}' })
    expect({ status: got.status, body: JSON.parse(String(got.body)) }).toEqual({ status: 200, body: { id: 'g-1', name: 'Gadget one' } })
    expect(answer({ method: 'GET', path: '/api/gadgets/_find', query: 'per_page=5', headers: {}, body: '' }).status).toBe(200)
  })
})

describe('never silent: a page that documents a request and yields no endpoint says why', () => {
  it('a request line under a heading that is no Request section; curl slips', () => {
    const m = page('reports/broken.asciidoc')
    expect(m.endpoints).toEqual([])
    expect(m.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual(['9:2 warning no-endpoint', '15:11 warning curl-syntax', '22:3 error curl-syntax'])
    expect(m.diagnostics[0]!.message).toMatch(/`POST <kibana host>:<port>\/api\/reports\/_purge` stands under "Usage", which is no Request section/)
  })

  it('a Request URL section whose line names no HTTP method', () => {
    const m = page('reports/unknown-method.asciidoc')
    expect(m.endpoints).toEqual([])
    expect(m.diagnostics).toMatchObject([{ rule: 'no-endpoint', line: 6, message: expect.stringContaining('`FETCH` is no HTTP method') }])
  })

  it('Kibana examples on a page without a request line', async () => {
    const m = await extractModel('[[w]]\n=== Widgets\n\nWidgets.\n\n[source,sh]\n----\n$ curl -X GET api/widgets\n----\n// KIBANA\n')
    expect(m.endpoints).toEqual([])
    expect(m.diagnostics).toMatchObject([{ rule: 'no-endpoint', line: 8, column: 3, message: expect.stringContaining('GET /api/widgets') }])
  })
})

describe('the space of a space variant', () => {
  it('is an optional path parameter even when the text does not say so', async () => {
    const m = await extractModel(apiPage('==== Path parameters\n\n`space_id`::\n(string) The space.\n', '`GET <kibana host>:<port>/api/widgets`\n\n`GET <kibana host>:<port>/s/<space_id>/api/widgets`'))
    expect(m.pathParams).toMatchObject([{ name: 'space_id', required: false }])
  })
})

describe("the oldest pages' Request sections: a request named in a sentence, and its example", () => {
  const oldPage = (sentence: string, example: string) =>
    `[[gadget-delete]]\n=== Delete gadget\n\n==== Request\n\nTo delete a gadget, submit a ${sentence}\nendpoint:\n\n[source,js]\n----\n${example}\n----\n// KIBANA\n`

  it('reads the sentence as the request line, and the example filling it as an example', async () => {
    const m = await extractModel(oldPage('DELETE request to the\n`/api/gadgets/gadget/<gadget_id>`', 'DELETE /api/gadgets/gadget/g-1'))
    expect(endpoints(m)).toEqual(['DELETE /api/gadgets/gadget/{gadget_id}'])
    expect(m.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['12:1 example-request-line'])
    expect(m.examples[0]).toMatchObject({ role: 'request', target: 'kibana', requests: [{ method: 'DELETE', path: '/api/gadgets/gadget/g-1' }] })
  })

  it('keeps the sentence when the example calls it with another method, and says one is wrong', async () => {
    const m = await extractModel(oldPage('POST request to `/api/gadgets/gadget/<gadget_id>`', 'GET /api/gadgets/gadget/g-1'))
    expect(endpoints(m)).toEqual(['POST /api/gadgets/gadget/{gadget_id}'])
    expect(m.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['11:1 method-mismatch'])
  })
})
