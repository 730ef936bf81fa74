import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

// Pages since 8.x open with a sidebar linking the new API reference through the docs build's {api-es}.
describe('docs-build attributes of recent pages', () => {
  it.each(['api-es', 'api-cloud', 'api-ece'])('{%s} resolves without an undefined-attribute warning', async (name) => {
    const sidebar = `.New API reference\n[sidebar]\n--\nFor the most up-to-date API details, refer to {${name}}/group/endpoint-demo[Demo APIs].\n--\n`
    const model = await extractModel(apiPage('', '`GET _demo`').replace('Does demo things.', `${sidebar}\nDoes demo things.`))
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
  })
})
