import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'
import { apiPage, docsRoot, extractModel, extractText } from './pages.js'

const rules = (m: { diagnostics: { rule: string }[] }) => m.diagnostics.map((d) => d.rule)

describe('snippet dialects', () => {
  const consoleDialect = apiPage(
    '==== {api-examples-title}\n\n[source,console]\n----\nGET _demo/a\n----\n\n[source,console-result]\n----\n{ "found": true }\n----\n\n[source,console]\n----\nPUT _demo/b\n{ "x": 1 }\n\nGET _demo/b\n----\n// TEST[continued]\n\n[source,console-result]\n----\n{ "x": 1 }\n----\n// TESTRESPONSE[s/1/$body.x/]\n',
  )
  const jsDialect = apiPage(
    '==== {api-examples-title}\n\n[source,js]\n----\nGET _demo/a\n----\n// CONSOLE\n\n[source,js]\n----\n{ "found": true }\n----\n// TESTRESPONSE\n\n[source,js]\n----\nPUT _demo/b\n{ "x": 1 }\n\nGET _demo/b\n----\n// CONSOLE\n// TEST[continued]\n\n[source,js]\n----\n{ "x": 1 }\n----\n// TESTRESPONSE[s/1/$body.x/]\n',
  )

  it.each([
    ['console / console-result', consoleDialect, ['console', 'console-result']],
    ['js + // CONSOLE / // TESTRESPONSE', jsDialect, ['js', 'js']],
  ])('%s: roles, pairing, requests and options', async (_name, page, [requestLanguage, responseLanguage]) => {
    const model = await extractModel(page)
    expect(model.examples.map((e) => [e.index, e.role, e.language, e.answers])).toEqual([
      [0, 'request', requestLanguage, undefined],
      [1, 'response', responseLanguage, 0],
      [2, 'request', requestLanguage, undefined],
      [3, 'response', responseLanguage, 2],
    ])
    expect(model.examples[1]!.responseJson).toEqual({ found: true })
    expect(model.examples[2]!.requests.map((r) => [r.method, r.path, r.body?.json])).toEqual([
      ['PUT', '/_demo/b', { x: 1 }],
      ['GET', '/_demo/b', undefined],
    ])
    expect(model.examples[2]!.test).toMatchObject({ continued: true })
    expect(model.examples[3]!.testResponse?.substitutions).toEqual([{ pattern: '1', replacement: '$body.x' }])
    expect(model.examples.every((e) => e.console === (e.role === 'request'))).toBe(true)
    expect(model.diagnostics).toEqual([])
  })

  it.each([
    ['// NOTCONSOLE', '[source,js]\n----\nGET x\n----\n// NOTCONSOLE', { role: 'other', notConsole: true, requests: [] }],
    ['plain [source,js]', '[source,js]\n----\n{ "a": 1 }\n----', { role: 'other', console: false }],
    ['[source,sh]', '[source,sh]\n----\ncurl localhost:9200\n----', { role: 'other', language: 'sh' }],
    ['// TESTSETUP', '[source,console]\n----\nPUT x\n----\n// TESTSETUP', { role: 'request', testSetup: true }],
    ['// TEARDOWN', '[source,console]\n----\nDELETE x\n----\n// TEARDOWN', { role: 'request', teardown: true }],
    ['// TEST without CONSOLE', '[source,js]\n----\nGET x\n----\n// TEST', { role: 'request', console: false }],
  ])('%s', async (_name, snippet, want) => {
    const model = await extractModel(apiPage(`==== {api-examples-title}\n\n${snippet}\n`))
    expect(model.examples).toHaveLength(1)
    expect(model.examples[0]).toMatchObject(want)
  })

  it('a literal block is no snippet', async () => {
    const model = await extractModel(apiPage('==== {api-examples-title}\n\n....\nGET x\n....\n'))
    expect(model.examples).toEqual([])
  })

  it('a response with no request before it is reported', async () => {
    const model = await extractModel(apiPage('==== {api-examples-title}\n\n[source,console-result]\n----\n{}\n----\n'))
    expect(model.examples[0]).toMatchObject({ role: 'response' })
    expect(model.examples[0]!.answers).toBeUndefined()
    expect(rules(model)).toContain('orphan-response')
  })

  it('TEST options reach the model', async () => {
    const model = await extractModel(
      apiPage('==== {api-examples-title}\n\n[source,console]\n----\nGET _demo/x\n----\n// TEST[setup:one,teardown:two]\n// TEST[catch:missing]\n// TEST[warning:Deprecated field]\n// TEST[s/x/y/]\n// TEST[skip:not today]\n// TEST[something_new]\n'),
    )
    expect(model.examples[0]!.test).toEqual({
      continued: false,
      setup: ['one'],
      teardown: ['two'],
      catch: 'missing',
      warnings: ['Deprecated field'],
      substitutions: [{ pattern: 'x', replacement: 'y' }],
      skip: 'not today',
      cat: false,
      nonJson: false,
      unknown: ['something_new'],
    })
    expect(model.examples[0]!.markers).toHaveLength(6)
  })

  it('invalid JSON in a console body → invalid-json at the exact page position', async () => {
    const page = apiPage('==== {api-examples-title}\n\n[source,console]\n----\nPUT _demo/x\n{\n  "a": 1,\n  "b": oops\n}\n----\n')
    const model = await extractModel(page)
    const lines = page.split('\n')
    const line = lines.findIndex((l) => l.includes('oops')) + 1
    expect(model.diagnostics.filter((d) => d.rule === 'invalid-json')).toMatchObject([{ severity: 'error', file: 'page.asciidoc', line, column: lines[line - 1]!.indexOf('oops') + 1 }])
    expect(model.examples[0]!.requests[0]!.body).toMatchObject({ kind: 'json', raw: '{\n  "a": 1,\n  "b": oops\n}' })
    expect(model.examples[0]!.requests[0]!.body!.json).toBeUndefined()
  })

  it('reads // TEST[...] under a response as the doc build does: its substitutions and skip are the response\'s', async () => {
    const page = apiPage(
      '==== {api-examples-title}\n\n[source,console]\n----\nPOST _demo/a/_clean\n----\n\n[source,console-result]\n----\n{ "removed": 5, "bytes": 20 }\n----\n' +
        '// TEST[s/"removed": 5/"removed": 0/]\n// TESTRESPONSE[s/"bytes": 20/"bytes": 0/]\n// TEST[s/0/$body.$_path/]\n\n' +
        '[source,console]\n----\nPOST _demo/b/_flush\n----\n\n[source,console-result]\n----\n{ "ok": true }\n----\n// TEST[skip: answers vary]\n',
    )
    const model = await extractModel(page)
    const [, cleaned, , flushed] = model.examples
    expect(cleaned?.role).toBe('response')
    expect(cleaned?.testResponse?.substitutions.map((s) => s.replacement)).toEqual(['"removed": 0', '"bytes": 0', '$body.$_path'])
    expect(cleaned?.responseJson).toEqual({ removed: '$body.$_path', bytes: '$body.$_path' })
    expect(flushed?.testResponse?.skip).toBe('answers vary')
    expect(rules(model)).toEqual([])
  })
})

describe('includes in pages', () => {
  const parms = 'tag::id[]\nIdentifier of the demo. Defaults to `main`.\nend::id[]\n\ntag::flags[]\n`a`::\n(Optional, Boolean) A.\n\n`b`::\n(Optional, Boolean) B.\nend::flags[]\ntag::c[]\n\n`c`::\n(Optional, integer) C.\nend::c[]\n'

  it('tag= inside a definition, tags= for whole entries, traced to the shared file', async () => {
    const root = docsRoot({ 'shared/parms.asciidoc': parms })
    const model = await extractModel(
      apiPage('==== {api-path-parms-title}\n\n`<demo_id>`::\n(Required, string)\ninclude::{es-repo-dir}/shared/parms.asciidoc[tag=id]\n\n==== {api-query-parms-title}\n\ninclude::../shared/parms.asciidoc[tags=flags;c]\n'),
      { root, file: 'api/page.asciidoc' },
    )
    expect(model.pathParams).toMatchObject([{ name: 'demo_id', required: true, type: 'string', default: 'main', description: 'Identifier of the demo. Defaults to main.' }])
    expect(model.queryParams.map((p) => [p.name, p.type, p.position])).toEqual([
      ['a', 'Boolean', { file: 'shared/parms.asciidoc', line: 6, column: 1 }],
      ['b', 'Boolean', { file: 'shared/parms.asciidoc', line: 9, column: 1 }],
      ['c', 'integer', { file: 'shared/parms.asciidoc', line: 14, column: 1 }],
    ])
    expect(model.diagnostics).toEqual([])
  })

  it('an include outside the root is an error and nothing of it is read', async () => {
    const outside = docsRoot({ 'secret.asciidoc': '`leaked`::\n(Optional, string) SECRET-7f3a9.\n' })
    const root = docsRoot()
    const target = path.relative(root, path.join(outside, 'secret.asciidoc'))
    const model = await extractModel(apiPage(`==== {api-query-parms-title}\n\ninclude::${target}[]\n\n\`ok\`::\n(Optional, string) Fine.\n`), { root })
    expect(JSON.stringify(model)).not.toContain('SECRET-7f3a9')
    expect(model.queryParams.map((p) => p.name)).toEqual(['ok'])
    expect(model.diagnostics.filter((d) => d.rule === 'include-outside-root')).toMatchObject([{ severity: 'error', line: 13, column: 10 }])
  })

  it('a missing include → include-not-found error at the directive', async () => {
    const model = await extractModel(apiPage('Text.\n\ninclude::{es-repo-dir}/nope.asciidoc[tag=x]\n'))
    expect(model.diagnostics).toMatchObject([{ rule: 'include-not-found', severity: 'error', line: 13, column: 10 }])
  })

  it('a file with no title is a fragment, not a page', async () => {
    expect(await extractText('tag::x[]\n`a`::\n(Optional, string) A.\nend::x[]\n')).toBeUndefined()
    const root = docsRoot({ 'shared/parms.asciidoc': parms, 'api/page.asciidoc': apiPage('Text.') })
    const result = await extractFiles([root], { root })
    expect(result.models.map((m) => m.file)).toEqual(['api/page.asciidoc'])
    expect(result.fragments).toEqual([path.join(root, 'shared/parms.asciidoc')])
  })
})

describe('attributes', () => {
  it('an undefined attribute is reported by name at its exact line and column, once per line', async () => {
    const model = await extractModel(apiPage('Uses {nowhere} and {es} here, {nowhere} again.\n\nCode `{index}` and escaped \\{nope} are fine.\n'))
    expect(model.diagnostics).toMatchObject([{ rule: 'undefined-attribute', severity: 'warning', line: 11, column: 6 }])
    expect(model.diagnostics[0]!.message).toContain('{nowhere}')
  })

  it('page, built-in and --attributes values; --attributes override built-ins', async () => {
    const page = ':product: Demo\n\n[[demo-api]]\n=== {product} {es} API\n\nText about {es} and {extra}.\n\n==== {api-request-title}\n\n`GET _demo`\n'
    expect((await extractModel(page)).title).toBe('Demo Elasticsearch API')
    const model = await extractModel(page, { attributes: { es: 'OpenSearch', extra: 'more' } })
    expect(model.title).toBe('Demo OpenSearch API')
    expect(model.description).toBe('Text about OpenSearch and more.')
    expect(model.endpoints.map((e) => e.path)).toEqual(['/_demo'])
    expect(rules(model)).toEqual([])
  })
})

describe('structure', () => {
  it('section levels out of sequence are reported by Asciidoctor at the section line', async () => {
    const model = await extractModel('[[p]]\n=== P API\n\nText.\n\n===== {api-request-title}\n\n`GET /p`\n')
    expect(model.diagnostics).toMatchObject([{ rule: 'asciidoc', severity: 'warning', line: 6 }])
    expect(model.diagnostics[0]!.message).toMatch(/section title out of sequence/)
    expect(model.endpoints.map((e) => e.path)).toEqual(['/p'])
  })

  it('a definition missing its `::` is read and reported', async () => {
    const model = await extractModel(apiPage('==== {api-query-parms-title}\n\n`a`::\n(Optional, string) A.\n\n`b` (Optional)\n(Boolean) B. Defaults to `true`.\n'))
    expect(model.queryParams.map((p) => [p.name, p.type, p.default])).toEqual([
      ['a', 'string', undefined],
      ['b', 'Boolean', 'true'],
    ])
    expect(model.diagnostics).toMatchObject([{ rule: 'missing-dlist-delimiter', line: 16, column: 4 }])
  })

  it('discrete headings head sections', async () => {
    const model = await extractModel('[[p]]\n=== P API\n\n[discrete]\n==== {api-request-title}\n\n`GET /p`\n\n[float]\n==== {api-query-parms-title}\n\n`q`::\n(Optional, string) Q.\n')
    expect(model.endpoints.map((e) => e.path)).toEqual(['/p'])
    expect(model.queryParams.map((p) => p.name)).toEqual(['q'])
  })

  it('an API page without a Request section is reported', async () => {
    const model = await extractModel('[[p]]\n=== P API\n\nText.\n')
    expect(rules(model)).toEqual(['missing-section'])
  })

  it('a title without an anchor gets a generated id, reported', async () => {
    const model = await extractModel('=== P things\n\nText.\n')
    expect(model.id).toBe('_p_things')
    expect(rules(model)).toEqual(['missing-page-id'])
  })

  it.each([
    ['experimental[]', { level: 'experimental' }],
    ['beta[]', { level: 'beta' }],
    ['preview[]', { level: 'experimental' }],
    ['deprecated[7.10.0,"Use the other API."]', { level: 'deprecated', version: '7.10.0', note: 'Use the other API.' }],
    ['deprecated[8.0.0]', { level: 'deprecated', version: '8.0.0' }],
    ['Nothing special.', { level: 'stable' }],
  ])('page stability %s', async (macro, want) => {
    const model = await extractModel(`[[p]]\n=== P things\n\n${macro}\n\nText.\n`)
    expect(model.stability).toEqual(want)
    expect(model.description).toBe(macro.startsWith('Nothing') ? 'Nothing special.\n\nText.' : 'Text.')
  })
})

describe('prerequisites', () => {
  it.each([
    ['* You must have the `manage` or `monitor` cluster privilege.', ['manage', 'monitor'], []],
    ['* Requires the `machine_learning_admin` built-in role.', [], ['machine_learning_admin']],
    ['* You need the `read` index privilege and the `superuser` role.', ['read'], ['superuser']],
    ['* Requires the `manage_demo` cluster privilege. The built-in `demo_admin` role grants it.', ['manage_demo'], ['demo_admin']],
    ['* If the {es} {security-features} are enabled, you must have `view_index_metadata` privileges.', ['view_index_metadata'], []],
    ['* The cluster must be green, see `_cluster/health`.', [], []],
  ])('%s', async (text, privileges, roles) => {
    const model = await extractModel(apiPage(`==== {api-prereq-title}\n\n${text}\n`))
    expect(model.prerequisites).toMatchObject([{ privileges, roles, position: { line: 13, column: 1 } }])
  })

  it('one requirement per item or paragraph', async () => {
    const model = await extractModel(apiPage('==== {api-prereq-title}\n\n* First `a` privilege.\n* Second `b` role.\n\nA paragraph naming the `c` privilege.\n'))
    expect(model.prerequisites.map((p) => [p.text, p.privileges, p.roles])).toEqual([
      ['First a privilege.', ['a'], []],
      ['Second b role.', [], ['b']],
      ['A paragraph naming the c privilege.', ['c'], []],
    ])
  })
})

describe('response codes', () => {
  it('codes with labels; an entry that is no status code is reported', async () => {
    const model = await extractModel(apiPage('==== {api-response-codes-title}\n\n`200`::\nFine.\n\n`404` (Missing resources)::\n  Not there.\n\n`oops`::\nNot a code.\n'))
    expect(model.responseCodes.map((c) => [c.code, c.description, c.position.line])).toEqual([
      [200, 'Fine.', 13],
      [404, 'Missing resources: Not there.', 16],
    ])
    expect(model.diagnostics).toMatchObject([{ rule: 'bad-response-code', line: 19 }])
  })

  it('codes the section names in sentences, at the code, but no other numbers', async () => {
    const section = '==== {api-response-codes-title}\n\nIf the widget is not defined in the `native` realm,\nthe request 404s.\n\nA locked widget returns `409`. Retry after 1.5 seconds or 200.5 ms.\n'
    const model = await extractModel(apiPage(section))
    expect(model.responseCodes.map((c) => [c.code, c.position.line, c.position.column, c.description])).toEqual([
      [404, 14, 13, 'If the widget is not defined in the native realm, the request 404s.'],
      [409, 16, 25, 'A locked widget returns 409. Retry after 1.5 seconds or 200.5 ms.'],
    ])
  })
})
