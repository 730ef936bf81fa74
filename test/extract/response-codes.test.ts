import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

// Some pages write response codes with one colon (`200`:), which AsciiDoc reads as a plain paragraph.
describe('a response code written with a single colon', () => {
  const body = '==== {api-response-codes-title}\n\n`200`:\nIndicates that the widgets were returned.\n\n`404` (Missing resources):\nNo widget matches.\n'

  it('is described by the lines after it', async () => {
    const model = await extractModel(apiPage(body))
    expect(model.responseCodes).toMatchObject([
      { code: 200, description: 'Indicates that the widgets were returned.' },
      { code: 404, description: 'Missing resources: No widget matches.' },
    ])
  })

  it('is a missing-dlist-delimiter warning', async () => {
    const model = await extractModel(apiPage(body))
    expect(model.diagnostics.filter((d) => d.rule === 'missing-dlist-delimiter').map((d) => d.line)).toEqual([13, 16])
  })

  it('leaves a sentence naming a code as it was', async () => {
    const model = await extractModel(apiPage('==== {api-response-codes-title}\n\nIf no widget matches, the request 404s.\n'))
    expect(model.responseCodes).toMatchObject([{ code: 404, description: 'If no widget matches, the request 404s.' }])
    expect(model.diagnostics).toEqual([])
  })
})
