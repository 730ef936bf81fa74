import { describe, expect, it } from 'vitest'
import type { Param } from '../../src/model/types.js'
import { apiPage, extractModel } from './pages.js'

/** The query parameters of a page whose query section holds `entries`. */
async function queryParams(entries: string): Promise<Param[]> {
  const model = await extractModel(apiPage(`==== {api-query-parms-title}\n\n${entries}`))
  return model.queryParams
}

describe('defaults in their phrasings', () => {
  it.each([
    ['Defaults to `30s`.', '30s'],
    ['Defaults to 30s.', '30s'],
    ['Defaults to: `false`.', 'false'],
    ['Defaults to `"*"`.', '"*"'],
    ['Defaults to "open".', 'open'],
    ['The default value is 20 seconds.', '20 seconds'],
    ['The default value is `true`.', 'true'],
    ['The default is 10 results.', '10'],
    ['The default for this option is `1m`.', '1m'],
    ['Default: `5`', '5'],
    ['It has a default value of `100`.', '100'],
    ['`false` by default.', 'false'],
    ['Enabled by default.', 'Enabled'],
    ['Defaults to\n`2d`, split over lines.', '2d'],
    ['Defaults to the cluster setting.', undefined],
    ['If omitted, nothing happens.', undefined],
  ])('%j → %s', async (text, want) => {
    const [param] = await queryParams(`\`p\`::\n(Optional, string) Something. ${text}\n`)
    expect(param!.default).toBe(want)
  })
})

describe('allowed values', () => {
  it.each([
    ['One of `a`, `b` or `c`.', ['a', 'b', 'c']],
    ['Must be one of `gear`, `lever`, or `spring`.', ['gear', 'lever', 'spring']],
    ['Valid values are `open`, `closed` and `all`.', ['open', 'closed', 'all']],
    ['Valid values are:\n`x` and `y`.', ['x', 'y']],
    ['Possible values include `asc` or `desc`.', ['asc', 'desc']],
    ['Can be `true`.', undefined],
    ['Uses `a` and `b`.', undefined],
  ])('%j → %j', async (text, want) => {
    const [param] = await queryParams(`\`p\`::\n(Optional, string) ${text}\n`)
    expect(param!.values).toEqual(want)
  })

  it('a nested definition list under a query parameter lists its values', async () => {
    const [param] = await queryParams('`expand_wildcards`::\n(Optional, string) Kind of indices.\n+\n`open`:::\nOpen indices.\n`closed`:::\nClosed indices.\n')
    expect(param).toMatchObject({ name: 'expand_wildcards', values: ['open', 'closed'], description: 'Kind of indices.\n\nopen: Open indices. closed: Closed indices.' })
    expect(param!.children).toBeUndefined()
  })
})

describe('leading facts', () => {
  it.each([
    ['(Required, string) Text.', { required: true, type: 'string', description: 'Text.' }],
    ['(Optional, Boolean) Text.', { required: false, type: 'Boolean', description: 'Text.' }],
    ['(Optional)\n(integer) Text.', { required: false, type: 'integer', description: 'Text.' }],
    ['(Optional, <<time-units,time units>>) Text.', { required: false, type: 'time units', description: 'Text.' }],
    ['(Optional, array of strings) Text.', { required: false, type: 'array of strings', description: 'Text.' }],
    ['(string) Text.', { required: false, type: 'string', description: 'Text.' }],
    ['Text (with parentheses).', { required: false, description: 'Text (with parentheses).' }],
  ])('%j', async (text, want) => {
    const [param] = await queryParams(`\`p\`::\n${text}\n`)
    expect(param).toMatchObject(want)
    if (!('type' in want)) expect(param!.type).toBeUndefined()
  })

  it('facts written in the term: `name` (Required)', async () => {
    const [param] = await queryParams('`p` (Required)::\n(string) Text.\n')
    expect(param).toMatchObject({ name: 'p', required: true, type: 'string' })
  })
})

describe('descriptions', () => {
  it('`+` continuations with an open block and a NOTE are part of the description', async () => {
    const [param, next] = await queryParams(
      '`timeout`::\n(Optional, time units) Period to wait. Defaults to `30s`.\n+\n--\nNOTE: The request goes on\nafter a timeout.\n\nA second paragraph.\n--\n\n`next`::\n(Optional, string) Next.\n',
    )
    expect(param).toMatchObject({
      name: 'timeout',
      default: '30s',
      description: 'Period to wait. Defaults to 30s.\n\nNOTE: The request goes on after a timeout.\n\nA second paragraph.',
    })
    expect(next).toMatchObject({ name: 'next', description: 'Next.' })
  })

  it.each(['TIP', 'IMPORTANT', 'WARNING'])('a %s admonition block keeps its label', async (label) => {
    const [param] = await queryParams(`\`p\`::\n(Optional, string) Text.\n+\n[${label}]\n====\nBe careful.\n====\n`)
    expect(param!.description).toBe(`Text.\n\n${label}: Be careful.`)
  })

  it('a listing attached to a definition is not text', async () => {
    const [param] = await queryParams('`p`::\n(Optional, string) Text.\n+\n----\nGET x\n----\n')
    expect(param!.description).toBe('Text.')
  })

  it('a paragraph after the list joins the last definition and is read for facts, leaving no working fields', async () => {
    const [a, b] = await queryParams('`a`::\n(Optional, string) First.\n\n`b`::\n(Optional, string) Second.\n\nMore about b. Defaults to `x`.\n')
    expect(a).toEqual({ name: 'a', required: false, type: 'string', description: 'First.', position: expect.any(Object) })
    expect(b).toEqual({ name: 'b', required: false, type: 'string', default: 'x', description: 'Second.\n\nMore about b. Defaults to x.', position: expect.any(Object) })
  })

  it('markup and attributes are resolved', async () => {
    const [param] = await queryParams('`p`::\n(Optional, string) The *{ml}* job, see <<ml-jobs,jobs>> and {ref}/x.html[the guide]. _Really_.\n')
    expect(param!.description).toBe('The machine learning job, see jobs and the guide. Really.')
  })
})

describe('deprecated parameters', () => {
  it.each([
    ['deprecated[7.10.0,"Use `kind` instead."]\nText.', true],
    ['Text. deprecated[8.0.0]', true],
    ['Text about deprecated things.', undefined],
  ])('%j → %s', async (text, want) => {
    const [param] = await queryParams(`\`p\`::\n(Optional, string)\n${text}\n`)
    expect(param!.deprecated).toBe(want)
    expect(param!.description).not.toContain('deprecated[')
  })
})

describe('request body', () => {
  it('nested definition lists are object properties, to any depth', async () => {
    const model = await extractModel(
      apiPage(
        '==== {api-request-body-title}\n\n`outer`::\n(Optional, object) Outer.\n+\n.Properties of `outer`\n[%collapsible%open]\n====\n`middle`:::\n(Required, object) Middle.\n\n`inner`::::\n(Optional, integer) Inner. Defaults to `3`.\n\n`sibling`:::\n(Optional, string) Sibling.\n====\n\n`after`::\n(Optional, Boolean) After.\n',
        '`PUT _demo/<demo_id>`',
      ),
    )
    const shape = (ps: Param[] | undefined): unknown => ps?.map((p) => ({ n: p.name, r: p.required, t: p.type, d: p.default, c: shape(p.children) }))
    expect(shape(model.bodyParams)).toEqual([
      {
        n: 'outer',
        r: false,
        t: 'object',
        d: undefined,
        c: [
          { n: 'middle', r: true, t: 'object', d: undefined, c: [{ n: 'inner', r: false, t: 'integer', d: '3', c: undefined }] },
          { n: 'sibling', r: false, t: 'string', d: undefined, c: undefined },
        ],
      },
      { n: 'after', r: false, t: 'Boolean', d: undefined, c: undefined },
    ])
  })

  it('`page`.`from` names a dotted field', async () => {
    const model = await extractModel(apiPage('==== {api-request-body-title}\n\n`page`.`from`::\n(Optional, integer) Skips. Defaults to `0`.\n', '`POST _demo`'))
    expect(model.bodyParams).toMatchObject([{ name: 'page.from', default: '0', type: 'integer' }])
  })
})
