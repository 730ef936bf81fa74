import { describe, expect, it } from 'vitest'
import { parseBody, parseConsole, splitTarget, stripCallouts } from '../../src/replay/console.js'

describe('console text to requests', () => {
  it('reads request lines, bodies and line numbers', () => {
    const text = [
      'PUT my-index <1>',
      '{',
      '  "settings": { "number_of_shards": 1 } // <2>',
      '}',
      '',
      'GET /my-index/_search?q=user:kimchy&pretty',
    ].join('\n')
    expect(parseConsole(text, 10)).toEqual({
      requests: [
        { line: 10, method: 'PUT', path: '/my-index', query: {}, body: { kind: 'json', json: { settings: { number_of_shards: 1 } } } },
        { line: 15, method: 'GET', path: '/my-index/_search', query: { q: 'user:kimchy', pretty: '' } },
      ],
      strayLines: [],
    })
  })

  it('reports text before the first request', () => {
    expect(parseConsole('not a request\n# comment\nGET /').strayLines).toEqual([1])
  })

  it.each([
    ['json', '{"a":1}', { kind: 'json', json: { a: 1 } }],
    ['ndjson', '{"index":{}}\n{"a":1}\n', { kind: 'ndjson', lines: [{ index: {} }, { a: 1 }] }],
    ['block quotes', '{"script": """\n  ctx.x = "y"\n"""}', { kind: 'json', json: { script: '\n  ctx.x = "y"\n' } }],
    ['text', 'not json', { kind: 'text', text: 'not json' }],
    ['empty', '  \n ', undefined],
  ])('body: %s', (_, raw, want) => {
    expect(parseBody(raw)).toEqual(want)
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
