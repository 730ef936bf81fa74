import { describe, expect, it } from 'vitest'
import { stripCallouts } from '../../src/console/callouts.js'
import { positionAtLines } from '../../src/console/position.js'
import { splitTarget } from '../../src/console/query.js'
import { parseConsole } from '../../src/console/requests.js'

/** What a replayed request needs: its line, method, path, query and parsed body. */
const sent = (text: string, firstLine = 1) =>
  parseConsole(text, positionAtLines('setups.yml', firstLine)).requests.map(({ position, method, path, query, body }) => ({
    line: position.line,
    method,
    path,
    query,
    ...(body && { body: { kind: body.kind, json: body.json } }),
  }))

describe('console text as sent by the replay', () => {
  it('reads request lines, bodies and line numbers', () => {
    const text = [
      'PUT my-index <1>',
      '{',
      '  "settings": { "number_of_shards": 1 } // <2>',
      '}',
      '',
      'GET /my-index/_search?q=user:kimchy&pretty',
    ].join('\n')
    expect(sent(text, 10)).toEqual([
      { line: 10, method: 'PUT', path: '/my-index', query: {}, body: { kind: 'json', json: { settings: { number_of_shards: 1 } } } },
      { line: 15, method: 'GET', path: '/my-index/_search', query: { q: 'user:kimchy', pretty: '' } },
    ])
  })

  it('reports text before the first request', () => {
    const got = parseConsole('not a request\n# comment\nGET /', positionAtLines('f', 1))
    expect(got.diagnostics).toMatchObject([{ line: 1, rule: 'console-syntax' }])
  })

  it.each([
    ['json', '{"a":1}', { kind: 'json', json: { a: 1 } }],
    ['ndjson', '{"index":{}}\n{"a":1}\n', { kind: 'ndjson', json: [{ index: {} }, { a: 1 }] }],
    ['block quotes', '{"script": """\n  ctx.x = "y"\n"""}', { kind: 'json', json: { script: '\n  ctx.x = "y"\n' } }],
    ['text', 'not json', { kind: 'text', json: undefined }],
    ['empty', '  \n ', undefined],
  ])('body: %s', (_, raw, want) => {
    expect(sent(`POST /x\n${raw}`)[0]!.body).toEqual(want)
  })

  it.each([
    ['_cat/indices?v', { path: '/_cat/indices', query: { v: '' } }],
    ['/a%2Cb/_doc/1?routing=x%20y', { path: '/a%2Cb/_doc/1', query: { routing: 'x y' } }],
  ])('target %s', (target, want) => {
    expect(splitTarget(target)).toEqual(want)
  })

  it('strips callouts only at line ends', () => {
    expect(stripCallouts('"a": "<1>" <1> <2>\n"b": 1 // <3>\n"c": "x" # <4>')).toBe('"a": "<1>"\n"b": 1\n"c": "x"')
  })
})
