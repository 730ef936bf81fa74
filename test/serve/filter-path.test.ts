import { describe, expect, it } from 'vitest'
import { filterPath } from '../../src/serve/filter-path.js'

const body = {
  took: 3,
  hits: {
    total: { value: 2, relation: 'eq' },
    hits: [
      { _id: '1', _source: { a: 1, b: 2 } },
      { _id: '2', _source: { a: 3 } },
    ],
  },
  _shards: { total: 1, failed: 0 },
}

describe('filterPath', () => {
  it.each([
    ['one path', 'took', { took: 3 }],
    ['a nested path', 'hits.total', { hits: { total: { value: 2, relation: 'eq' } } }],
    ['several paths', 'took,_shards.total', { took: 3, _shards: { total: 1 } }],
    ['through arrays', 'hits.hits._id', { hits: { hits: [{ _id: '1' }, { _id: '2' }] } }],
    ['a name wildcard', '_sh*.fail*', { _shards: { failed: 0 } }],
    ['any depth', '**.b', { hits: { hits: [{ _source: { b: 2 } }] } }],
    ['nothing matched', 'nope', {}],
    ['an exclusion', '-hits,-_shards', { took: 3 }],
    ['inclusion then exclusion', 'hits.hits,-hits.hits._source', { hits: { hits: [{ _id: '1' }, { _id: '2' }] } }],
  ])('keeps %s', (_, spec, want) => {
    expect(filterPath(body, spec)).toEqual(want)
  })
})
