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

// Damaged pages whose `<name>` spans were deleted; the path parameter's term was written without brackets, so it kept its name.
const page = (request: string) => `[[shelf-api]]
=== Shelf API

Gets shelves.

[[shelf-api-request]]
==== {api-request-title}

${request}

[[shelf-api-path-params]]
==== {api-path-parms-title}

\`shelf_id\`::
(Optional, string) Identifier of the shelf.
`

const lost = (text: string) => extractModel(text).then((m) => ({ endpoints: m.endpoints.map((e) => `${e.method} ${e.path}`), diagnostics: m.diagnostics.filter((d) => d.rule === 'lost-placeholder') }))

describe('a path written both with and without its ending `/`', () => {
  it('is a gap, named by the path parameter no path has, and the form without `/` after it stays', async () => {
    const { endpoints, diagnostics } = await lost(page('`GET /_shelves/`\n\n`GET /_shelves`'))
    expect(endpoints).toEqual(['GET /_shelves/{shelf_id}', 'GET /_shelves'])
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ line: 9, column: 16, severity: 'warning' })
    expect(diagnostics[0]!.message).toContain("recovered as 'shelf_id'")
  })

  it('is the gap when the form without `/` stands before it', async () => {
    const { endpoints, diagnostics } = await lost(page('`GET /_shelves`\n\n`GET /_shelves/`'))
    expect(endpoints).toEqual(['GET /_shelves', 'GET /_shelves/{shelf_id}'])
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[11, 16]])
  })

  it('is a gap a flag filed under path parameters does not name', async () => {
    const flag = page('`GET /_shelves/`\n\n`GET /_shelves`').replace('`shelf_id`::\n(Optional, string) Identifier of the shelf.', '`verbose`::\n(Optional, Boolean) Whether to say more.')
    const { endpoints, diagnostics } = await lost(flag)
    expect(endpoints).toEqual(['GET /_shelves/{id}', 'GET /_shelves'])
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("named 'id' (neutral)")])
  })
})
