import { describe, expect, it } from 'vitest'
import { readDocJson, servedBody, substituteLeniently } from '../../src/serve/doc-json.js'
import { responseSnippet } from './models.js'

describe('readDocJson', () => {
  it.each([
    ['plain JSON', '{"a": [1, 2]}', { a: [1, 2] }],
    ['callouts', '{\n  "a": 1, <1>\n  "b": 2 <2>\n}', { a: 1, b: 2 }],
    ['an elided value', '{ "a": 1, "b": ... }', { a: 1, b: null }],
    ['elided trailing members', '{ "a": 1,\n  ...\n}', { a: 1 }],
    ['elided leading items', '[ ..., 3 ]', [3]],
    ['stash references', '{ "a": $body.a, "b": "$body.b" }', { a: null, b: null }],
    ['triple-quoted strings', '{ "q": """say "hi"\nnow""" }', { q: 'say "hi"\nnow' }],
    ['a trailing comma', '{ "a": 1, }', { a: 1 }],
  ])('reads %s', (_, text, want) => {
    const got = readDocJson(text)
    expect(JSON.parse(JSON.stringify(got))).toEqual(want)
  })

  it.each(['health status index\ngreen open logs', '', 'true'])('leaves non-JSON text alone: %j', (text) => {
    expect(readDocJson(text)).toBeUndefined()
  })
})

describe('substituteLeniently', () => {
  it.each([
    ['a literal', '"took": 25', [{ pattern: '"took": 25', replacement: '"took": $body.took' }], '"took": $body.took'],
    ['Java group references', 'a=1 b=2', [{ pattern: '(\\w)=(\\d)', replacement: '$2=$1' }], '1=a 2=b'],
    ['escaped dollars', 'x', [{ pattern: 'x', replacement: '\\$1' }], '$1'],
    [
      'in order',
      'abc',
      [
        { pattern: 'a', replacement: 'b' },
        { pattern: 'bb', replacement: 'z' },
      ],
      'zc',
    ],
    ['inline flags', 'A\nB', [{ pattern: '(?s)A.B', replacement: 'x' }], 'x'],
    ['skipping patterns JavaScript cannot read', 'a', [{ pattern: 'a(?<', replacement: 'b' }], 'a'],
  ])('applies %s', (_, text, substitutions, want) => {
    expect(substituteLeniently(text, substitutions)).toBe(want)
  })
})

describe('servedBody', () => {
  it('keeps documented values that substitutions only open, drops what they remove', () => {
    const snippet = responseSnippet(1, 0, '{ "took": 25, "auth": { "u": 1 }, "ok": true }', [
      { pattern: '"took": 25', replacement: '"took": $body.took' },
      { pattern: '"auth": \\{[^}]*\\}, ', replacement: '' },
    ])
    expect(servedBody(snippet)).toEqual({ json: { took: 25, ok: true } })
  })

  it('serves non-JSON responses as text', () => {
    const snippet = responseSnippet(1, 0, 'epoch timestamp\n1475247709 17:01:49')
    expect(servedBody(snippet)).toEqual({ text: 'epoch timestamp\n1475247709 17:01:49' })
  })
})
