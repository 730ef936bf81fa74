import { describe, expect, it } from 'vitest'
import { parseConsole } from '../../src/console/requests.js'
import { positionAtLines } from '../../src/console/position.js'
import { planPage } from '../../src/emit/replay-tests/plan.js'
import { matchResponse } from '../../src/replay/match.js'
import { options, page, request, rollupStop, SETUPS } from '../replay/models.js'

const FILE = 'reference/p.asciidoc'
const scripts = { setups: SETUPS, teardowns: { drop: 'DELETE /sensor' } }
const get = (line: number, target: string) => ({
  line,
  role: 'request' as const,
  text: `GET ${target}`,
  requests: [request(FILE, line, 'GET', target)],
})
const answer = (line: number, answers: number, text = '{"ok":true}') => ({ line, role: 'response' as const, text, answers })

const plan = (snippets: Parameters<typeof page>[2]) => planPage(page(FILE, 'p', snippets), [scripts])
const rules = (snippets: Parameters<typeof page>[2]) => plan(snippets).diagnostics.map((d) => `${d.rule}@${d.line}`)
const shape = (snippets: Parameters<typeof page>[2]) =>
  plan(snippets).plan?.tests.map((t) => ({ name: t.name, steps: t.steps.map((s) => (s.kind === 'request' ? `${s.method} ${s.path}` : s.kind === 'script' ? `script ${s.script}` : `check ${s.line}`)) }))

describe('snippets to tests', () => {
  it('starts a test per request snippet and checks answers in it', () => {
    expect(shape([get(1, '/a'), answer(3, 0), get(5, '/b')])).toEqual([
      { name: `p › ${FILE}:1`, steps: ['GET /a', 'check 3'] },
      { name: `p › ${FILE}:5`, steps: ['GET /b'] },
    ])
  })

  it('keeps a body holding an integer past 2^53 as written, beside its value', () => {
    const text = 'GET /c/_search\n{ "query": { "term": { "n": 18446744073709551615 } } }'
    const requests = parseConsole(text, positionAtLines(FILE, 1)).requests
    const step = plan([{ line: 1, role: 'request', text, requests }]).plan?.tests[0]?.steps[0]
    expect(step).toMatchObject({ kind: 'request', body: { kind: 'json', json: { query: { term: { n: 2 ** 64 } } }, exact: '{"query":{"term":{"n":18446744073709551615}}}' } })
    const small = plan([{ line: 1, role: 'request', text: 'PUT /c', requests: [request(FILE, 1, 'PUT', '/c', { n: 1 })] }]).plan?.tests[0]?.steps[0]
    expect(small).toMatchObject({ body: { kind: 'json', json: { n: 1 } } })
    expect(small).not.toHaveProperty('body.exact')
  })

  it('chains continued snippets, also after a response', () => {
    expect(
      shape([get(1, '/a'), answer(3, 0), { ...get(5, '/b'), test: options({ continued: true }) }, answer(7, 2), get(9, '/c')]),
    ).toEqual([
      { name: `p › ${FILE}:1`, steps: ['GET /a', 'check 3', 'GET /b', 'check 7'] },
      { name: `p › ${FILE}:9`, steps: ['GET /c'] },
    ])
  })

  it('runs named setups first and keeps named teardowns apart', () => {
    const { plan: result } = planPage(rollupStop, [scripts])
    expect(result?.tests[0]?.steps.map((s) => (s.kind === 'request' ? `${s.method} ${s.path} ${s.from ?? ''}` : 'check'))).toEqual([
      'PUT /_rollup/job/sensor sensor_started_rollup_job',
      'POST /_rollup/job/sensor/_start sensor_started_rollup_job',
      'POST /_rollup/job/sensor/_stop ',
      'check',
    ])
    const torn = plan([{ ...get(1, '/a'), test: options({ teardown: ['drop'] }) }]).plan?.tests[0]
    expect(torn?.teardown.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /sensor'])
  })

  it('puts TESTSETUP and TEARDOWN snippets around every test, without warning checks', () => {
    const result = plan([
      { ...get(1, '/setup'), testSetup: true },
      { ...get(3, '/down'), teardown: true },
      get(5, '/a'),
    ]).plan
    expect(result?.page.setup).toEqual([{ line: 1, method: 'GET', path: '/setup', query: {} }])
    expect(result?.page.teardown.map((r) => r.path)).toEqual(['/down'])
    expect(result?.tests).toHaveLength(1)
  })

  it('runs a NOTCONSOLE snippet marked TESTSETUP or TEARDOWN, as the doc tests do', () => {
    const hidden = (line: number, text: string) => ({ line, role: 'request' as const, text, requests: [], notConsole: true, console: false })
    const result = plan([{ ...hidden(1, 'PUT /products\n{"mappings": {}}\n'), testSetup: true }, { ...hidden(5, 'DELETE /products\n'), teardown: true }, get(9, '/products/_search')])
    expect(result.plan?.page.setup).toEqual([{ line: 1, method: 'PUT', path: '/products', query: {}, body: { kind: 'json', json: { mappings: {} } } }])
    expect(result.plan?.page.teardown).toEqual([{ line: 5, method: 'DELETE', path: '/products', query: {} }])
    expect(result.diagnostics.map((d) => d.rule)).toEqual([])
  })

  it('does not replay NOTCONSOLE or plain snippets', () => {
    expect(plan([{ ...get(1, '/a'), notConsole: true }, { ...get(3, '/b'), console: false }]).plan).toBeUndefined()
  })

  it('replays // TEST snippets without // CONSOLE', () => {
    expect(shape([{ ...get(1, '/a'), console: false, test: options() }])).toHaveLength(1)
  })

  it('applies TEST substitutions to the request text', () => {
    const steps = plan([
      {
        ...get(4, '/my-index-000001/_doc/1?refresh'),
        test: options({ substitutions: [{ pattern: 'my-index-(\\d+)', replacement: 'logs-$1' }] }),
      },
    ]).plan?.tests[0]?.steps
    expect(steps).toEqual([{ kind: 'request', line: 4, method: 'GET', path: '/logs-000001/_doc/1', query: { refresh: '' }, warnings: [] }])
  })

  it('leaves the doc-test YAML steps a substitution appends out of the request body', () => {
    const yaml = '\\nstartyaml\\n  - compare_analyzers: {index: thai_example, first: thai, second: rebuilt_thai}\\nendyaml\\n'
    const snippets = [
      {
        line: 4,
        role: 'request' as const,
        text: 'PUT /thai_example\n{"settings": {"analysis": {}}}\n',
        requests: [request(FILE, 4, 'PUT', '/thai_example')],
        test: options({ substitutions: [{ pattern: '\\n$', replacement: yaml }] }),
      },
    ]
    expect(plan(snippets).plan?.tests[0]?.steps).toEqual([
      { kind: 'request', line: 4, method: 'PUT', path: '/thai_example', query: {}, body: { kind: 'json', json: { settings: { analysis: {} } } }, warnings: [] },
    ])
    expect(rules(snippets)).toEqual(['yaml-not-replayed@4'])
  })

  it('applies TESTRESPONSE substitutions and matches _cat and non_json responses as patterns', () => {
    const steps = plan([
      get(1, '/_cat/indices'),
      { ...answer(3, 0, 'green  idx 12 <1>'), testResponse: options({ cat: true, substitutions: [{ pattern: '12', replacement: '\\\\d+' }] }) },
      { ...get(5, '/x'), test: options({ continued: true }) },
      { ...answer(7, 2, 'plain'), testResponse: options({ nonJson: true }) },
    ]).plan?.tests[0]?.steps
    expect(steps?.filter((s) => s.kind === 'response')).toEqual([
      { kind: 'response', line: 3, expected: 'green  \\s+idx \\s+\\d+\\s*', mode: 'cat' },
      { kind: 'response', line: 7, expected: 'plain\\s*', mode: 'cat' },
    ])
  })

  it('matches a non_json response as the regex its substitutions make of it', () => {
    const steps = plan([
      get(1, '/_cat/master?v'),
      { ...answer(3, 0, 'id                     host      ip        node\nYzWoH_2BT-6UjVGDyPdqYg 127.0.0.1 127.0.0.1 YzWoH_2'), testResponse: options({ nonJson: true, substitutions: [{ pattern: '\\n.+', replacement: '\\n.+' }] }) },
    ]).plan?.tests[0]?.steps
    const response = steps?.find((s) => s.kind === 'response')
    if (response?.kind !== 'response') throw new Error('no response step')
    const actual = { status: 200, text: 'id                     host      ip        node\nBtuLndGCQKWfO-XRvFYPDQ 127.0.0.1 127.0.0.1 node-0\n' }
    expect(matchResponse(actual, response, { file: FILE, line: 3 })).toEqual({ ok: true })
  })

  it('expects catch: on the last request only and warning: on each', () => {
    const steps = plan([
      {
        line: 1,
        role: 'request',
        text: 'GET /a\nGET /b',
        requests: [request(FILE, 1, 'GET', '/a'), request(FILE, 2, 'GET', '/b')],
        test: options({ catch: 'missing', warnings: ['deprecated'] }),
      },
    ]).plan?.tests[0]?.steps
    expect(steps?.map((s) => (s.kind === 'request' ? [s.catch, s.warnings] : []))).toEqual([
      [undefined, ['deprecated']],
      ['missing', ['deprecated']],
    ])
  })

  it('names skipped tests with their reason and skips what continues them', () => {
    const result = plan([
      { ...get(1, '/a'), test: options({ skip: 'needs a license' }) },
      { ...get(3, '/b'), test: options({ continued: true }) },
    ])
    expect(result.plan?.tests.map((t) => [t.name, t.skip])).toEqual([[`p › ${FILE}:1`, 'needs a license']])
  })
})

describe('generation-time diagnostics', () => {
  it.each([
    ['TEST[continued] on the first snippet', [{ ...get(1, '/a'), test: options({ continued: true }) }], ['continued-without-test@1']],
    ['TESTSETUP after a test', [get(1, '/a'), { ...get(3, '/s'), testSetup: true }], ['testsetup-not-first@3']],
    ['catch: with several requests', [
      { line: 1, role: 'request' as const, text: '', requests: [request(FILE, 1, 'GET', '/a'), request(FILE, 2, 'GET', '/b')], test: options({ catch: 'missing' }) },
    ], ['catch-last-request-only@1']],
    ['unknown catch:', [{ ...get(1, '/a'), test: options({ catch: 'param' }) }], ['unknown-catch@1']],
    ['continuing a skipped snippet', [{ ...get(1, '/a'), test: options({ skip: 'x' }) }, { ...get(3, '/b'), test: options({ continued: true }) }], ['continues-skipped-test@3']],
    ['a response with no request', [answer(1, 7)], ['response-without-request@1']],
    ['a response to TESTSETUP', [{ ...get(1, '/s'), testSetup: true }, answer(3, 0)], ['response-after-testsetup@3']],
    ['a response to a snippet that is not replayed', [{ ...get(1, '/a'), notConsole: true }, answer(3, 0)], ['response-not-replayed@3']],
    ['an unknown named setup', [{ ...get(1, '/a'), test: options({ setup: ['nope'] }) }], ['unknown-setup@1']],
    ['an unknown named teardown', [{ ...get(1, '/a'), test: options({ teardown: ['nope'] }) }], ['unknown-teardown@1']],
    ['a response that is not JSON', [get(1, '/a'), answer(3, 0, 'not json')], ['unparsable-response@3']],
    ['a request snippet without requests', [{ line: 1, role: 'request' as const, text: 'nothing', requests: [] }], ['no-requests@1']],
    ['a substitution JavaScript cannot run', [{ ...get(1, '/a'), test: options({ substitutions: [{ pattern: '\\p{L}', replacement: 'b' }] }) }], ['invalid-substitution@1']],
    ['an invalid response substitution', [get(1, '/a'), { ...answer(3, 0), testResponse: options({ substitutions: [{ pattern: '(', replacement: '' }] }) }], ['invalid-substitution@3']],
    ['a well-formed page', [get(1, '/a'), answer(3, 0)], []],
  ])('%s', (_, snippets, want) => {
    expect(rules(snippets)).toEqual(want)
  })

  it('skips a test whose named setup is unknown, saying why: an error with a setups file', () => {
    const { plan: result, diagnostics } = plan([{ ...get(1, '/a'), test: options({ setup: ['nope'] }) }])
    expect(result?.tests[0]?.skip).toBe('setup "nope" is not defined')
    expect(diagnostics).toMatchObject([{ rule: 'unknown-setup', severity: 'error' }])
  })

  it('skips a test with a named setup when no setups file was given: a warning', () => {
    const { plan: result, diagnostics } = planPage(page(FILE, 'p', [{ ...get(1, '/a'), test: options({ setup: ['sensor_rollup_job'] }) }, get(3, '/b')]), [])
    expect(result?.tests.map((t) => [t.name, t.skip])).toEqual([[`p › ${FILE}:1`, 'setup "sensor_rollup_job" needs a setups file'], [`p › ${FILE}:3`, undefined]])
    expect(diagnostics).toMatchObject([{ rule: 'unknown-setup', severity: 'warning', line: 1, message: expect.stringMatching(/no setups file was given \(--setups\)/) }])
  })

  it('skips a test whose named teardown is unknown, saying why', () => {
    expect(plan([{ ...get(1, '/a'), test: options({ teardown: ['nope'] }) }]).plan?.tests[0]?.skip).toBe('teardown "nope" is not defined')
  })

  it('skips a test whose substitution cannot be applied', () => {
    const bad = options({ substitutions: [{ pattern: '(', replacement: '' }] })
    expect(plan([{ ...get(1, '/a'), test: bad }]).plan?.tests[0]?.skip).toBe('a substitution cannot be applied')
    expect(plan([get(1, '/a'), { ...answer(3, 0), testResponse: bad }]).plan?.tests[0]?.skip).toBe('a substitution cannot be applied')
  })

  it('locates diagnostics in the page file', () => {
    expect(plan([answer(9, 7)]).diagnostics[0]).toMatchObject({ file: FILE, line: 9, column: 1, severity: 'warning' })
  })
})

describe('test names', () => {
  it('adds the column when snippets share a line (damaged pages)', () => {
    const snippets = [get(1, '/a'), get(1, '/b')].map((s, i) => ({ ...s, position: { file: FILE, line: 1, column: 10 + i * 50 } }))
    expect(shape(snippets)?.map((t) => t.name)).toEqual([`p › ${FILE}:1:10`, `p › ${FILE}:1:60`])
  })
})
