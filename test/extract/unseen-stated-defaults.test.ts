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
