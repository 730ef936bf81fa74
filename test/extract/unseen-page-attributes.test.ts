import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

describe('attributes a page sets and unsets around their use', () => {
  it('are defined where they are used', async () => {
    const body = '==== {api-request-body-title}\n\n:anchor-base: demo-api\n[id="{anchor-base}-size"]\n`size`::\n(Optional, integer) Size.\n\n:!anchor-base:\n'
    const model = await extractModel(apiPage(body))
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
  })

  it('are undefined once unset', async () => {
    const body = '==== {api-request-body-title}\n\n:anchor-base: demo-api\n\n:!anchor-base:\n[id="{anchor-base}-size"]\n`size`::\n(Optional, integer) Size.\n'
    const model = await extractModel(apiPage(body))
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute').map((d) => d.message)).toEqual([expect.stringContaining('{anchor-base}')])
  })
})
