/**
 * The OpenAPI export of the project's fixture pages: a valid OpenAPI 3.1 document by Redocly's rules
 * (strict: warnings count too, examples are checked against their schemas), and one that says what the
 * pages say.
 */
import path from 'node:path'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportOpenApi, type OpenApiDocument } from '../../src/emit/openapi/index.js'
import { extractFiles } from '../../src/extract/index.js'
import type { PageModel } from '../../src/model/types.js'
import { page } from '../emit-types/models.js'

type Json = Record<string, any>

let document: OpenApiDocument
const operation = (p: string, method: string): Json => (document.paths[p] as Json)[method]

/** Redocly's problems for a document, every rule of its strict set an error (bar the two that ask for a licence and a public server). */
async function problems(doc: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended-strict'], rules: { 'info-license': 'off', 'no-server-example.com': 'off' } })
  const found = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config })
  return found.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)
}

beforeAll(async () => {
  const root = path.resolve('.')
  const { models } = await extractFiles([path.resolve('fixtures'), path.resolve('test/compare/pages')], { root })
  ;({ document } = exportOpenApi(models, { title: 'Fixtures', version: '1.0' }))
})

describe('docspec export --format openapi', () => {
  it('is a valid OpenAPI 3.1 document whose examples fit their schemas', async () => {
    expect(document.openapi).toBe('3.1.0')
    expect(await problems(document)).toEqual([])
  })

  it('the validation can fail', async () => {
    const broken = structuredClone(document) as Json
    broken.paths['/_rollup/job/{job_id}/_stop'].post.parameters = []
    const examples = broken.paths['/_gadgets/{gadget_id}'].get.responses['200'].content['application/json'].examples
    Object.values<Json>(examples)[0]!.value.count = 'one'
    const found = await problems(broken)
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^error path-parameters-defined/), expect.stringMatching(/^error no-invalid-media-type-examples/)]))
  })

  it('has an operation per endpoint, by page id, with its parameters as documented', () => {
    const stop = operation('/_rollup/job/{job_id}/_stop', 'post')
    expect(stop).toMatchObject({ operationId: 'rollup-stop-job', summary: 'Stop rollup jobs API', 'x-stability': 'experimental', tags: ['rollup'], 'x-source': 'fixtures/rollup-stop-job.asciidoc:17' })
    expect(stop.parameters).toEqual([
      expect.objectContaining({ name: 'job_id', in: 'path', required: true, schema: { type: 'string' } }),
      expect.objectContaining({ name: 'timeout', in: 'query', required: false, schema: { $ref: '#/components/schemas/Duration', default: '30s' } }),
      expect.objectContaining({ name: 'wait_for_completion', in: 'query', required: false, schema: { type: 'boolean', default: false }, description: expect.stringContaining('block until') }),
    ])
    expect(stop.responses['404']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } })
  })

  it('writes lists, value lists and the response envelope as the types have them, with the examples', () => {
    const get = operation('/_gadgets/{gadget_id}', 'get')
    const param = (name: string) => get.parameters.find((p: Json) => p.name === name)
    expect(param('gadget_id')).toMatchObject({ style: 'simple', explode: false, schema: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } })
    expect(param('expand_wildcards')).toMatchObject({ style: 'form', explode: false })
    expect(param('refresh').schema).toEqual({ anyOf: [{ type: 'boolean' }, { type: 'string', enum: ['true', 'false', 'wait_for'] }], default: false })
    const ok = get.responses['200'].content['application/json']
    expect(ok.schema).toMatchObject({ type: 'object', required: ['count', 'gadgets'], properties: { gadgets: { type: 'array', items: { required: ['gadget_id', 'health', 'created'] } } } })
    expect(Object.values(ok.examples)).toEqual([{ value: { count: 1, gadgets: [{ gadget_id: 'g1', health: 'green', created: 1575402236000 }] } }])
  })

  it('answers HEAD without a body, and a cat API as text or JSON records', () => {
    expect(operation('/_gadgets/{gadget_id}', 'head').responses).toEqual({ '200': expect.any(Object), '404': expect.any(Object) })
    const cat = operation('/_cat/gadgets', 'get').responses['200'].content
    expect(cat['text/plain']).toEqual({ schema: { type: 'string' } })
    expect(cat['application/json'].schema).toMatchObject({ type: 'array', items: { type: 'object', properties: { gadget_id: { type: 'string' } } } })
  })

  it('carries the request examples of the endpoint as request body examples', () => {
    const put = operation('/_rollup/job/{job_id}', 'put')
    expect(put.requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { type: 'object' } } } })
    expect(Object.keys(put.requestBody.content['application/json'].examples).length).toBeGreaterThan(0)
  })

  it('keeps the first of two pages documenting one operation, and names one template per shape', () => {
    const endpoint = (p: string, line: number) => ({ method: 'GET' as const, path: p, position: { file: 'x.asciidoc', line, column: 1 } })
    const a: PageModel = page({ file: 'a.asciidoc', id: 'a', endpoints: [endpoint('/_x/{id}', 1)] })
    const b: PageModel = page({ file: 'b.asciidoc', id: 'b', endpoints: [endpoint('/_x/{name}', 2), { ...endpoint('/_x/{name}', 3), method: 'PUT' }] })
    const { document: doc, diagnostics } = exportOpenApi([b, a])
    expect(Object.keys(doc.paths)).toEqual(['/_x/{id}'])
    expect((doc.paths['/_x/{id}'] as Json).put).toMatchObject({ operationId: 'b-2', parameters: [expect.objectContaining({ name: 'id', in: 'path' })] })
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['openapi-duplicate-operation', 2], ['openapi-path-renamed', 3]])
  })

  it('names each placeholder of a template once', () => {
    const nodes: PageModel = page({ file: 'n.asciidoc', id: 'n', endpoints: [{ method: 'GET', path: '/_nodes/{id}/{id}', position: { file: 'n.asciidoc', line: 4, column: 1 } }] })
    const { document: doc, diagnostics } = exportOpenApi([nodes])
    expect(Object.keys(doc.paths)).toEqual(['/_nodes/{id}/{id2}'])
    expect((doc.paths['/_nodes/{id}/{id2}'] as Json).get.parameters.map((p: Json) => p.name)).toEqual(['id', 'id2'])
    expect(diagnostics.map((d) => d.rule)).toEqual(['openapi-path-renamed'])
  })
})
