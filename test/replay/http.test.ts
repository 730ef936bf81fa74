import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendRequest } from '../../src/replay/http.js'
import { targetFromEnv, type Target } from '../../src/replay/target.js'
import type { ReplayRequest } from '../../src/replay/types.js'

const received: { method?: string; url?: string; type?: string; body: string }[] = []
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    received.push({ method: req.method, url: req.url, type: req.headers['content-type'], body })
    res.setHeader('warning', ['299 Elasticsearch-8 "one"', '299 Elasticsearch-8 "two"'])
    res.writeHead(200).end('{"ok":true}')
  })
})
let target: Target

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  target = targetFromEnv({ ES_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix` })
})
afterAll(() => new Promise((done) => server.close(done)))

const base = { line: 1, query: {} }
const previous = { status: 200, text: '{"task":"node:7","_id":"a/b"}', warnings: [] }

describe('sendRequest', () => {
  it.each<[string, ReplayRequest, { method: string; url: string; type?: string; body: string }]>([
    [
      'JSON body with $body references from the previous answer',
      { ...base, method: 'POST', path: '/_tasks/$body.task/_cancel', body: { kind: 'json', json: { id: '$body._id', n: 1 } } },
      { method: 'POST', url: '/prefix/_tasks/node%3A7/_cancel', type: 'application/json', body: '{"id":"a/b","n":1}' },
    ],
    [
      'NDJSON with a trailing newline',
      { ...base, method: 'POST', path: '/_bulk', body: { kind: 'ndjson', lines: [{ index: {} }, { a: 1 }] } },
      { method: 'POST', url: '/prefix/_bulk', type: 'application/x-ndjson', body: '{"index":{}}\n{"a":1}\n' },
    ],
    [
      'a body with integers past 2^53 as written',
      { ...base, method: 'GET', path: '/c/_search', body: { kind: 'json', json: { n: 2 ** 64 }, exact: '{"n":18446744073709551615}' } },
      { method: 'GET', url: '/prefix/c/_search', type: 'application/json', body: '{"n":18446744073709551615}' },
    ],
    [
      'such a body serialized when a reference changes it',
      { ...base, method: 'POST', path: '/c/_doc', body: { kind: 'json', json: { id: '$body._id', n: 2 ** 64 }, exact: '{"id":"$body._id","n":18446744073709551615}' } },
      { method: 'POST', url: '/prefix/c/_doc', type: 'application/json', body: '{"id":"a/b","n":18446744073709552000}' },
    ],
    [
      'NDJSON with integers past 2^53 as written',
      { ...base, method: 'POST', path: '/_bulk', body: { kind: 'ndjson', lines: [{ index: {} }, { n: 2 ** 64 }], exact: '{"index":{}}\n{"n":18446744073709551615}\n' } },
      { method: 'POST', url: '/prefix/_bulk', type: 'application/x-ndjson', body: '{"index":{}}\n{"n":18446744073709551615}\n' },
    ],
    [
      'encoded path segments and query',
      { ...base, method: 'GET', path: '/%3Cidx-%7Bnow%2Fd%7D%3E/_search', query: { q: 'user:kimchy', v: '' } },
      { method: 'GET', url: '/prefix/%3Cidx-%7Bnow%2Fd%7D%3E/_search?q=user%3Akimchy&v=', body: '' },
    ],
  ])('%s', async (_, request, want) => {
    received.length = 0
    const answer = await sendRequest(target, request, { previous })
    expect(received).toEqual([{ type: undefined, ...want }])
    expect(answer).toMatchObject({ status: 200, text: '{"ok":true}', warnings: ['one', 'two'] })
  })
})
