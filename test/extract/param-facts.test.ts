import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

// A page may forget the `)` of the leading group: `(Optional, <<query-dsl,query object>> Allows …`.
describe('a leading (Optional, type group without its closing parenthesis', () => {
  it.each([
    ['(Optional,  <<query-dsl,query object>> Filters the widgets.', { required: false, type: 'query object', description: 'Filters the widgets.' }],
    ['(Required, string The name of the widget.', { required: true, type: 'string', description: 'The name of the widget.' }],
    ['(Optional Whether to bend the widget.', { required: false, description: 'Whether to bend the widget.' }],
  ])('%j', async (definition, want) => {
    const model = await extractModel(apiPage(`==== {api-request-body-title}\n\n\`filter\`::\n${definition}\n`))
    expect(model.bodyParams[0]).toMatchObject(want)
    expect(model.diagnostics.filter((d) => d.rule === 'unclosed-param-facts')).toMatchObject([{ severity: 'warning', line: 13 }])
  })

  it('leaves a well-formed group alone', async () => {
    const model = await extractModel(apiPage('==== {api-request-body-title}\n\n`filter`::\n(Optional, object) Filters the widgets (all by default).\n'))
    expect(model.bodyParams[0]).toMatchObject({ required: false, type: 'object', description: 'Filters the widgets (all by default).' })
    expect(model.diagnostics.filter((d) => d.rule === 'unclosed-param-facts')).toEqual([])
  })
})

// `(Require, string)`, `(Request, string)`: a misspelt flag before a plain type.
describe('a leading group whose flag is neither Required nor Optional', () => {
  it.each([
    ['`<demo_id>`::\n+\n--\n(Request, string) Identifier of the demo.\n--', 'path', { name: 'demo_id', required: true, type: 'string', description: 'Identifier of the demo.' }],
    ['`size`::\n(Requried, integer) Size of the demo.', 'query', { name: 'size', required: true, type: 'integer', description: 'Size of the demo.' }],
    ['`size`::\n(Optinal, integer) Size of the demo.', 'query', { name: 'size', required: false, type: 'integer', description: 'Size of the demo.' }],
    ['`size`::\n(Maybe, integer) Size of the demo.', 'query', { name: 'size', required: false, type: 'integer', description: 'Size of the demo.' }],
  ])('%j', async (definition, place, want) => {
    const title = place === 'path' ? '{api-path-parms-title}' : '{api-query-parms-title}'
    const model = await extractModel(apiPage(`==== ${title}\n\n${definition}\n`))
    expect(place === 'path' ? model.pathParams[0] : model.queryParams[0]).toMatchObject(want)
    expect(model.diagnostics.filter((d) => d.rule === 'unknown-param-flag')).toHaveLength(1)
  })

  it('leaves a parenthesised remark that names no type', async () => {
    const model = await extractModel(apiPage('==== {api-query-parms-title}\n\n`size`::\n(Kibana, Logstash) Size of the demo.\n'))
    expect(model.queryParams[0]).not.toHaveProperty('type')
    expect(model.diagnostics.filter((d) => d.rule === 'unknown-param-flag')).toEqual([])
  })
})

// Some 7.x pages write the flag as a sentence after the type group: `(string) Required. Identifier …`.
describe('a Required or Optional sentence after the type group', () => {
  it.each([
    ['(string) Required. Identifier for the widget.', true],
    ['(string) Optional. Identifier for the widget.', false],
  ])('%j is the flag, not the description', async (definition, required) => {
    const model = await extractModel(apiPage(`==== {api-query-parms-title}\n\n\`widget\`::\n${definition}\n`))
    expect(model.queryParams).toMatchObject([{ name: 'widget', type: 'string', required, description: 'Identifier for the widget.' }])
  })

  it('stays in the text after a flag the group gives', async () => {
    const model = await extractModel(apiPage('==== {api-query-parms-title}\n\n`widget`::\n(Optional, string) Required. when shelved.\n'))
    expect(model.queryParams).toMatchObject([{ required: false, description: 'Required. when shelved.' }])
  })
})
