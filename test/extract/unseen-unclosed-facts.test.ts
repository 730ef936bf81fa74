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
