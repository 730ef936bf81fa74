import { describe, expect, it } from 'vitest'
import { parseKibana } from '../../src/console/kibana.js'
import { positionAtLines } from '../../src/console/position.js'
import type { ConsoleRequest } from '../../src/model/types.js'

const FILE = 'docs/api/page.asciidoc'
/** Snippet text whose first line is page line 50. */
const parse = (...lines: string[]) => parseKibana(lines.join('\n'), positionAtLines(FILE, 50))
const at = (line: number, column: number) => ({ file: FILE, line, column })
const rules = (result: ReturnType<typeof parse>) => result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)

describe('Kibana examples: curl commands and request lines give the requests console snippets give', () => {
  it.each<[string, string[], Partial<ConsoleRequest>]>([
    [
      'curl with headers and a quoted body across lines',
      [`$ curl -X POST api/gadgets/gadget  -H 'kbn-xsrf: true' -H 'Content-Type: application/json' -d '`, '{', '  "name": "one"', `}'`],
      { method: 'POST', path: '/api/gadgets/gadget', query: {}, headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' }, body: { kind: 'json', raw: '{\n  "name": "one"\n}', json: { name: 'one' } }, position: at(50, 3) },
    ],
    ['a bare request line', ['GET api/gadgets/_find?per_page=5'], { method: 'GET', path: '/api/gadgets/_find', query: { per_page: '5' }, position: at(50, 1) }],
    ['a request line and its body', ['POST /api/gadgets/gadget', '{ "a": 1 }'], { method: 'POST', path: '/api/gadgets/gadget', body: { kind: 'json', raw: '{ "a": 1 }', json: { a: 1 } } }],
    ['a continued line, then the body unquoted', ['$ curl -X POST api/gadgets \\', '{', '  "a": 1', '}'], { method: 'POST', path: '/api/gadgets', body: { kind: 'json', raw: '{\n  "a": 1\n}', json: { a: 1 } } }],
    ['the body on the lines after the command', ['$ curl -X POST api/gadgets/g-1/fields', '{ "count": 3 }'], { method: 'POST', body: { kind: 'json', raw: '{ "count": 3 }', json: { count: 3 } } }],
    ['options on continued lines', [`curl -X PUT api/gadgets/g-1 \\`, `  -H 'kbn-xsrf: true' \\`, `  --data-raw '{"a":1}'`], { method: 'PUT', headers: { 'kbn-xsrf': 'true' }, body: { kind: 'json', raw: '{"a":1}', json: { a: 1 } } }],
    ['-XPOST and --header=…', [`curl -XPOST --header='kbn-xsrf: x' api/x`], { method: 'POST', path: '/api/x', headers: { 'kbn-xsrf': 'x' } }],
    ['a host, a scheme and a quoted query', [`curl -XGET 'http://localhost:5601/api/status?pretty&v=1'`], { method: 'GET', path: '/api/status', query: { pretty: '', v: '1' } }],
    ['an unquoted query string the shell would split at &', ['$ curl -X POST /api/x/_rotate?type=alert&batch_size=5000'], { path: '/api/x/_rotate', query: { type: 'alert', batch_size: '5000' } }],
    ['a wildcard the shell would glob', ['$ curl -X GET api/x/_find?search_fields=name&search=my*'], { query: { search_fields: 'name', search: 'my*' } }],
    ['a placeholder the shell would read as a redirection', ['$ curl -X PUT api/views/view/<view_id>/field'], { method: 'PUT', path: '/api/views/view/<view_id>/field' }],
    ['a base URL in a variable, a pipe and credentials left out', [`curl -s -u elastic:secret "$KIBANA_URL/api/status" | jq .`], { method: 'GET', path: '/api/status', query: {} }],
    ['a space path without a leading slash', ['$ curl -X GET s/marketing/api/gadgets/g-1'], { path: '/s/marketing/api/gadgets/g-1' }],
    ['no -X but data: POST', [`curl api/x -d '{}'`], { method: 'POST', body: { kind: 'json', raw: '{}', json: {} } }],
    ['-I: HEAD', ['curl -I api/x'], { method: 'HEAD' }],
    ['a callout after the command', ['$ curl -X GET api/x?a=1 <1>'], { path: '/api/x', query: { a: '1' } }],
  ])('%s', (_name, lines, want) => {
    const got = parse(...lines)
    expect(got.diagnostics).toEqual([])
    expect(got.requests).toHaveLength(1)
    expect(got.requests[0]).toMatchObject(want)
  })

  it('reads several requests of one snippet, each with its own body', () => {
    const got = parse(`$ curl -X POST api/a -d '{"n":1}'`, '$ curl -X DELETE api/a/1', 'GET api/a', '')
    expect(got.requests.map((r) => `${r.method} ${r.path} ${r.body?.raw ?? ''}`.trim())).toEqual(['POST /api/a {"n":1}', 'DELETE /api/a/1', 'GET /api/a'])
    expect(got.requests.map((r) => r.position.line)).toEqual([50, 51, 52])
  })

  it('places an error in a quoted body where the page writes it', () => {
    const got = parse(`$ curl -X POST api/x -d '`, '{', '  "a": 1,', '}', `'`)
    expect(rules(got)).toEqual(['52:9 error invalid-json'])
    const inline = parse(`curl -X POST api/x -d '{"a": oops}'`)
    expect(rules(inline)).toEqual(['50:30 error invalid-json'])
  })

  it('places an error in an unquoted body after the command', () => {
    expect(rules(parse('$ curl -X POST api/x', '{', '  "a": 1', '  "b": 2', '}'))).toEqual(['53:3 error invalid-json'])
  })

  it('reads -X followed by the URL as the URL, with a warning, and the method from the body', () => {
    const got = parse('$ curl -X api/x/_swap', '{ "from": "a" }')
    expect(got.requests).toMatchObject([{ method: 'POST', path: '/api/x/_swap', body: { json: { from: 'a' } } }])
    expect(rules(got)).toEqual(['50:11 warning curl-syntax'])
  })

  it('keeps a form upload out of the request, and says so (info)', () => {
    const got = parse(`$ curl -X POST api/saved/_import -H "kbn-xsrf: true" --form file=@file.ndjson`)
    expect(got.requests).toMatchObject([{ method: 'POST', path: '/api/saved/_import', headers: { 'kbn-xsrf': 'true' } }])
    expect(got.requests[0]!.body).toBeUndefined()
    expect(got.diagnostics).toMatchObject([{ rule: 'curl-syntax', severity: 'info', message: expect.stringContaining('--form file=@file.ndjson') }])
  })

  it('reads no request from a curl command without a URL (error)', () => {
    const got = parse(`$ curl -H 'kbn-xsrf: true'`)
    expect(got.requests).toEqual([])
    expect(rules(got)).toEqual(['50:3 error curl-syntax'])
  })

  it('reports text before the first request as console snippets do', () => {
    expect(rules(parse('Run this:', 'GET api/x'))).toEqual(['50:1 error console-syntax'])
  })
})

describe('never a crash', () => {
  it('reads 20,000 random shell-like snippets without throwing, every finding on a line of the snippet', () => {
    const pieces = ['curl ', '$ ', '-X ', 'POST ', 'GET ', "'", '"', '\\', '\n', '{', '}', '<', '>', '&', '|', ';', '#', '$(', '${', '`', ' ', 'a', '/', '?', '=', '*', '-d ', '-H ', '--form ', '@', '\u2063', '\uE000']
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 20_000; i++) {
      let text = random() < 0.7 ? 'curl ' : ''
      for (let j = Math.floor(random() * 40); j > 0; j--) text += pieces[Math.floor(random() * pieces.length)]
      const got = parseKibana(text, positionAtLines(FILE, 1))
      const lines = text.split('\n').length
      for (const d of got.diagnostics) expect(d.line, text).toBeLessThanOrEqual(lines)
      for (const r of got.requests) expect(r.path.startsWith('/'), text).toBe(true)
    }
  })
})

describe('a URL opening with a host-like placeholder', () => {
  it('keeps it in the path, with a warning', () => {
    const got = parse('$ curl -X GET {kibana}/api/status')
    expect(got.requests).toMatchObject([{ path: '/{kibana}/api/status' }])
    expect(rules(got)).toEqual(['50:15 warning host-in-path'])
  })
})
