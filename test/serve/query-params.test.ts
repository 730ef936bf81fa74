import { describe, expect, it } from 'vitest'
import { checkQuery, queryPolicy } from '../../src/serve/query-params.js'
import { endpoint, page, param } from './models.js'

describe('query value types', () => {
  const cat = page({
    id: 'cat-things',
    endpoints: [endpoint('GET', '/_cat/things')],
    queryParams: [param('bytes', 'byte size units', 'Unit used to display byte values.'), param('size', 'integer'), param('flag', 'byte')],
  })
  const check = (query: [string, string][]) => checkQuery('/_cat/things', query, queryPolicy(cat), [])?.reason

  it('reads a unit type as a unit name, not a number', () => {
    expect(check([['bytes', 'kb']])).toBeUndefined()
    expect(check([['bytes', 'b']])).toBeUndefined()
  })

  it('still checks integer types', () => {
    expect(check([['size', 'ten']])).toBe('Failed to parse int parameter [size] with value [ten]')
    expect(check([['flag', 'x']])).toBe('Failed to parse int parameter [flag] with value [x]')
  })
})
