import { describe, expect, it } from 'vitest'
import type { PageModel } from '../../src/model/types.js'
import { extractModel } from './pages.js'

/** The damage the seed page suffered, without the lost newlines: every `<name>` span deleted. */
const damage = (text: string) => text.replace(/<[^<>\s]*>/g, '')

const page = (request: string, rest = '') =>
  `[[gadget-api]]\n=== Gadget API\n\nDoes gadget things.\n\n[[gadget-api-request]]\n==== {api-request-title}\n\n${request}\n\n[[gadget-api-path-params]]\n==== {api-path-parms-title}\n\n${rest}\n`

const lostDiagnostics = (model: PageModel) => model.diagnostics.filter((d) => d.rule === 'lost-placeholder')

/** 1-based column of the first `needle` on the 1-based `line` of `text`, plus `shift`. */
const columnOf = (text: string, line: number, needle: string, shift = 0) => text.split('\n')[line - 1]!.indexOf(needle) + 1 + shift

describe('gaps where a placeholder was', () => {
  it.each([
    {
      what: 'a path ending in the gap (`DELETE _gadgets/shelf/`)',
      request: '`DELETE _gadgets/shelf/<shelf_id>`',
      terms: '`<shelf_id>`::\n(Required, string) Identifier for the shelf.',
      want: '/_gadgets/shelf/{id}',
      gapAfter: 'shelf/',
    },
    {
      what: 'a path opening with the gap (`GET //_gadget_search`)',
      request: '`GET /<target>/_gadget_search`',
      terms: '`<target>`::\n(Optional, string) Where to search.',
      want: '/{id}/_gadget_search',
      gapAfter: '/',
    },
    {
      what: 'two gaps, one of them at the end (`_gadgets//`)',
      request: '`DELETE /_gadgets/<shelf>/<gadget>`',
      terms: '`<shelf>`::\n(Required, string) The shelf.\n\n`<gadget>`::\n(Required, string) The gadget.',
      want: '/_gadgets/{id}/{id2}',
      gapAfter: '_gadgets/',
    },
  ])('$what: named neutrally, reported at the gap', async ({ request, terms, want, gapAfter }) => {
    const text = damage(page(request, terms))
    const model = await extractModel(text)
    expect(model.endpoints.map((e) => e.path)).toEqual([want])
    const [first] = lostDiagnostics(model)
    expect(first).toMatchObject({ severity: 'warning', line: 9, column: columnOf(text, 9, gapAfter, gapAfter.length) })
    expect(first!.message).toMatch(/no evidence.*\(neutral\)/)
    // Each documented term that lost its name takes the name of its gap, and stays neutral.
    expect(model.pathParams.map((p) => [p.name, p.recovered?.kind])).toEqual([...want.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'neutral']))
  })

  it('a repeated line ending in `/` was the other form of the path', async () => {
    const intact = page('`GET _gadgets/filters/`\n\n`GET _gadgets/filters/<filter_id>`', '`<filter_id>`::\n(Optional, string) A filter identifier.')
    const model = await extractModel(damage(intact))
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_gadgets/filters', '/_gadgets/filters/{id}'])
    expect(lostDiagnostics(model).map((d) => [d.line, d.column])).toEqual([
      [11, columnOf(damage(intact), 11, 'filters/', 8)],
      [16, 1],
    ])
  })

  it('a line ending in `/` on a page that lost nothing is left alone', async () => {
    const model = await extractModel(page('`GET _gadgets/filters/`\n\n`GET _gadgets/filters/`', '`size`::\n(Optional, integer) How many.'))
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_gadgets/filters'])
    expect(lostDiagnostics(model)).toEqual([])
  })
})

describe('names recovered from evidence, and guesses refused', () => {
  const examples = (call: string, response: string) =>
    `\n\n[[gadget-api-example]]\n==== {api-examples-title}\n\n[source,console]\n----\n${call}\n----\n// TEST[skip:demo]\n\n[source,console-result]\n----\n${response}\n----\n`

  it.each([
    {
      what: 'an identifier naming the collection before the gap',
      request: '`POST _gadgets/calendars/<calendar_id>/_open`',
      rest: '`<calendar_id>`::\n(Required, string) The calendar. See `calendar_id` in the calendar resource.',
      want: 'calendar_id',
    },
    {
      what: 'a response field naming the collection (`categories/` → `category_id`)',
      request: '`GET _gadgets/categories/<category_id>`',
      rest: '`<category_id>`::\n(Required, string) The category.\n\n[[gadget-api-response-body]]\n==== {api-response-body-title}\n\n`category_id`::\n(string) The category.',
      want: 'category_id',
    },
    {
      what: 'an example whose other placeholder holds `_all`, the gap ending the path',
      request: '`GET _gadgets/machines/<machine_id>/parts/<part_id>`',
      rest: '`<machine_id>`::\n(Required, string) Which machine.\n\n`<part_id>`::\n(Required, string) Which part.' + examples('GET _gadgets/machines/lathe-7/parts/_all', '{\n  "machine_id": "lathe-7"\n}'),
      want: 'machine_id',
    },
    {
      what: 'not a privilege sharing the words of the path',
      request: '`GET _gadget_stream/<stream>/_lifecycle`',
      rest: '`<stream>`::\n(Required, string) Needs `manage_gadget_stream_lifecycle`.',
      want: 'id',
    },
    {
      what: 'not one of two identifiers equally close',
      request: '`GET _gadgets/models/<model_id>`',
      rest: '`<model_id>`::\n(Required, string) Compare `model_id` and `model_alias`.',
      want: 'id',
    },
    {
      what: 'the JSON field holding the value an example calls the path with',
      request: '`POST _gadgets/machines/<machine_id>/_start`',
      rest: '`<machine_id>`::\n(Required, string) Which machine.' + examples('POST _gadgets/machines/lathe-7/_start', '{\n  "machine_id": "lathe-7",\n  "started": true\n}'),
      want: 'machine_id',
    },
    {
      what: 'not a field named only `id`',
      request: '`POST _gadgets/machines/<machine_id>/_start`',
      rest: '`<machine_id>`::\n(Required, string) Which machine.' + examples('POST _gadgets/machines/lathe-7/_start', '{\n  "id": "lathe-7"\n}'),
      want: 'id',
    },
    {
      what: 'not a document metadata field (`_index`)',
      request: '`POST /<target>/_gadget_refresh`',
      rest: '`<target>`::\n(Optional, string) Which indices.' + examples('POST gadgets-1/_gadget_refresh', '{\n  "_index": "gadgets-1"\n}'),
      want: 'id',
    },
    {
      what: 'not one of two fields holding the value',
      request: '`POST _gadgets/machines/<machine_id>/_start`',
      rest: '`<machine_id>`::\n(Required, string) Which machine.' + examples('POST _gadgets/machines/lathe-7/_start', '{\n  "machine_id": "lathe-7",\n  "parent": "lathe-7"\n}'),
      want: 'id',
    },
    {
      what: 'not a number, which many fields hold',
      request: '`GET _gadgets/buckets/<bucket_id>`',
      rest: '`<bucket_id>`::\n(Required, string) Which bucket.' + examples('GET _gadgets/buckets/17', '{\n  "count": 17\n}'),
      want: 'id',
    },
  ])('$what → $want', async ({ request, rest, want }) => {
    const model = await extractModel(damage(page(request, rest)))
    expect(model.endpoints[0]!.path).toContain(`{${want}}`)
    expect(model.pathParams[0]).toMatchObject({ name: want, recovered: { kind: want === 'id' ? 'neutral' : 'evidence' } })
    const messages = lostDiagnostics(model).map((d) => d.message)
    expect(messages.some((m) => (want === 'id' ? m.includes("named 'id' (neutral)") : m.includes(`recovered as '${want}'`)))).toBe(true)
  })

  it('two gaps never share a name', async () => {
    const text = page('`GET _gadgets/calendars/<calendar_id>/calendars/<other_id>`', '`<calendar_id>`::\n(Required, string) See `calendar_id`.\n\n`<other_id>`::\n(Required, string) Another.')
    const model = await extractModel(damage(text))
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_gadgets/calendars/{calendar_id}/calendars/{id}'])
    expect(model.pathParams.map((p) => [p.name, p.recovered?.kind])).toEqual([
      ['calendar_id', 'evidence'],
      ['id', 'neutral'],
    ])
  })
})

describe('a path parameter documented by name that no request path has', () => {
  it('names the one gap left (`DELETE _gadgets/user/` and `username`)', async () => {
    // The lost <titleabbrev> shows the page lost its markup, so its `/` ending a path is a gap.
    const intact = page('`DELETE _gadgets/user/<username>`', '`username`::\n(Required, string) Who.').replace('Does', '++++\n<titleabbrev>Gadget</titleabbrev>\n++++\n\nDoes')
    const text = damage(intact)
    const model = await extractModel(text)
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_gadgets/user/{username}'])
    const [gap] = lostDiagnostics(model)
    expect(gap).toMatchObject({ line: 13, column: columnOf(text, 13, 'user/', 5) })
    expect(gap!.message).toContain("recovered as 'username' from the path parameter `username` documented at 18:1")
    expect((await extractModel(intact)).endpoints.map((e) => e.path)).toEqual(['/_gadgets/user/{username}'])
  })

  it('names none of several gaps, whose order would be a guess', async () => {
    const text = damage(page('`PUT _gadgets/<gadget_id>/aliases/<gadget_alias>`', '`gadget_alias`::\n(Required, string) Alias.\n\n`gadget_id`::\n(Required, string) Gadget.'))
    const model = await extractModel(text)
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_gadgets/{id}/aliases/{id2}'])
    expect(lostDiagnostics(model).map((d) => d.message.endsWith('(neutral).'))).toEqual([true, true])
  })
})

describe('a placeholder before the first `/`, which leaves no trace', () => {
  it('is reported on the paths that may have held it, and the term that found no gap says so', async () => {
    const text = damage(page('`GET <index>/_gadget/explain`\n\n`GET _gadget/status`', '`<index>`::\n(Required, string) Which index.'))
    const model = await extractModel(text)
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_gadget/explain', '/_gadget/status'])
    expect(lostDiagnostics(model).map((d) => [d.severity, d.line, d.column])).toEqual([
      ['info', 9, 6],
      ['warning', 16, 1],
    ])
    expect(lostDiagnostics(model)[1]!.message).toContain('no request path shows a gap for it')
    expect(model.pathParams).toMatchObject([{ name: 'id', recovered: { kind: 'neutral' } }])
  })
})

describe('intact pages', () => {
  it.each([
    page('`DELETE _gadgets/shelf/<shelf_id>`', '`<shelf_id>`::\n(Required, string) Identifier for the shelf.'),
    page('`GET /<target>/_gadget_search`\n\n`GET /_gadget_search`', '`<target>`::\n(Optional, string) Where to search.'),
    page('`GET _gadgets/filters/`\n\n`GET _gadgets/filters/<filter_id>`', '`<filter_id>`::\n(Optional, string) A filter identifier.'),
    page('`GET _gadgets/filters/`', '`<filter_id>`::\n(Optional, string) A filter identifier, documented though no path has it.'),
    page('`GET /_gadget/explain`\n\n`GET <index>/_gadget/explain`', '`<index>`::\n(Required, string) Which index.'),
  ])('keep their names and get no lost-placeholder finding: %#', async (text) => {
    const model = await extractModel(text)
    expect(lostDiagnostics(model)).toEqual([])
    expect(model.pathParams.every((p) => p.recovered === undefined && p.name !== 'id')).toBe(true)
  })
})
