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
