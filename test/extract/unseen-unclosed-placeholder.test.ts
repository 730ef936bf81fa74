import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

describe('a request path placeholder missing one bracket', () => {
  it.each([
    ['`POST _widgets/<shelf/_restock`', '<shelf', 'closing `>`'],
    ['`POST _widgets/shelf>/_restock`', 'shelf>', 'opening `<`'],
  ])('%s is read as {shelf}, with a warning', async (request, written, lacking) => {
    const model = await extractModel(apiPage('==== {api-path-parms-title}\n\n`<shelf>`::\n(Optional, string) Shelf.\n', `\`POST _widgets/_restock\` +\n${request}`))
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_widgets/_restock', '/_widgets/{shelf}/_restock'])
    const warning = model.diagnostics.find((d) => d.rule === 'unclosed-placeholder')
    expect(warning).toMatchObject({ severity: 'warning', line: 10, column: 16 })
    expect(warning!.message).toContain(`\`${written}\``)
    expect(warning!.message).toContain(lacking)
  })
})
