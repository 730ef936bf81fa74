import { describe, expect, it } from 'vitest'
import { statedDefault } from '../../src/extract/param-text.js'
import { apiPage, extractModel } from './pages.js'

const queryParam = async (definition: string) => (await extractModel(apiPage(`==== {api-query-parms-title}\n\n\`p\`::\n${definition}\n`))).queryParams[0]!

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
