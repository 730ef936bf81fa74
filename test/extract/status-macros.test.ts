import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

// Status macros come as `name[…]`, as inline macros `name:[…]` and as block macros `name::[…]`.
describe('status macros in their three spellings', () => {
  it.each([
    ['experimental[]', 'experimental'],
    ['experimental::[]', 'experimental'],
    ['beta::[]', 'beta'],
    ['dev::[]', 'experimental'],
    ['deprecated::[7.6, "Use the other API."]', 'deprecated'],
  ])('%s under the title → %s, and no macro text in the description', async (macro, level) => {
    const model = await extractModel(`[[demo-api]]\n=== Demo API\n\nDoes demo things.\n\n${macro}\n\n[[demo-api-request]]\n==== {api-request-title}\n\n\`GET _demo\`\n`)
    expect(model.stability.level).toBe(level)
    expect(model.description).toBe('Does demo things.')
  })
})

describe('a definition starting with a status macro', () => {
  it.each([
    ['deprecated:[7.0.0]\n(Optional, string)\nIdentifier.', { required: false, type: 'string', deprecated: true, description: 'Identifier.' }],
    ['deprecated::[7.0.0]\n(Required, integer) Count.', { required: true, type: 'integer', deprecated: true, description: 'Count.' }],
    ['experimental:[]\n(Optional, Boolean) Flag.', { required: false, type: 'Boolean', description: 'Flag.' }],
  ])('%j', async (definition, want) => {
    const model = await extractModel(apiPage(`==== {api-query-parms-title}\n\n\`p\`::\n${definition}\n`))
    expect(model.queryParams[0]).toMatchObject(want)
  })

  it('keeps no macro text in a response field described without a type', async () => {
    const model = await extractModel(apiPage('==== {api-response-body-title}\n\n`size`::\n  experimental:[]\n  Size of the demo.\n'))
    expect(model.responseBody[0]!.description).toBe('Size of the demo.')
  })
})
