import { describe, expect, it } from 'vitest'
import { typeDifferences } from '../../src/compare/type-diff.js'
import type { TypeExpr } from '../../src/emit/types/type-expr.js'

const DATE_TIME: TypeExpr = { kind: 'common', name: 'DateTime' }
const STRING: TypeExpr = { kind: 'string' }
const NUMBER: TypeExpr = { kind: 'number' }
const STRING_OR_NUMBER: TypeExpr = { kind: 'union', members: [STRING, NUMBER] }

// `DateTime` is `string | number | Date`: the `Date` member makes it wider than any union of JSON values.
describe('DateTime against other types', () => {
  it.each([
    ['DateTime and DateTime', DATE_TIME, DATE_TIME, 0],
    ['string and DateTime', STRING, DATE_TIME, 1],
    ['DateTime and epoch milliseconds', DATE_TIME, NUMBER, 1],
    ['DateTime and string | number (no Date)', DATE_TIME, STRING_OR_NUMBER, 1],
  ])('%s: %i difference(s)', (_, page, spec, count) => {
    expect(typeDifferences(page, spec)).toHaveLength(count)
  })
})

// Keys that are values: the page lists the keys it shows, the spec takes any key; the values still meet.
describe('listed keys against a map', () => {
  const object = (name: string, type: TypeExpr): TypeExpr => ({ kind: 'object', object: { properties: [{ name, optional: false, type, docs: [] }], hint: '', docs: [] } })
  const listed = (id: TypeExpr) => object('index', object('_id', id))
  const map: TypeExpr = { kind: 'record', value: object('_id', STRING) }

  it("names a listed key's value that differs from the map's", () => {
    const found = typeDifferences(listed(NUMBER), map).map((d) => `${d.kind} ${d.path.join('.')}`)
    expect(found).toEqual(['type ', 'type index._id'])
  })

  it('names only the shape when the values agree', () => {
    expect(typeDifferences(listed(STRING), map).map((d) => d.path.join('.'))).toEqual([''])
  })

  it('compares no listed value of another kind with the map', () => {
    expect(typeDifferences(object('index', object('id', NUMBER)), map).map((d) => d.path.join('.'))).toEqual([''])
  })
})
