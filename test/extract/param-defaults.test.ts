import { describe, expect, it } from 'vitest'
import { statedDefault } from '../../src/extract/param-text.js'
import { apiPage, extractModel } from './pages.js'

const queryParam = async (definition: string) => (await extractModel(apiPage(`==== {api-query-parms-title}\n\n\`p\`::\n${definition}\n`))).queryParams[0]!

describe('the default a definition states', () => {
  it('is the one its sentences give, not the one an aside gives for a setting it names', async () => {
    const p = await queryParam('(Optional, Boolean)\nIf `true`, trims shelves fuller than `widget.shelf.max_fill`\n (default to 80) percent. Defaults to `false`.')
    expect(p.default).toBe('false')
  })

  it('still comes from an aside when no sentence gives one', () => {
    expect(statedDefault('How long to wait (defaults to `30s`).')).toBe('30s')
  })

  it('is not a word describing what happens instead ("Defaults to checking …")', async () => {
    const p = await queryParam('(Optional, integer)\nShelves to keep.\n\nDefaults to checking if a trim is needed.')
    expect(p.default).toBeUndefined()
  })
})

describe('values marked (Default) under a query parameter', () => {
  const page = (marks: [string, string]) =>
    apiPage(`==== {api-query-parms-title}\n\n\`cols\`::\n(Optional, string) Columns to show.\n+\n--\n\`id\`::\n${marks[0]} Widget id.\n\n\`size\`::\n${marks[1]} Widget size.\n\n\`shelf\`::\nShelf name.\n--\n`)

  it('one marked value is the default', async () => {
    const model = await extractModel(page(['(Default)', '']))
    expect(model.queryParams[0]).toMatchObject({ values: ['id', 'size', 'shelf'], default: 'id' })
  })

  it('several marked values (the columns shown unless others are picked) give no single default', async () => {
    const model = await extractModel(page(['(Default)', '(Default)']))
    expect(model.queryParams[0]!.values).toEqual(['id', 'size', 'shelf'])
    expect(model.queryParams[0]!.default).toBeUndefined()
  })
})

describe('a bulleted list of values under a query parameter', () => {
  const page = (items: string) => apiPage(`==== {api-query-parms-title}\n\n\`expand\` (Optional)::\n(string) Which widgets wildcards expand to. Possible values are:\n\n${items}\n\n\`pretty\`::\n(boolean) Pretty.\n`)

  it('lists its values, the one marked (Default) being the default', async () => {
    const model = await extractModel(page('* `closed` (Default)\n* `open`\n* `all`'))
    expect(model.queryParams[0]).toMatchObject({ name: 'expand', values: ['closed', 'open', 'all'], default: 'closed' })
    expect(model.queryParams.map((p) => p.name)).toEqual(['expand', 'pretty'])
  })

  it('is no value list when an item does not open with a value', async () => {
    const model = await extractModel(page('* `closed` (Default)\n* any other word'))
    expect(model.queryParams[0]!.values).toBeUndefined()
    expect(model.queryParams[0]!.default).toBeUndefined()
  })
})

// Old pages quote a default in a `+…+` passthrough, sometimes a formula with parentheses and cross references.
describe('a default quoted in a +…+ passthrough', () => {
  it('is the whole formula, its cross references read as their labels', async () => {
    const p = await queryParam('(Optional, integer) Widgets built at once.\nDefaults to +max(1, (# of <<demo-node,demo nodes>> *\nmin(<<demo-pool,pool size>>, 10)))+.')
    expect(p.default).toBe('max(1, (# of demo nodes * min(pool size, 10)))')
  })

  it.each([
    ['Defaults to +10+.', '10'],
    ['Defaults to `max(1, 2)`.', 'max(1, 2)'],
    ['Defaults to +1 widget.', '+1'],
    ['Shelves (default to 80). Defaults to `false`.', 'false'],
  ])('%j → %j', (text, value) => {
    expect(statedDefault(text)).toBe(value)
  })
})
