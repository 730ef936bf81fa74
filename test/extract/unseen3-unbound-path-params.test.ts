import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const misplaced = (model: { diagnostics: { rule: string; message: string }[] }) => model.diagnostics.filter((d) => d.rule === 'misplaced-param').map((d) => d.message)

// A path parameter whose placeholder name no request path has: one of the two names is wrong, and the page
// gives no way to tell which. Both stay as written; the warning names them.
describe('a path parameter placeholder that no request path has', () => {
  it('is reported with the undocumented path placeholder', async () => {
    const model = await extractModel(apiPage('==== Path parameters\n\n`<shelf-id>`::\n(Required, string) Shelf to empty.\n', '`DELETE _demo/shelf/<demo-shelf-id>`'))
    expect(misplaced(model)).toEqual(['`shelf-id` is documented as a path parameter, but no request path has {shelf-id}; the paths have {demo-shelf-id}, which no parameter documents.'])
    expect(model.pathParams.map((p) => p.name)).toEqual(['shelf-id'])
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_demo/shelf/{demo-shelf-id}'])
  })

  it('is reported alone when every path placeholder is documented', async () => {
    const model = await extractModel(apiPage('==== Path parameters\n\n`<demo_id>`::\n(Required, string) Demo.\n\n`<part>`::\n(Required, number) Part.\n'))
    expect(misplaced(model)).toEqual(['`part` is documented as a path parameter, but no request path has {part}.'])
  })

  it('is not reported when a path has it', async () => {
    const model = await extractModel(apiPage('==== Path parameters\n\n`<demo_id>`::\n(Required, string) Demo.\n'))
    expect(misplaced(model)).toEqual([])
  })
})
