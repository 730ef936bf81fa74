import { describe, expect, it } from 'vitest'
import { applySubstitutions } from '../../src/console/substitute.js'

const run = (text: string, pairs: readonly (readonly [string, string])[]) =>
  applySubstitutions(
    text,
    pairs.map(([pattern, replacement]) => ({ pattern, replacement })),
  )

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
    ['every match of a class', 'a1 b22', [['\\d+', 'N']], 'aN bN'],
    ['^ is the start of the text only', 'one\ntwo\n', [['^', 'PUT source\\n']], 'PUT source\none\ntwo\n'],
    ['\\n in the replacement is a newline', 'POST _reindex', [['^', 'PUT source\\n']], 'PUT source\nPOST _reindex'],
    ['\\\\n in the replacement is an escaped newline, as Elasticsearch reads it', 'a', [['a', '\\\\n']], '\n'],
    ['$ also before a final line break', 'one\ntwo\n', [['two$', '2']], 'one\n2\n'],
    ['\\z only at the very end', 'a\n', [['a\\z', 'b']], 'a\n'],
    ['\\z under (?m)', 'a\na', [['(?m)a\\z', 'b']], 'a\nb'],
    ['\\A under (?m)', 'a\na', [['(?m)\\Aa', 'b']], 'b\na'],
    ['$body is literal', '"took": 5', [['"took": \\d+', '"took": $body.took']], '"took": $body.took'],
    ['$body.$_path is literal', '"n": 3', [['\\d+', '$body.$_path']], '"n": $body.$_path'],
    ['$1 group', 'ab', [['(a)(b)', '$2$1']], 'ba'],
    ['$1 group in context', 'my-index-000001', [['my-index-(\\d+)', 'logs-$1']], 'logs-000001'],
    ['$0 is the whole match', 'abc', [['b', '[$0]']], 'a[b]c'],
    ['$12 reads only existing groups', 'ab', [['(a)(b)', '$12']], 'a2'],
    ['$12 with one group', 'ab', [['(a)', '$12']], 'a2b'],
    ['${name} group', 'ab', [['(?<first>a)b', '${first}!']], 'a!'],
    ['${name} groups swapped', 'k=v', [['(?<key>\\w)=(?<val>\\w)', '${val}=${key}']], 'v=k'],
    ['\\$ escapes', 'a', [['a', '\\$1']], '$1'],
    ['\\${name} is literal', 'otherhost:9200', [['otherhost:9200', '\\${host}']], '${host}'],
    ['\\Q…\\E quotes', 'a.b axb', [['\\Qa.b\\E', 'X']], 'X axb'],
    ['\\Q…\\E in a class', 'a-b', [['[\\Q-\\E]', '+']], 'a+b'],
    ['possessive quantifier', 'aaa', [['a++', 'b']], 'b'],
    ['possessive star', 'aaa', [['a*+', 'X']], 'XX'],
    ['possessive after an escaped backslash', '\\\\x', [['\\\\++x', 'y']], 'y'],
    ['lazy quantifier', 'aaa', [['a+?', 'b']], 'bbb'],
    ['possessive ? on an escaped (', '(a a', [['\\(?+a', 'b']], 'b b'],
    ['possessive counted quantifier', 'aaaa', [['a{2}+', 'b']], 'bb'],
    ['atomic group', 'abc', [['(?>ab)c', 'x']], 'x'],
    ['leading (?i)', 'ABC', [['(?i)b', 'x']], 'AxC'],
    ['(?s) lets . cross lines', 'a\nb', [['(?s)a.b', 'c']], 'c'],
    ['without (?s) . stops at line ends', 'a\nb', [['a.b', 'c']], 'a\nb'],
    ['$ inside a class is literal', 'a$', [['[$]', 'S']], 'aS'],
    ['character class with ]', 'a]b', [['[]]', '!']], 'a!b'],
    ['\\h is horizontal white space', 'a \tb', [['\\h+', '_']], 'a_b'],
    ['\\R is a line break', 'a\r\nb', [['\\R', ' ']], 'a b'],
  ])('%s', (_name, text, pairs, want) => {
    expect(run(text, pairs)).toEqual({ ok: true, text: want })
  })

  it.each([
    ['an invalid group', 'a(?<'],
    ['Unicode properties', '\\p{Alpha}'],
    ['nested classes', '[a[b]]'],
    ['class intersections', '[a-z&&[^e]]'],
  ])('reports %s with its index', (_name, pattern) => {
    expect(run('x', [['x', 'y'], [pattern, '']])).toMatchObject({ ok: false, index: 1 })
  })
})
