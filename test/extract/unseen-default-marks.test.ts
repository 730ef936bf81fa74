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
