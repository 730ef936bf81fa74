import { describe, expect, it } from 'vitest'
import { applySubstitutions, javaRegex } from '../../src/extract/snippets/substitute.js'

describe('applySubstitutions (Java replaceAll semantics)', () => {
  it.each<[string, string, [string, string][], string]>([
    [
      'in order',
      'a',
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      'c',
    ],
    ['every match', 'x1 x2', [['x', 'y']], 'y1 y2'],
    ['^ is the start of the text only', 'one\ntwo\n', [['^', 'PUT source\\n']], 'PUT source\none\ntwo\n'],
    ['$ also before a final line break', 'one\ntwo\n', [['two$', '2']], 'one\n2\n'],
    ['\\z only at the very end', 'a\n', [['a\\z', 'b']], 'a\n'],
    ['$body is literal', '"took": 5', [['"took": \\d+', '"took": $body.took']], '"took": $body.took'],
    ['$1 group', 'ab', [['(a)(b)', '$2$1']], 'ba'],
    ['$12 reads only existing groups', 'ab', [['(a)(b)', '$12']], 'a2'],
    ['${name} group', 'ab', [['(?<first>a)b', '${first}!']], 'a!'],
    ['\\$ escapes', 'a', [['a', '\\$1']], '$1'],
    ['\\Q…\\E quotes', 'a.b axb', [['\\Qa.b\\E', 'X']], 'X axb'],
    ['possessive quantifier', 'aaa', [['a++', 'b']], 'b'],
    ['atomic group', 'abc', [['(?>ab)c', 'x']], 'x'],
    ['leading (?i)', 'ABC', [['(?i)b', 'x']], 'AxC'],
    ['$ inside a class is literal', 'a$', [['[$]', 'S']], 'aS'],
  ])('%s', (_name, text, pairs, want) => {
    const got = applySubstitutions(
      text,
      pairs.map(([pattern, replacement]) => ({ pattern, replacement })),
    )
    expect(got).toEqual({ ok: true, text: want })
  })

  it('reports an invalid pattern with its index', () => {
    const got = applySubstitutions('x', [
      { pattern: 'x', replacement: 'y' },
      { pattern: '(?x)a b', replacement: '' },
    ])
    expect(got).toMatchObject({ ok: false, index: 1 })
  })

  it('translates to a global regex', () => {
    expect(javaRegex('a').flags).toBe('g')
  })
})
