import { describe, expect, it } from 'vitest'
import { parseDocType } from '../../src/emit/types/doc-types.js'
import { emitTypes } from '../../src/emit/types/index.js'
import { baseName } from '../../src/emit/types/naming.js'
import { render } from '../../src/emit/types/type-expr.js'
import type { PageModel } from '../../src/model/types.js'
import { at, nastyPage, page, param, rollupStopJob, snippet, stopDfanalytics } from './models.js'

const endpoint = (path: string) => ({ method: 'GET' as const, path, position: at('x.asciidoc', 1) })

async function moduleText(models: PageModel[], name: string): Promise<string> {
  const { files } = await emitTypes(models)
  const file = files.find((f) => f.path === `types/${name}.ts`)
  if (!file) throw new Error(`no types/${name}.ts among ${files.map((f) => f.path).join(', ')}`)
  return file.content
}

describe('base names', () => {
  it.each([
    ['rollup-stop-job', 'Stop rollup jobs API', '/_rollup/job/{job_id}/_stop', 'RollupStopJob'],
    ['stop-dfanalytics', 'Stop data frame analytics jobs API', '/_ml/data_frame/analytics/{id}/_stop', 'MlStopDataFrameAnalyticsJobs'],
    ['cat-indices', 'cat indices API', '/_cat/indices/{index}', 'CatIndices'],
    ['cluster-stats', 'Cluster stats API', '/_cluster/stats', 'ClusterStats'],
    ['ilm-get-lifecycle', 'Get lifecycle policies API', '/_ilm/policy/{policy_id}', 'IlmGetLifecyclePolicies'],
    ['slm-api-get-policy', 'Get snapshot lifecycle policies API', '/_slm/policy', 'SlmGetSnapshotLifecyclePolicy'],
    ['docs-index_', 'Index API', '/{index}/_doc/{id}', 'Index'],
    ['indices-create-index', 'Create index API', '/{index}', 'CreateIndex'],
    ['ilm-explain-lifecycle', 'Explain lifecycle API', '/{index}/_ilm/explain', 'IlmExplainLifecycle'],
    ['docs-multi-get', 'Multi get API', '/{index}/_mget', 'MultiGet'],
    ['docs-update', 'Update API', '/{index}/_update/{id}', 'Update'],
    ['weird', '*/ ${x} `API`', '/_x', 'X'],
    ['2fa-page', '', '/{a}', 'Api2faPage'],
    ['', 'ünïcödé', '/{a}', 'Unicode'],
    ['', '日本', '/{a}', 'Stats'],
    ['', '', '/{a}', 'Stats'],
  ])('id %j, title %j, path %j → %s', (id, title, path, want) => {
    expect(baseName(page({ file: 'dir/stats.asciidoc', id, title, endpoints: [endpoint(path)] }))).toBe(want)
  })
})

describe('documented types', () => {
  it.each([
    ['string', 'string'],
    ['Boolean', 'boolean'],
    ['integer', 'number'],
    ['long', 'number'],
    ['double', 'number'],
    ['TimeValue', 'Duration'],
    ['time value', 'Duration'],
    ['<<time-units, time units>>', 'Duration'],
    ['array of strings', 'string[]'],
    ['string[]', 'string[]'],
    ['list', 'string[]'],
    ['array', 'unknown[]'],
    ['array of objects', 'Record<string, unknown>[]'],
    ['string or array', 'string | string[]'],
    ['object', 'Record<string, unknown>'],
    ['<<query-dsl,query object>>', 'Record<string, unknown>'],
    ['object map of string:double', 'Record<string, number>'],
    ['object map of strings', 'Record<string, string>'],
    ['unsigned integer', 'number'],
    ['flux capacitor', 'unknown'],
  ])('%j → %s', (documented, want) => {
    expect(render(parseDocType(documented).type, () => 'Object')).toBe(want)
  })

  it('reports the parts it does not know', () => {
    expect(parseDocType('string or flux capacitor').unknownParts).toEqual(['flux capacitor'])
  })
})

describe('request types', () => {
  const file = 'p.asciidoc'
  const withQuery = (q: Partial<PageModel['queryParams'][number]> & { name: string }) =>
    page({ file, id: 'p', title: 'Do thing API', endpoints: [endpoint('/_p/{id}')], queryParams: [param(file, 5, q)] })

  it.each([
    [{ name: 'q', type: 'enum', values: ['open', 'closed'] }, "q?: 'open' | 'closed'"],
    [{ name: 'q', values: ['open', 'closed'] }, "q?: 'open' | 'closed'"],
    [{ name: 'q', type: 'string', list: true }, 'q?: string | string[]'],
    [{ name: 'q', type: 'string', values: ['a', 'b'], list: true }, "q?: 'a' | 'b' | ('a' | 'b')[]"],
    [{ name: 'q', type: 'string', description: 'A comma-separated list of names.' }, 'q?: string\n'],
    [{ name: 'q', type: 'integer', required: true }, 'q: number'],
    [{ name: 'refresh', type: 'enum', values: ['true', 'false', 'wait_for'] }, "refresh?: boolean | 'true' | 'false' | 'wait_for'"],
    [{ name: 'shards', type: 'string', values: ['all'], anyNumber: true }, "shards?: 'all' | number"],
    [{ name: 'q', type: 'date' }, 'q?: DateTime'],
    [{ name: 'q', type: 'string', default: '8h' }, 'q?: Duration'],
    [{ name: 'time', type: 'time units', description: 'Unit used to display time values.' }, 'time?: TimeUnit'],
    [{ name: 'bytes', type: 'byte size units', description: 'Unit used to display byte values.' }, 'bytes?: ByteUnit'],
    [{ name: 'timeout', type: 'time units', description: 'Period to wait.' }, 'timeout?: Duration'],
    [{ name: 'q', default: '5m' }, 'q?: Duration'],
    [{ name: 'q', default: 'false' }, 'q?: boolean'],
    [{ name: 'q' }, 'q?: unknown'],
    [{ name: 'q-1', type: 'string' }, "'q-1'?: string"],
  ])('%j → %s', async (q, want) => {
    expect(await moduleText([withQuery(q)], 'PDoThing')).toContain(want)
  })

  it.each([
    [['/_p/{id}'], 'id: string'],
    [['/_p', '/_p/{id}'], 'id?: string'],
    [['/_p/{id}/_stop', '/_p/_all/_stop'], 'id: string'],
    [['/_p/{id}/_stop', '/_p/_stop'], 'id?: string'],
  ])('path param with endpoints %j → %s', async (paths, want) => {
    const model = page({ file, id: 'p', title: 'Do thing API', endpoints: paths.map(endpoint), pathParams: [param(file, 2, { name: 'id', type: 'string', required: true })] })
    expect(await moduleText([model], 'PDoThing')).toContain(want)
  })

  it.each([
    [{ required: false, description: 'If it is `_all` or omitted, all of them.' }, 'id?: string'],
    [{ required: false, description: 'The identifier.' }, 'id: string'],
    [{ name: 'part', required: true, description: 'In no path (the path says {part_num}).' }, 'part: string'],
  ])('path param the page flags Optional: %j → %s', async (fields, want) => {
    const model = page({ file, id: 'p', title: 'Do thing API', endpoints: [endpoint('/_p/{id}')], pathParams: [param(file, 2, { name: 'id', type: 'string', ...fields })] })
    expect(await moduleText([model], 'PDoThing')).toContain(want)
  })

  it('nests body children and types arrays of objects', async () => {
    const model = page({
      file,
      id: 'p',
      title: 'Do thing API',
      endpoints: [endpoint('/_p')],
      bodyParams: [
        param(file, 3, {
          name: 'rules',
          type: 'array of objects',
          children: [param(file, 4, { name: 'field', type: 'string', required: true })],
        }),
      ],
    })
    const text = await moduleText([model], 'PDoThing')
    expect(text).toContain('body?: PDoThingRequestBody')
    expect(text).toContain('rules?: PDoThingRequestBodyRules[]')
    expect(text).toMatch(/export interface PDoThingRequestBodyRules \{[^}]*field: string/)
  })

  it('never emits any', async () => {
    const { files } = await emitTypes([rollupStopJob(), stopDfanalytics(), nastyPage()])
    for (const f of files.filter((f) => f.path.endsWith('.ts'))) expect(f.content).not.toMatch(/:\s*any\b|<any>|any\[\]/)
  })
})

describe('diagnostics', () => {
  it('warns about unknown documented types with their position', async () => {
    const { diagnostics } = await emitTypes([nastyPage()])
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ file: 'nasty/evil-page.asciidoc', line: 8, severity: 'warning', rule: 'unknown-type', message: expect.stringContaining('"flux capacitor"') }),
    )
  })

  it('renames colliding pages in file order and says so, whatever the input order', async () => {
    const a = page({ file: 'a.asciidoc', id: 'get', title: 'Get API', endpoints: [endpoint('/_x')] })
    const b = page({ file: 'b.asciidoc', id: 'get', title: 'Get API', endpoints: [endpoint('/_x/{id}')] })
    for (const input of [[a, b], [b, a]]) {
      const { files, diagnostics } = await emitTypes(input)
      expect(files.map((f) => f.path)).toEqual(['types/_common.ts', 'types/XGet.ts', 'types/XGet2.ts', 'index.ts', 'endpoints.json'])
      expect(files.find((f) => f.path === 'types/XGet2.ts')!.content).toContain('// Generated by docspec from b.asciidoc. Do not edit.')
      expect(diagnostics).toEqual([expect.objectContaining({ file: 'b.asciidoc', rule: 'name-collision', severity: 'warning' })])
    }
  })

  it('joins a property documented twice and warns at the second place', async () => {
    const file = 'd.asciidoc'
    const model = page({
      file,
      id: 'd',
      title: 'Dup API',
      endpoints: [endpoint('/_d')],
      queryParams: [param(file, 3, { name: 'a', type: 'string', required: true }), param(file, 9, { name: 'a', type: 'integer' })],
    })
    const { files, diagnostics } = await emitTypes([model])
    expect(files.find((f) => f.path === 'types/DDup.ts')!.content).toContain('a?: string | number')
    expect(diagnostics).toEqual([expect.objectContaining({ file, line: 9, rule: 'duplicate-param', severity: 'warning' })])
  })

  it('leaves out a query param named like a path param', async () => {
    const file = 'd.asciidoc'
    const model = page({
      file,
      id: 'd',
      title: 'Dup API',
      endpoints: [endpoint('/_d/{a}')],
      pathParams: [param(file, 3, { name: 'a', type: 'string', required: true })],
      queryParams: [param(file, 9, { name: 'a', type: 'integer' })],
    })
    const { files, diagnostics } = await emitTypes([model])
    expect(files.find((f) => f.path === 'types/DDup.ts')!.content).toMatch(/\ba: string\n/)
    expect(diagnostics).toEqual([expect.objectContaining({ file, line: 9, rule: 'duplicate-param', message: expect.stringContaining('left out') })])
  })

  it('keeps a page named like a shared type away from it', async () => {
    const { files, diagnostics } = await emitTypes([page({ file: 'e.asciidoc', id: 'e', title: 'Error API', endpoints: [endpoint('/{x}')] })])
    expect(files.map((f) => f.path)).toContain('types/Error2.ts')
    expect(diagnostics.map((d) => d.rule)).toEqual(['name-collision'])
  })
})

describe('output', () => {
  it('is byte-identical when emitted twice or from shuffled input', async () => {
    const models = [rollupStopJob(), stopDfanalytics(), nastyPage()]
    const first = await emitTypes(models)
    const again = await emitTypes([models[2]!, models[0]!, models[1]!])
    expect(again.files).toEqual(first.files)
  })

  it('starts every TypeScript file with the header and indexes every module', async () => {
    const { files } = await emitTypes([rollupStopJob(), stopDfanalytics()])
    for (const f of files.filter((f) => f.path.endsWith('.ts'))) expect(f.content).toMatch(/^\/\/ Generated by docspec from [^\n]+\. Do not edit\.\n/)
    expect(files.find((f) => f.path === 'types/RollupStopJob.ts')!.content.split('\n')[0]).toBe(
      '// Generated by docspec from rollup/apis/stop-job.asciidoc. Do not edit.',
    )
    expect(files.find((f) => f.path === 'index.ts')!.content).toContain("export * from './types/RollupStopJob.js'")
  })

  it('writes endpoints.json with all models sorted by file and keys sorted', async () => {
    const noEndpoints = page({ file: 'a/overview.asciidoc' })
    const { files } = await emitTypes([rollupStopJob(), noEndpoints])
    const json = files.find((f) => f.path === 'endpoints.json')!.content
    const parsed = JSON.parse(json) as PageModel[]
    expect(parsed.map((m) => m.file)).toEqual(['a/overview.asciidoc', 'rollup/apis/stop-job.asciidoc'])
    expect(Object.keys(parsed[0]!)).toEqual([...Object.keys(parsed[0]!)].sort())
    expect(files.map((f) => f.path)).not.toContain('types/Overview.ts')
  })

  it('keeps the order of documented query strings in endpoints.json', async () => {
    const { files } = await emitTypes([rollupStopJob()])
    const json = JSON.parse(files.find((f) => f.path === 'endpoints.json')!.content) as PageModel[]
    expect(Object.keys(json[0]!.examples[0]!.requests[0]!.query)).toEqual(['wait_for_completion', 'timeout'])
  })
})

describe('inferred responses', () => {
  const file = 'r.asciidoc'
  const withResponses = (...bodies: unknown[]) =>
    page({
      file,
      id: 'r',
      title: 'Get thing API',
      endpoints: [endpoint('/_r')],
      examples: bodies.map((b, i) => snippet(file, i, { role: 'response', responseJson: b })),
    })

  it.each([
    ['scalar disagreement → union', [{ a: 1 }, { a: 'x' }], ['a: number | string']],
    ['absent from one example → optional', [{ a: 1, b: true }, { a: 2 }], ['a: number', 'b?: boolean']],
    ['$body and ... say nothing', [{ a: '$body.a', '...': 1 }, { a: 2 }], ['a: number']],
    ['only elided → unknown', [{ a: '$body.a' }], ['a: unknown']],
    ['empty array → unknown[]', [{ a: [] }], ['a: unknown[]']],
    ['nested objects → interfaces', [{ a: { b: 1 } }], ['a: RGetThingResponseA', 'b: number']],
    ['keys that are data → record', [{ indices: { my_index: { n: 1 }, 'test-000069': { n: 2, m: true } } }], ['indices: Record<string, RGetThingResponseIndicesValue>', 'm?: boolean']],
    ['keys varying across examples → record', [{ a: { x: { n: 1 } } }, { a: { y: { n: 2 } } }], ['a: Record<string, RGetThingResponseAValue>']],
    ['field-like keys → interface', [{ a: { x: { n: 1 }, y: { n: 2 } } }], ['a: RGetThingResponseA', 'x: RGetThingResponseAX']],
    ['top-level array → alias', [[{ a: 1 }]], ['export type RGetThingResponse = RGetThingResponseBodyItem[]']],
  ])('%s', async (_, bodies, wants) => {
    const text = await moduleText([withResponses(...bodies)], 'RGetThing')
    for (const want of wants) expect(text).toContain(want)
  })

  it('prefers documented response body params', async () => {
    const model = { ...withResponses({ a: 1 }), responseBody: [param(file, 9, { name: 'acknowledged', type: 'boolean', required: true })] }
    const text = await moduleText([model], 'RGetThing')
    expect(text).toContain('acknowledged: boolean')
    expect(text).not.toContain('a: number')
  })

  it('keeps the properties the text says are present only in some cases optional', async () => {
    const model = { ...withResponses({ a: 1, b: 2 }), responseBody: [param(file, 9, { name: 'a', type: 'integer' }), param(file, 10, { name: 'b', type: 'integer', conditional: true })] }
    const text = await moduleText([model], 'RGetThing')
    expect(text).toContain('a: number')
    expect(text).toContain('b?: number')
  })

  it('adds what the examples show besides the documented properties, typed by them', async () => {
    const model = { ...withResponses({ a: 1, took: 3 }, { a: 2 }), responseBody: [param(file, 9, { name: 'a', type: 'integer' }), param(file, 10, { name: 'when', type: 'date' })] }
    const text = await moduleText([model], 'RGetThing')
    expect(text).toContain('took?: number')
    expect(text).toContain('when?: DateTime')
  })

  it('does not count an example that elides part of an object against a documented property', async () => {
    const model = { ...withResponses({ a: 1 }, { '...': 0 }), responseBody: [param(file, 9, { name: 'a', type: 'integer' })] }
    expect(await moduleText([model], 'RGetThing')).toContain('a: number')
  })

  it.each([
    ['an envelope the examples show', { count: 1, things: [{ a: 1, when: 1575402236000 }] }, ['count: number', 'things: RGetThingResponseThingsItem[]', 'when: number']],
    ['a top-level array', [{ a: 1 }], ['export type RGetThingResponse = RGetThingResponseBodyItem[]', 'a: number']],
  ])('keeps the array the page says it returns, in %s', async (_, body, wants) => {
    const model = {
      ...withResponses(body),
      responseBody: [param(file, 9, { name: 'a', type: 'integer' }), param(file, 10, { name: 'when', type: 'date' })],
      responseArray: { of: 'thing objects', position: at(file, 8) },
    }
    const text = await moduleText([model], 'RGetThing')
    for (const want of wants) expect(text).toContain(want)
  })

  it('reads a key the request named in its path as data: a map, not a field', async () => {
    const request = snippet(file, 0, { role: 'request', requests: [{ method: 'GET', path: '/_r/my_policy', query: {}, position: at(file, 20) }] })
    const answer = snippet(file, 1, { role: 'response', answers: 0, responseJson: { my_policy: { version: 1 } } })
    const model = page({ file, id: 'r', title: 'Get thing API', endpoints: [endpoint('/_r/{name}')], examples: [request, answer] })
    expect(await moduleText([model], 'RGetThing')).toContain('export type RGetThingResponse = Record<string, RGetThingResponseBodyValue>')
  })

  it('puts documented properties where the examples show them, however deep their envelope', async () => {
    const model = { ...withResponses({ took: 1, result: { docs: [{ a: 1, when: 15 }] } }), responseBody: [param(file, 9, { name: 'a', type: 'integer' }), param(file, 10, { name: 'when', type: 'date' })] }
    const text = await moduleText([model], 'RGetThing')
    expect(text).toMatch(/interface RGetThingResponse \{[^}]*took: number[^}]*result: RGetThingResponseResult\b/)
    expect(text).toContain('docs: RGetThingResponseResultDocsItem[]')
    expect(text).toMatch(/interface RGetThingResponseResultDocsItem \{[^}]*a: number[^}]*when: number/)
  })

  it('answers HEAD requests with a boolean', async () => {
    const model = page({ file, id: 'r', title: 'Thing exists API', endpoints: [{ method: 'HEAD', path: '/_r/{id}', position: at(file, 1) }] })
    expect(await moduleText([model], 'RThingExists')).toContain('export type RThingExistsResponse = boolean')
  })

  it('answers a _cat API with its text table, or the records of its columns with format=json', async () => {
    const model = page({
      file,
      id: 'cat-things',
      title: 'cat things API',
      endpoints: [{ method: 'GET', path: '/_cat/things', position: at(file, 1) }],
      queryParams: [param(file, 3, { name: 'h', type: 'string', list: true, values: ['id', 'size'] })],
    })
    const text = await moduleText([model], 'CatThings')
    expect(text).toMatch(/export type CatThingsResponse<Format extends string = 'json'> = Format extends 'text'\s*\? string\s*: CatThingsResponseRecord\[\]/)
    expect(text).toMatch(/interface CatThingsResponseRecord \{[^}]*id\?: string[^}]*size\?: string/)
  })

  it('reads the answer an older page shows in a plain block after the request, elisions and all', async () => {
    const request = snippet(file, 0, { role: 'request', requests: [{ method: 'GET', path: '/_r', query: {}, position: at(file, 20) }] })
    const shown = snippet(file, 1, { role: 'other', language: 'js', notConsole: true, text: '{\n  "count": 2,\n  "things": [\n    { "a": 1 },\n    ...\n  ],\n  ...\n}' })
    const model = page({ file, id: 'r', title: 'Get thing API', endpoints: [endpoint('/_r')], examples: [request, shown] })
    const text = await moduleText([model], 'RGetThing')
    expect(text).toContain('count: number')
    expect(text).toContain('things: RGetThingResponseThingsItem[]')
  })

  it('is unknown without examples', async () => {
    expect(await moduleText([withResponses()], 'RGetThing')).toContain('export type RGetThingResponse = unknown')
  })
})
