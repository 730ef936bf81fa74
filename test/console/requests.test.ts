import { describe, expect, it } from 'vitest'
import type { ConsoleRequest } from '../../src/model/types.js'
import { exactBodyText } from '../../src/console/body.js'
import { parseConsole } from '../../src/console/requests.js'
import { positionAtLines } from '../../src/console/position.js'

const FILE = 'docs/page.asciidoc'
/** Snippet text whose first line is page line 100. */
const parse = (...lines: string[]) => parseConsole(lines.join('\n'), positionAtLines(FILE, 100))
const at = (line: number, column: number) => ({ file: FILE, line, column })

describe('request lines', () => {
  it.each<[string, Partial<ConsoleRequest>]>([
    ['GET _search', { method: 'GET', path: '/_search', query: {} }],
    ['get /_search', { method: 'GET', path: '/_search', query: {} }],
    [
      'Post _rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s',
      { method: 'POST', path: '/_rollup/job/sensor/_stop', query: { wait_for_completion: 'true', timeout: '10s' } },
    ],
    ['GET _cat/indices?v', { path: '/_cat/indices', query: { v: '' } }],
    ['GET /_search?pretty', { path: '/_search', query: { pretty: '' } }],
    ['GET /_search?q=user.id%3Akimchy+x&q=last', { path: '/_search', query: { q: 'last' } }],
    ['GET /_search?q=user.id%3Akimchy+x', { query: { q: 'user.id:kimchy x' } }],
    ['GET /_search?bad=%E0%A4%A', { query: { bad: '%E0%A4%A' } }],
    ['DELETE _ml/data_frame/analytics/{job_id}', { method: 'DELETE', path: '/_ml/data_frame/analytics/{job_id}' }],
    ['HEAD <index>/_doc/<_id>', { method: 'HEAD', path: '/<index>/_doc/<_id>' }],
    ['PATCH /', { method: 'PATCH', path: '/' }],
    ['GET sensor-1,sensor_rollup/_rollup_search <1>', { path: '/sensor-1,sensor_rollup/_rollup_search' }],
    ['  PUT my-index', { method: 'PUT', path: '/my-index', position: at(100, 3) }],
  ])('%s', (line, want) => {
    const got = parse(line)
    expect(got.diagnostics).toEqual([])
    expect(got.requests).toHaveLength(1)
    expect(got.requests[0]).toMatchObject({ position: at(100, 1), ...want })
    expect(got.requests[0]!.body).toBeUndefined()
  })

  it('keeps a query parameter named __proto__ as data', () => {
    const query = parse('GET /x?__proto__=1').requests[0]!.query
    expect(Object.keys(query)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype)
  })

  it('warns about text after the path', () => {
    const got = parse('GET /_search HTTP/1.1')
    expect(got.requests[0]!.path).toBe('/_search')
    expect(got.diagnostics).toMatchObject([{ ...at(100, 14), severity: 'warning', rule: 'console-syntax' }])
  })

  it('reports lines before the first request once per run', () => {
    const got = parse('# a comment', '// another', '', '{ "stray": 1 }', '"more"', '', 'oops', 'GET /')
    expect(got.requests).toMatchObject([{ method: 'GET', path: '/', position: at(107, 1) }])
    expect(got.diagnostics).toMatchObject([
      { ...at(103, 1), severity: 'error', rule: 'console-syntax' },
      { ...at(106, 1), severity: 'error', rule: 'console-syntax' },
    ])
  })
})

describe('bodies', () => {
  it.each<[string, string[], unknown]>([
    ['object', ['PUT my-index', '{', '  "settings": { "number_of_shards": 1 }', '}'], { settings: { number_of_shards: 1 } }],
    ['callouts stripped', ['PUT _rollup/job/sensor', '{', '  "groups": { <1>', '    "x": 1 <2> <3>', '  }', '}'], { groups: { x: 1 } }],
    ['comments', ['GET /_search', '{', '  // why', '  # hash comment', '  "size": 0 /* inline */', '}'], { size: 0 }],
    [
      'triple quotes',
      ['POST _scripts/s', '{', '  "script": { "source": """', '    if (a == "b") {', "      return '\\\\d'; }", '    """ }', '}'],
      // The text between the quotes exactly, as both Kibana and the doc tests read it.
      { script: { source: '\n    if (a == "b") {\n      return \'\\\\d\'; }\n    ' } },
    ],
    ['one-line triple quotes', ['POST x', '{ "q": """say "hi\\" """ }'], { q: 'say "hi\\" ' }],
    ['string body', ['POST _analyze', '"text"'], 'text'],
    ['"__proto__" key', ['PUT x', '{ "__proto__": { "a": 1 } }'], JSON.parse('{ "__proto__": { "a": 1 } }')],
  ])('%s', (_name, lines, want) => {
    const got = parse(...lines)
    expect(got.diagnostics).toEqual([])
    expect(got.requests).toHaveLength(1)
    expect(got.requests[0]!.body).toMatchObject({ kind: 'json', json: want })
  })

  it('writes a body holding an integer past 2^53 with its integers as written', () => {
    const [term, bulk, small] = parse(
      'GET counters/_search',
      '{ "query": { "term": { "n": 18446744073709551615 } }, "size": 2,',
      '  # hash comment',
      '  "script": """a "b" c""", "f": 1.5e3 }',
      '',
      'POST counters/_bulk',
      '{"index":{"_id":1}}',
      '// a comment line',
      '{"n": -9223372036854775809}',
      '',
      'PUT counters/_doc/1',
      '{ "n": 9007199254740991 }',
    ).requests.map((r) => exactBodyText(r.body!))
    expect(term).toBe('{"query":{"term":{"n":18446744073709551615}},"size":2,"script":"a \\"b\\" c","f":1.5e3}')
    expect(bulk).toBe('{"index":{"_id":1}}\n{"n":-9223372036854775809}\n')
    expect(small).toBeUndefined()
  })

  it('keeps the raw text without callouts or surrounding blank lines', () => {
    const got = parse('PUT x', '', '{ "a": """x""" } <1>', '', '')
    expect(got.requests[0]!.body).toEqual({ kind: 'json', raw: '{ "a": """x""" }', json: { a: 'x' } })
  })

  it.each<[string, string[], unknown[]]>([
    [
      '_bulk',
      [
        'POST _bulk',
        '{ "index" : { "_index" : "test", "_id" : "1" } }',
        '{ "field1" : "value1" }',
        '',
        '{ "delete" : { "_index" : "test", "_id" : "2" } }',
      ],
      [{ index: { _index: 'test', _id: '1' } }, { field1: 'value1' }, { delete: { _index: 'test', _id: '2' } }],
    ],
    ['index _bulk one line', ['POST my-index/_bulk?refresh', '{ "index": {} }'], [{ index: {} }]],
    ['_msearch', ['GET my-index/_msearch', '{ }', '{"query" : {"match_all" : {}}}'], [{}, { query: { match_all: {} } }]],
    ['_msearch/template', ['GET _msearch/template', '{ }', '{ "id": "t" }'], [{}, { id: 't' }]],
    ['_data', ['POST _ml/anomaly_detectors/job-1/_data', '{"a": 1}', '{"a": 2}'], [{ a: 1 }, { a: 2 }]],
    [
      'several values elsewhere',
      ['POST _text_structure/find_structure', '{"message": "a"}', '{"message": "b"}'],
      [{ message: 'a' }, { message: 'b' }],
    ],
  ])('NDJSON: %s', (_name, lines, want) => {
    const got = parse(...lines)
    expect(got.diagnostics).toEqual([])
    expect(got.requests[0]!.body).toMatchObject({ kind: 'ndjson', json: want })
  })

  it('treats a body that cannot start JSON as text', () => {
    const got = parse('POST _text_structure/find_structure', 'Jan 1 host sshd: accepted', 'Jan 2 host sshd: failed')
    expect(got.diagnostics).toEqual([])
    expect(got.requests[0]!.body).toEqual({ kind: 'text', raw: 'Jan 1 host sshd: accepted\nJan 2 host sshd: failed' })
  })

  it('splits several requests, comments between them giving no body', () => {
    const got = parse('# create', 'PUT a', '{ "x": 1 }', '', '# then read', 'GET a/_doc/1', '', 'DELETE a', '{"y":', '  2}')
    expect(got.diagnostics).toEqual([])
    expect(got.requests.map((r) => [r.method, r.path, r.position.line, r.body?.json])).toEqual([
      ['PUT', '/a', 101, { x: 1 }],
      ['GET', '/a/_doc/1', 105, undefined],
      ['DELETE', '/a', 107, { y: 2 }],
    ])
  })

  it('does not take a request line inside a triple-quoted string', () => {
    const got = parse('POST x', '{ "s": """', 'GET this is text', '""" }')
    expect(got.requests).toHaveLength(1)
    expect(got.requests[0]!.body?.json).toEqual({ s: '\nGET this is text\n' })
  })
})

describe('invalid JSON', () => {
  it.each<[string, string[], { line: number; column: number; message: string }]>([
    ['missing comma', ['PUT x', '{', '  "a": 1', '  "b": 2', '}'], { line: 103, column: 3, message: 'Expected comma' }],
    ['missing comma after callout', ['PUT x', '{', '  "a": 1 <1>', '  "b": 2', '}'], { line: 103, column: 3, message: 'Expected comma' }],
    ['trailing comma', ['PUT x', '{', '  "a": 1,', '}'], { line: 102, column: 9, message: 'Trailing comma' }],
    ['unquoted word', ['PUT x', '{ "a": nope }'], { line: 101, column: 8, message: 'Unexpected symbol "nope"' }],
    ['elision', ['PUT x', '{', '  "a": ...', '}'], { line: 102, column: 8, message: 'Unexpected symbol "..."' }],
    ['after triple quotes', ['PUT x', '{ "a": """q"q""" "b": 1 }'], { line: 101, column: 18, message: 'Expected comma' }],
    [
      'unterminated triple quotes',
      ['PUT x', '{', '  "a": """abc', '}'],
      { line: 102, column: 8, message: 'Unterminated triple-quoted string' },
    ],
    ['unclosed object', ['PUT x', '{', '  "a": 1'], { line: 102, column: 9, message: 'Expected closing brace "}"' }],
    [
      'extra closing brace',
      ['PUT x', '{', '  "a": 1', '}', '}'],
      { line: 104, column: 1, message: 'Expected end of input after the JSON value' },
    ],
    ['bad bulk line', ['POST _bulk', '{ "index": {} }', '{ "f": tru }'], { line: 102, column: 8, message: 'Unexpected symbol "tru"' }],
  ])('%s', (_name, lines, want) => {
    const got = parse(...lines)
    expect(got.diagnostics).toEqual([{ file: FILE, severity: 'error', rule: 'invalid-json', ...want }])
    expect(got.requests).toHaveLength(1)
    const body = got.requests[0]!.body!
    expect(body.json).toBeUndefined()
    expect(body.raw).toBe(
      lines
        .slice(1)
        .map((l) => l.replace(/ <1>$/, ''))
        .join('\n'),
    )
  })

  it('keeps parsing the next request after an invalid body', () => {
    const got = parse('PUT x', '{ "a" 1 }', 'GET x')
    expect(got.requests.map((r) => r.method)).toEqual(['PUT', 'GET'])
    expect(got.diagnostics).toMatchObject([{ line: 101, column: 7, message: 'Expected colon' }])
  })
})
