import { describe, expect, it } from 'vitest'
import { blankCallouts, snippetContents } from '../../src/console/callouts.js'
import { parseStashJson } from '../../src/console/response-json.js'
import { replaceTripleQuotes } from '../../src/console/triple-quotes.js'

describe('blankCallouts', () => {
  it.each([
    ['"a": 1 <1>', '"a": 1    '],
    ['"a": 1 <1> <2>', '"a": 1        '],
    ['"a": 1 // <1>', '"a": 1       '],
    ['"a": 1 # <1>', '"a": 1      '],
    ['"a": "<1>"', '"a": "<1>"'],
    ['"a": 1 // why', '"a": 1 // why'],
    ['http://x/<1', 'http://x/<1'],
  ])('%j', (line, want) => {
    expect(blankCallouts(line)).toBe(want)
  })
})

describe('snippetContents', () => {
  it('drops callouts and trailing blanks and ends every line, as the doc tests build snippets', () => {
    expect(snippetContents('GET /x <1>\n{ "a": 1 }  \n}')).toBe('GET /x\n{ "a": 1 }\n}\n')
  })
})

describe('replaceTripleQuotes', () => {
  it.each([
    ['{"q": """a "b"\nc"""}', '{"q": "a \\"b\\"\\nc"}'],
    ['{"q": """open', '{"q": """open'],
  ])('%j', (text, want) => {
    expect(replaceTripleQuotes(text)).toBe(want)
  })
})

describe('parseStashJson', () => {
  it.each<[string, string, unknown]>([
    [
      'bare references become strings',
      '{ "a": $body.a, "b": [$body.$_path], "c": $body.hits.0.@timestamp }',
      { a: '$body.a', b: ['$body.$_path'], c: '$body.hits.0.@timestamp' },
    ],
    ['strings are left alone', '{ "a": "$5, cheap" }', { a: '$5, cheap' }],
    ['comments are allowed', '{ "a": 1 // one\n}', { a: 1 }],
    ['triple quotes', '{ "a": """x"y""" }', { a: 'x"y' }],
  ])('%s', (_name, text, want) => {
    expect(parseStashJson(text)).toEqual({ ok: true, value: want })
  })

  it('reports an error at its place in the source', () => {
    expect(parseStashJson('{ "q": """a""", $body.x: 1 nope }')).toMatchObject({ ok: false, offset: 27 })
  })
})
