import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

// A page whose `<titleabbrev>` pass block lost its closing `++++`: left open, the block hides the whole page.
describe('a titleabbrev pass block never closed', () => {
  const page = (between: string) =>
    `[[demo-api]]\n=== Demo API\n++++\n${between}<titleabbrev>Demo</titleabbrev>\n\nDoes demo things.\n\n[[demo-api-request]]\n==== {api-request-title}\n\n\`GET _demo/\`\n\n==== {api-query-parms-title}\n\n\`size\`::\n(Optional, integer) How many.\n`

  it.each([['\n'], ['']])('is closed after the element (blank line above it: %j)', async (between) => {
    const model = await extractModel(page(between))
    expect(model).toMatchObject({ titleabbrev: 'Demo', description: 'Does demo things.' })
    expect(model.endpoints).toMatchObject([{ method: 'GET', path: '/_demo' }])
    expect(model.queryParams.map((p) => p.name)).toEqual(['size'])
    expect(model.diagnostics.map((d) => [d.rule, d.line])).toEqual([['unclosed-titleabbrev', 3]])
  })

  it('leaves a closed block and an open block of other text alone', async () => {
    const closed = await extractModel(page('').replace('</titleabbrev>\n', '</titleabbrev>\n++++\n'))
    expect(closed.diagnostics).toEqual([])
    const other = await extractModel(page('').replace('<titleabbrev>Demo</titleabbrev>', '<div>Demo</div>'))
    expect(other.diagnostics.map((d) => d.rule)).not.toContain('unclosed-titleabbrev')
    expect(other.endpoints).toEqual([])
  })
})
