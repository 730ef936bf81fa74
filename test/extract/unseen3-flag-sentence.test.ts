import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

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
