import { describe, expect, it } from 'vitest'
import { buildValues, catPattern, firstDifference, matchResponse, parseExpectedJson, resolveReferences } from '../../src/replay/match.js'
import type { ResponseMode } from '../../src/replay/types.js'
import { catPatternSource } from '../../src/emit/replay-tests/plan.js'

const where = { file: 'reference/x.asciidoc', line: 42 }
const check = (actual: string, expected: string, mode: ResponseMode = 'json') =>
  matchResponse({ status: 200, text: actual }, { expected, mode }, where)

describe('JSON responses that match', () => {
  it.each([
    ['identical', '{"a":1}', '{"a":1}'],
    ['key order ignored', '{"b":2,"a":1}', '{\n  "a": 1,\n  "b": 2\n}'],
    ['nested key order ignored', '{"o":{"y":[1,{"q":1,"p":2}],"x":true}}', '{"o":{"x":true,"y":[1,{"p":2,"q":1}]}}'],
    ['1 equals 1.0', '{"n":1}', '{"n":1.0}'],
    ['1e2 equals 100', '{"n":100}', '{"n":1e2}'],
    ['$body reference', '{"took":7,"hits":0}', '{"took": $body.took, "hits": 0}'],
    ['quoted $body reference', '{"took":7}', '{"took": "$body.took"}'],
    ['$body.$_path everywhere', '{"took":7,"shards":{"total":3,"ok":[4,5]}}', '{"took": $body.$_path, "shards": {"total": $body.$_path, "ok": [$body.$_path, 5]}}'],
    ['reference to an object', '{"took":1,"nodes":{"n1":{"name":"x"}}}', '{"took":1,"nodes":$body.nodes}'],
    ['escaped dot in a path', '{"a.b":{"c":1}}', '{"a.b":{"c":$body.a\\.b.c}}'],
    ['whole body', '{"a":[1]}', '$body'],
    ['callout-free block quote', '{"q":"line\\nnext"}', '{"q":"""line\nnext"""}'],
    ['top-level array', '[1,2]', '[1,2]'],
  ])('%s', (_, actual, expected) => {
    expect(check(actual, expected)).toEqual({ ok: true })
  })
})

describe('JSON responses that must fail, with the path of the first difference', () => {
  it.each([
    ['other value', '{"stopped":false}', '{"stopped":true}', '$body.stopped: expected true, got false'],
    ['extra key in the response', '{"a":1,"b":2}', '{"a":1}', '$body.b: unexpected; got 2'],
    ['missing key', '{"a":1}', '{"a":1,"b":2}', '$body.b: missing; expected 2'],
    ['string is not a number', '{"n":"1"}', '{"n":1}', '$body.n: expected 1, got "1"'],
    ['array order matters', '{"l":[1,2]}', '{"l":[2,1]}', '$body.l.0: expected 2, got 1'],
    ['array length', '{"l":[1,2,3]}', '{"l":[1,2]}', '$body.l: expected 2 items, got 3'],
    ['object expected', '{"o":[]}', '{"o":{}}', '$body.o: expected an object, got []'],
    ['deep difference', '{"h":{"hits":[{"_id":"1"}]}}', '{"h":{"hits":[{"_id":"2"}]}}', '$body.h.hits.0._id: expected "2", got "1"'],
    ['reference to a missing path', '{"a":1}', '{"a":$body.nope}', '$body.a: expected "$body.nope", got 1'],
    ['null is not false', '{"a":null}', '{"a":false}', '$body.a: expected false, got null'],
  ])('%s', (_, actual, expected, difference) => {
    const result = check(actual, expected)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain('reference/x.asciidoc:42')
    expect(result.message).toContain(`first difference at ${difference}`)
  })

  it('shows a unified diff of sorted JSON, expected against actual', () => {
    const result = check('{"stopped":false,"acknowledged":true}', '{"stopped": true, "acknowledged": true}')
    expect(result).toEqual({
      ok: false,
      message: [
        'response does not match TESTRESPONSE at reference/x.asciidoc:42',
        'first difference at $body.stopped: expected true, got false',
        '',
        '--- expected',
        '+++ actual',
        '@@ -1,4 +1,4 @@',
        ' {',
        '   "acknowledged": true,',
        '-  "stopped": true',
        '+  "stopped": false',
        ' }',
      ].join('\n'),
    })
  })

  it('resolves $body before diffing, so references do not show as differences', () => {
    const result = check('{"took":9,"ok":false}', '{"took": $body.took, "ok": true}')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('   "took": 9')
  })

  it('says when the response is not JSON', () => {
    const result = check('oops', '{"a":1}')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('the response is not JSON')
  })

  it('says when the expected text is not JSON', () => {
    const result = check('{"a":1}', '{"a":')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/TESTRESPONSE at reference\/x.asciidoc:42 is not JSON/)
  })
})

describe('_cat and non_json responses, matched as the doc tests match them', () => {
  const actual = 'health status index    docs.count\nyellow open   logs-1   1200\ngreen  open   logs-2   7\n'
  /** The pattern generation builds of the documented text (after the page's own substitutions). */
  const cat = (text: string) => {
    const pattern = catPatternSource(text)
    if (!pattern.ok) throw new Error(pattern.message)
    return pattern.source
  }
  it.each([
    ['same columns, other padding', 'health status index docs.count\nyellow open logs-1 1200'],
    ['regex from substitutions', 'health status index docs.count\nyellow open logs-\\d+ \\d+'],
    ['surrounding blank lines', '\nhealth status index docs.count  \nyellow open logs-1 1200\n\n'],
    ['a part of the answer (the doc tests find the pattern)', 'yellow open logs-1 1200'],
    ['a substitution spanning lines', 'health status index docs.count\n(?:\\w+ +open +logs-\\d+ +\\d+\n)+'],
  ])('match: %s', (_, expected) => {
    expect(check(actual, cat(expected), 'cat')).toEqual({ ok: true })
  })

  it.each([
    ['other value', 'health status index docs.count\nyellow open logs-1 1300'],
    ['missing row', 'health status index docs.count\nyellow open logs-1 1200\nred open logs-3 1'],
    ['columns must be separated', 'health status indexdocs.count\nyellow open logs-1 1200'],
  ])('mismatch: %s', (_, expected) => {
    const result = check(actual, cat(expected), 'cat')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message).toContain('response does not match TESTRESPONSE at reference/x.asciidoc:42 (as the doc tests match _cat and non_json text)')
      expect(result.message).toContain('--- expected\n+++ actual')
    }
  })

  it("builds the doc tests' pattern: spaces match any white space, line ends any blanks", () => {
    expect(cat('a  b\nc d')).toBe('a  \\s+b\\s*\n c \\s+d\\s*')
    expect(catPattern(cat('a  b\nc d')).test('a b\n\nc  d')).toBe(true)
  })

  it('says at generation which pattern cannot run', () => {
    expect(catPatternSource('a (b')).toMatchObject({ ok: false, message: expect.stringContaining('not a valid regular expression') })
  })
})

describe('non_json responses', () => {
  it.each([
    ['same text', 'hello\nworld', 'hello\nworld', true],
    ['trailing blanks ignored', 'hello  \nworld\n\n', 'hello\nworld', true],
    ['other text', 'hello\nworld', 'hello\nthere', false],
    ['inner spaces matter', 'a  b', 'a b', false],
  ])('%s', (_, actual, expected, ok) => {
    expect(check(actual, expected, 'text').ok).toBe(ok)
  })

  it('shows the diff', () => {
    const result = check('hello\nworld', 'hello\nthere', 'text')
    expect(result.ok ? '' : result.message).toContain('-there\n+world')
  })
})

describe('building blocks', () => {
  it('quotes bare references but leaves strings alone', () => {
    expect(parseExpectedJson('{"a": $body.a, "b": "$not a ref", "c": [$body.$_path]}')).toEqual({
      a: '$body.a',
      b: '$not a ref',
      c: ['$body.$_path'],
    })
  })

  it.each([
    ['a trailing comma', '{\n  "took": $body.took,\n  "buckets": [ { "key": "a" }, ],\n}', { took: '$body.took', buckets: [{ key: 'a' }] }],
    ['a string broken over lines (folded into one)', '{ "description": "message:get\n      message:search" }', { description: 'message:get message:search' }],
    ['a number with a leading zero', '{ "doc_count": 00 }', { doc_count: 0 }],
  ])('reads what the doc tests read as YAML flow: %s', (_name, text, value) => {
    expect(parseExpectedJson(text)).toEqual(value)
  })

  it('still refuses what neither JSON nor YAML flow reads, with the JSON reason', () => {
    expect(() => parseExpectedJson('{ "a": 1 ...')).toThrow(/./)
    expect(() => parseExpectedJson('green open my-index')).toThrow(/./)
  })

  it('matches an answer against a response the doc tests read as YAML', () => {
    const result = check('{"took":3,"hits":{"total":1},"doc_count":0}', '{\n  "took": $body.took,\n  "hits": $body.hits,\n  "doc_count": 00,\n}', 'json')
    expect(result).toEqual({ ok: true })
  })

  it('reads an escaped dot in a reference as part of the key, however many backslashes escape it', () => {
    const actual = { i: { settings: { 'index.version.created': '7100099' } } }
    expect(resolveReferences('$body.i.settings.index\\.version\\.created', actual)).toBe('7100099')
    expect(resolveReferences('$body.i.settings.index\\\\.version\\\\.created', actual)).toBe('7100099')
    expect(resolveReferences('$body.i.settings.index.version.created', actual)).toBe('$body.i.settings.index.version.created')
  })

  it('resolves $_path to the path where the reference stands', () => {
    expect(resolveReferences({ x: { y: ['$body.$_path'] } }, { x: { y: [5] } })).toEqual({ x: { y: [5] } })
  })

  it('reports the first difference in expected order', () => {
    expect(firstDifference({ a: 1, b: 2 }, { a: 0, b: 0 })).toEqual({ path: ['a'], message: 'expected 1, got 0' })
  })
})

describe("the server's build values, as the doc build puts {version} and its kin into every snippet", () => {
  const build = buildValues({ name: 'node-0', version: { number: '7.10.0-SNAPSHOT', lucene_version: '8.7.0', build_flavor: 'default', build_type: 'tar' } })

  it('reads them from the answer to GET /', () => {
    expect(build).toEqual({ version: '7.10.0', version_qualified: '7.10.0-SNAPSHOT', lucene_version: '8.7.0', build_flavor: 'default', build_type: 'tar' })
    expect(buildValues({ tagline: 'no version' })).toEqual({})
  })

  it('puts them into a _cat pattern as literal text', () => {
    const expected = { expected: 'id \\s+v\\s*\n .+ \\s+{version}\\s*', mode: 'cat' as const }
    expect(matchResponse({ status: 200, text: 'id   v\nab12 7.10.0\n' }, expected, where, new Map(), build)).toEqual({ ok: true })
    expect(matchResponse({ status: 200, text: 'id   v\nab12 7x10y0\n' }, expected, where, new Map(), build).ok).toBe(false)
    expect(matchResponse({ status: 200, text: 'id   v\nab12 7.10.0\n' }, expected, where).ok).toBe(false)
  })

  it('puts them into JSON and text', () => {
    const json = { expected: '{"version": {"number": "{version_qualified}", "lucene_version": "{lucene_version}"}}', mode: 'json' as const }
    expect(matchResponse({ status: 200, text: '{"version":{"number":"7.10.0-SNAPSHOT","lucene_version":"8.7.0"}}' }, json, where, new Map(), build)).toEqual({ ok: true })
    expect(matchResponse({ status: 200, text: 'running 7.10.0 (tar)' }, { expected: 'running {version} ({build_type})', mode: 'text' }, where, new Map(), build)).toEqual({ ok: true })
  })
})
