import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

// The docs build's shared attributes name the Enterprise Search and ingest products; 8.x API pages write
// them in prose ("for use by {kib} and Elastic's {ents} solutions").
describe('product names of the shared attributes', () => {
  it.each([
    ['{ents}', 'Enterprise Search'],
    ['{fleet-server}', 'Fleet Server'],
    ['{agent}', 'Elastic Agent'],
    ['{elastic-agent}', 'Elastic Agent'],
  ])('%s reads as %s, with no undefined-attribute warning', async (attribute, text) => {
    const model = await extractModel(`[[demo-api]]\n=== Demo API\n\nNOTE: Meant for ${attribute} only.\n\n==== {api-request-title}\n\n\`GET _demo\`\n`)
    expect(model.description).toContain(`Meant for ${text} only.`)
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
  })
})
