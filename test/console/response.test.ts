import { describe, expect, it } from 'vitest'
import { positionAtLines } from '../../src/console/position.js'
import { parseResponse } from '../../src/console/response.js'
import { emptyTestOptions } from '../../src/extract/snippets/test-options.js'
import type { Substitution, TestOptions } from '../../src/model/types.js'

const FILE = 'docs/page.asciidoc'
const at = positionAtLines(FILE, 50)
const options = (partial: Partial<TestOptions> = {}): TestOptions => ({ ...emptyTestOptions(), ...partial })
const s = (pattern: string, replacement: string): Substitution => ({ pattern, replacement })

describe('valid responses', () => {
  it.each<[string, string[], TestOptions | undefined, unknown]>([
    ['plain', ['{', '  "acknowledged": true', '}'], undefined, { acknowledged: true }],
    ['callouts', ['{', '  "stopped": true <1>', '}'], options(), { stopped: true }],
    [
      'stash reference',
      ['{ "took": 25, "ok": true }'],
      options({ substitutions: [s('"took": 25', '"took": $body.took')] }),
      { took: '$body.took', ok: true },
    ],
    [
      '$_path sweep',
      ['{ "a": 1, "b": [2, "x3"] }'],
      options({ substitutions: [s('\\d+', '$body.$_path')] }),
      { a: '$body.$_path', b: ['$body.$_path', 'x$body.$_path'] },
    ],
    [
      'elision fixed',
      ['{', '  "took" : 102,', '  "_shards" : ... ,', '  "hits" : []', '}'],
      options({ substitutions: [s('"took" : 102', '"took" : $body.$_path'), s('"_shards" : \\.\\.\\. ', '"_shards" : $body.$_path')] }),
      { took: '$body.$_path', _shards: '$body.$_path', hits: [] },
    ],
    [
      'elided tail',
      ['{', '  "error": { "stack_trace": ... },', '  "status": 400', '}'],
      options({ substitutions: [s('"stack_trace": \\.\\.\\.', '"stack_trace": $body.$_path')] }),
      { error: { stack_trace: '$body.$_path' }, status: 400 },
    ],
    ['value changed', ['{ "successful": 2 }'], options({ substitutions: [s('"successful": 2', '"successful": 1')] }), { successful: 1 }],
    ['group reference', ['{ "n": 10 }'], options({ substitutions: [s('"(n)": (\\d+)', '"$1": [$2, $2]')] }), { n: [10, 10] }],
    [
      'removal',
      ['{ "a": 1, "authorization" : { "x": 2 }, "b": 3 }'],
      options({ substitutions: [s('"authorization" : \\{[^}]*\\},', '')] }),
      { a: 1, b: 3 },
    ],
    [
      'already quoted reference',
      ['{ "version": "7.0.0" }'],
      options({ substitutions: [s('"version": "7.0.0"', '"version": "$body.version"')] }),
      { version: '$body.version' },
    ],
    ['dollar in a string is left alone', ['{ "price": "$5, cheap" }'], options(), { price: '$5, cheap' }],
    ['triple quotes', ['{ "q": """a "b" """ }'], undefined, { q: 'a "b" ' }],
  ])('%s', (_name, lines, opts, want) => {
    expect(parseResponse(lines.join('\n'), at, opts)).toEqual({ json: want, diagnostics: [] })
  })
})

describe('non-JSON responses', () => {
  it.each([
    ['_cat', options({ cat: true })],
    ['non_json', options({ nonJson: true })],
  ])('%s: no value, no diagnostic', (_name, opts) => {
    expect(parseResponse('health status index\ngreen  open   my-index', at, opts)).toEqual({ diagnostics: [] })
  })

  it('skipped responses are not checked', () => {
    expect(parseResponse('{ "a": ... }', at, options({ skip: 'TBD' }))).toEqual({ diagnostics: [] })
  })
})

describe('invalid responses', () => {
  it.each<[string, string[], TestOptions | undefined, { line: number; column: number; message: string }]>([
    [
      'elision without substitution',
      ['{', '  "hits": [ ... ]', '}'],
      undefined,
      { line: 51, column: 13, message: 'Response is not valid JSON: Unexpected symbol "..."' },
    ],
    [
      'missing comma',
      ['{', '  "a": 1 <1>', '  "b": 2', '}'],
      options(),
      { line: 52, column: 3, message: 'Response is not valid JSON: Expected comma' },
    ],
    [
      'substitution leaves an elision',
      ['{', '  "took": 1,', '  "x": ...', '}'],
      options({ substitutions: [s('"took": 1', '"took": $body.took')] }),
      { line: 52, column: 8, message: 'Response is not valid JSON: Unexpected symbol "..." (after TESTRESPONSE substitutions)' },
    ],
    [
      'substitution adds lines',
      ['{ "a": ... }'],
      options({ substitutions: [s('"a"', '\\n"a"\\n')] }),
      { line: 50, column: 1, message: 'Response is not valid JSON: Unexpected symbol "..." (after TESTRESPONSE substitutions)' },
    ],
    [
      'plain text',
      ['acknowledged'],
      undefined,
      { line: 50, column: 1, message: 'Response is not valid JSON: Unexpected symbol "acknowledged"' },
    ],
  ])('%s', (_name, lines, opts, want) => {
    expect(parseResponse(lines.join('\n'), at, opts)).toEqual({
      diagnostics: [{ file: FILE, severity: 'warning', rule: 'invalid-response-json', ...want }],
    })
  })

  it('reports an invalid substitution and keeps the documented JSON', () => {
    const got = parseResponse('{ "a": 1 }', at, options({ substitutions: [s('(', 'x')] }))
    expect(got.json).toEqual({ a: 1 })
    expect(got.diagnostics).toMatchObject([{ line: 50, column: 1, severity: 'warning', rule: 'invalid-substitution' }])
  })
})
