import { describe, expect, it } from 'vitest'
import { applySubstitutions, translateJavaRegex } from '../../src/replay/regex.js'

describe('s/pattern/replacement/ with Java semantics', () => {
  it.each([
    ['every match is replaced', 'a1 b22', [['\\d+', 'N']], 'aN bN'],
    ['in the order written', 'foo', [['foo', 'bar'], ['bar', 'baz']], 'baz'],
    ['$1 group reference', 'my-index-000001', [['my-index-(\\d+)', 'logs-$1']], 'logs-000001'],
    ['$0 is the whole match', 'abc', [['b', '[$0]']], 'a[b]c'],
    ['${name} group reference', 'k=v', [['(?<key>\\w)=(?<val>\\w)', '${val}=${key}']], 'v=k'],
    ['$12 reads only digits that name a group', 'ab', [['(a)', '$12']], 'a2b'],
    ['$body stays literal', '"took": 25', [['"took": 25', '"took": $body.took']], '"took": $body.took'],
    ['$body.$_path stays literal', '"n": 3', [['\\d+', '$body.$_path']], '"n": $body.$_path'],
    ['backslash escapes in the replacement', 'x', [['x', '\\$1']], '$1'],
    ['\\n in the replacement is a newline', 'POST _reindex', [['^', 'PUT source\\n']], 'PUT source\nPOST _reindex'],
    ['(?s) lets . cross lines', 'a\nb', [['(?s)a.b', 'c']], 'c'],
    ['without (?s) . stops at line ends', 'a\nb', [['a.b', 'c']], 'a\nb'],
    ['\\Q…\\E quotes', 'a.b axb', [['\\Qa.b\\E', 'Q']], 'Q axb'],
    ['possessive quantifier', 'aaa', [['a*+', 'X']], 'XX'],
    ['character class with ]', 'a]b', [['[]]', '!']], 'a!b'],
  ])('%s', (_, text, substitutions, want) => {
    const subs = substitutions.map(([pattern, replacement]) => ({ pattern: pattern!, replacement: replacement! }))
    expect(applySubstitutions(text, subs)).toBe(want)
  })

  it.each([
    ['\\A', '^'],
    ['x\\z', 'x$(?![\\s\\S])'],
    ['[\\A]', '[\\A]'],
  ])('translates anchors: %s', (pattern, source) => {
    expect(translateJavaRegex(pattern).source).toBe(source)
  })

  it('rejects the comments flag, whose meaning JavaScript cannot keep', () => {
    expect(() => translateJavaRegex('(?x) a b')).toThrow(/\(\?x\)/)
  })
})
