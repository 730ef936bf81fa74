import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

const page = (title: string, request: string) => `[[start-gadget-deployment]]\n=== ${title}\n\n==== {api-request-title}\n\n${request}\n`

describe('a path word one letter away from a word of the page id or title', () => {
  it('is a path-typo warning at the request line, and the path stays as written', async () => {
    const model = await extractModel(page('Start gadget deployment API', '`POST _gadgets/<gadget_id>/deployent/_start`'))
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_gadgets/{gadget_id}/deployent/_start'])
    expect(model.diagnostics.filter((d) => d.rule === 'path-typo')).toEqual([
      expect.objectContaining({
        line: 6,
        column: 2,
        severity: 'warning',
        message: '`deployent` in POST /_gadgets/{gadget_id}/deployent/_start is one letter away from `deployment` in the page\'s id or title: a typo?',
      }),
    ])
  })

  it.each([
    ['a swap of neighbours', '`POST _gadgets/<gadget_id>/deplyoment/_start`', 'deplyoment'],
    ['a wrong letter', '`POST _gadgets/<gadget_id>/deploymant/_start`', 'deploymant'],
  ])('finds %s', async (_, request, word) => {
    const model = await extractModel(page('Start gadget deployment API', request))
    expect(model.diagnostics.filter((d) => d.rule === 'path-typo').map((d) => d.message)).toEqual([expect.stringContaining(`\`${word}\``)])
  })

  it.each([
    ['a plural of a title word', 'Start gadget model API', '`POST _gadgets/models/<model_id>/_start`'],
    ['a title word with a letter in front', 'Multi gadget search API', '`GET _gadgets/_msearch`'],
    ['a word far from every title word', 'Start gadget deployment API', '`POST _gadgets/<gadget_id>/rollout/_start`'],
    ['a short word', 'Start gadget deployment API', '`POST _gadget/<gadget_id>/_strt`'],
    ['the placeholder names', 'Start gadget deployment API', '`POST _gadgets/<deployent_id>/_start`'],
  ])('leaves alone %s', async (_, title, request) => {
    const model = await extractModel(page(title, request))
    expect(model.endpoints).toHaveLength(1)
    expect(model.diagnostics.filter((d) => d.rule === 'path-typo')).toEqual([])
  })
})
