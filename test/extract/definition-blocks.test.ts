import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const query = async (entries: string) => (await extractModel(apiPage(`==== {api-query-parms-title}\n\n${entries}`))).queryParams

// A definition may sit wholly in an open block attached to the term: `name::`, `+`, `--` … `--`.
describe('a definition written in an attached open block', () => {
  it('reads its (Optional, type) from the first paragraph, and its values from a bulleted list', async () => {
    const [param] = await query('`colour`::\n+\n--\n(Optional, string) Colour of the widgets to list. Valid values\nare:\n\n* `cyan`\n* `magenta`\n* `yellow`\n\nBy default, widgets of every colour are listed.\n--\n')
    expect(param).toMatchObject({ name: 'colour', required: false, type: 'string', values: ['cyan', 'magenta', 'yellow'] })
    expect(param!.default).toBeUndefined()
    expect(param!.description).toMatch(/^Colour of the widgets to list\./)
  })

  it('keeps a required path parameter written the same way', async () => {
    const model = await extractModel(apiPage('==== {api-path-parms-title}\n\n`<demo_id>`::\n+\n--\n(Required, string) Identifier of the demo.\n\nUse `*` for all.\n--\n'))
    expect(model.pathParams[0]).toMatchObject({ name: 'demo_id', required: true, type: 'string', description: 'Identifier of the demo.\n\nUse * for all.' })
  })
})

describe('defaults the text does not state', () => {
  it.each([
    ['Valid values are `a` and `b`.\n+\nBy default, both are used.', undefined],
    ['Waits for the shards. Defaults to not to wait.', undefined],
    ['Timeout for the request. Defaults to no timeout.', undefined],
    ['Compressed by default.', 'Compressed'],
    ['If `true`, results are cached. Defaults to index-level settings.', undefined],
    ['Defaults to cluster setting values.', undefined],
  ])('%j → %s', async (text, want) => {
    const [param] = await query(`\`p\`::\n(Optional, string) ${text}\n`)
    expect(param!.default).toBe(want)
  })
})

// Nested value lists mark their default value: `full_copy` (Default)::: or `query_then_fetch`:: then (default).
describe('a listed value marked as the default', () => {
  it.each([
    ['`storage`::\n+\n--\n(Optional, string) Where to keep it. Possible values are:\n\n`full_copy` (Default):::\nA full copy.\n\n`shared_cache`:::\nA shared cache.\n--', 'full_copy'],
    ['`search_type`::\n+\n--\n(Optional, string) How to score. Options are:\n\n`query_then_fetch`::\n(default)\nLocal frequencies.\n\n`dfs_query_then_fetch`::\nGlobal frequencies.\n--', 'query_then_fetch'],
  ])('%j → %s', async (entry, want) => {
    const [param] = await query(`${entry}\n`)
    expect(param!.values).toHaveLength(2)
    expect(param!.default).toBe(want)
  })
})
