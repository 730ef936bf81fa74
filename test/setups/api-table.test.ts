/** The URL and method the Elasticsearch YAML runner picks for a step's parameters. */
import { describe, expect, it } from 'vitest'
import { chooseMethod, chooseUrl, type Api } from '../../src/setups/api-table.js'

const nodesInfo: Api = {
  name: 'nodes.info',
  ndjson: false,
  urls: [
    { path: '/_nodes', methods: ['GET'], parts: [] },
    { path: '/_nodes/{node_id}', methods: ['GET'], parts: ['node_id'] },
    { path: '/_nodes/{metric}', methods: ['GET'], parts: ['metric'] },
    { path: '/_nodes/{node_id}/{metric}', methods: ['GET'], parts: ['node_id', 'metric'] },
  ],
}

describe('chooseUrl', () => {
  it.each([
    [[], '/_nodes'],
    [['metric'], '/_nodes/{metric}'],
    [['node_id', 'metric', 'timeout'], '/_nodes/{node_id}/{metric}'],
  ])('the most specific URL whose parts are all given: %j → %s', (given, want) => {
    expect(chooseUrl(nodesInfo, new Set(given))?.path).toBe(want)
  })

  it('none when every URL needs a part not given', () => {
    expect(chooseUrl({ name: 'x', ndjson: false, urls: [{ path: '/{index}', methods: ['PUT'], parts: ['index'] }] }, new Set())).toBeUndefined()
  })
})

describe('chooseMethod', () => {
  it.each([
    [['PUT', 'POST'], false, 'PUT'],
    [['GET', 'POST'], false, 'GET'],
    [['GET', 'POST'], true, 'POST'],
    [['PUT', 'POST'], true, 'PUT'],
    [['DELETE'], false, 'DELETE'],
  ] as const)('%j, body %s → %s', (methods, body, want) => {
    expect(chooseMethod({ path: '/', methods: [...methods], parts: [] }, body)).toBe(want)
  })
})
