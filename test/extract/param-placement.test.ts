import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const page = (definition: string) => `[[widget-stats]]\n=== Widget stats API\n\n[float]\n==== Request\n\n\`GET _widgets/stats\` +\n\n\`GET _widgets/stats/<metric>\`\n\n\`GET _widgets/<shelf>/stats\`\n\n\`GET _widgets/<shelf>/stats/<metric>\`\n\n[float]\n==== Path Parameters\n\n${definition}\n`

// Old pages describe path parameters without "Required" or "Optional": the request lines tell.
describe('whether an unflagged path parameter is required', () => {
  it.each([
    ['`metric`::\n  (enum) Metrics to include.', false],
    ['`metric`::\n  (Required, enum) Metrics to include.', true],
    ['`metric` (required)::\n  (enum) Metrics to include.', true],
    ['`metric`::\n  (Optional, enum) Metrics to include.', false],
  ])('%j → required %s', async (definition, required) => {
    const model = await extractModel(page(definition))
    expect(model.pathParams).toMatchObject([{ name: 'metric', required }])
  })

  it('keeps it required when a request with it is not also listed without it', async () => {
    const model = await extractModel(`[[widget-policy]]\n=== Widget policy APIs\n\n==== Request\n\n\`PUT _widgets/policy/<policy_id>\`\n\n\`GET _widgets/policy/<policy_id>\`\n\n\`GET _widgets/policy\`\n\n==== Path Parameters\n\n\`<policy_id>\`::\n  (string) Identifier.\n`)
    expect(model.pathParams).toMatchObject([{ name: 'policy_id', required: true }])
  })

  it('keeps a parameter every request path has required', async () => {
    const model = await extractModel(`[[widget-get]]\n=== Get widget API\n\n==== Request\n\n\`GET _widgets/<widget_id>\`\n\n\`HEAD _widgets/<widget_id>\`\n\n==== Path Parameters\n\n\`widget_id\`::\n  (string) Identifier.\n`)
    expect(model.pathParams).toMatchObject([{ name: 'widget_id', required: true }])
  })
})

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
