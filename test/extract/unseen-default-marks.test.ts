import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

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
