import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const example = (request: string) => `==== Examples\n\n[source,console]\n----\n${request}\n----\n`

// An example calling a path one short word away from the Request section's suggests a typo, unless the two
// words are a word and its opposite (or its repetition): those are two neighbouring APIs.
describe('an example calling a path one word off the Request section', () => {
  it.each([
    ['POST /my-widget/_freeze', '`POST /<widget>/_unfreeze`'],
    ['POST /my-widget/_unfreeze', '`POST /<widget>/_freeze`'],
    ['PUT _widgets/w1/_activate', '`PUT _widgets/<widget_id>/_deactivate`'],
    ['POST _widgets/w1/_start', '`POST _widgets/<widget_id>/_restart`'],
  ])('%s next to %s is not a typo', async (call, request) => {
    const model = await extractModel(apiPage(example(call), request))
    expect(model.diagnostics.filter((d) => d.rule === 'endpoint-mismatch')).toEqual([])
  })

  it.each([
    ['POST /my-widget/_unfrezee', '`POST /<widget>/_unfreeze`'],
    ['POST /my-widget/_freezes', '`POST /<widget>/_freeze`'],
  ])('%s next to %s is', async (call, request) => {
    const model = await extractModel(apiPage(example(call), request))
    expect(model.diagnostics.filter((d) => d.rule === 'endpoint-mismatch')).toHaveLength(1)
  })
})

const examplesSection = (request: string) => `==== {api-examples-title}\n\n[source,console]\n----\n${request}\n----\n`

// A page listing `GET …/_cancel` whose examplesSection cancels with POST: one of the two names the wrong method.
describe('an examplesSection calling an action path with another method', () => {
  it('is a method-mismatch warning; the endpoint stays as the Request section writes it', async () => {
    const model = await extractModel(apiPage(examplesSection('POST _demo/task-1/_cancel'), '`GET _demo/<task_id>/_cancel`'))
    expect(model.endpoints).toMatchObject([{ method: 'GET', path: '/_demo/{task_id}/_cancel' }])
    expect(model.diagnostics).toMatchObject([{ rule: 'method-mismatch', severity: 'warning', line: 15 }])
    expect(model.diagnostics[0]!.message).toContain('only with GET')
  })

  it.each([
    ['a request with a body (a neighbouring API)', 'PUT _demo/task-1/_cancel\n{"reason": "x"}', '`GET _demo/<task_id>/_cancel`'],
    ['a path ending in a placeholder', 'PUT _demo/task-1', '`GET _demo/<task_id>`'],
    ['an action word a placeholder matched', 'POST _demo/_cancel', '`GET _demo/<task_id>`'],
    ['a method the page lists', 'POST _demo/task-1/_cancel', '`GET _demo/<task_id>/_cancel`\n\n`POST _demo/<task_id>/_cancel`'],
  ])('is no finding for %s', async (_what, request, lines) => {
    const model = await extractModel(apiPage(examplesSection(request), lines))
    expect(model.diagnostics.map((d) => d.rule)).not.toContain('method-mismatch')
  })
})

const page = (lines: string[]) => `[[demo-api]]\n=== Demo API\n\nDoes demo things.\n\n==== {api-request-title}\n\n${lines.map((l) => `\`${l}\``).join('\n\n')}\n`

// Some Request sections list a call with values beside the endpoint it calls; the values are not a path.
describe('a request line filling a placeholder of another with values', () => {
  it.each([
    ['a comma list', 'GET /_demo/policy/policy1,policy2'],
    ['a wildcard', 'GET /_demo/policy/logs-*'],
  ])('is an example of it, not an endpoint (%s)', async (_, example) => {
    const model = await extractModel(page(['GET /_demo/policy/<name>', 'GET /_demo/policy', example]))
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /_demo/policy/{name}', 'GET /_demo/policy'])
    expect(model.diagnostics.filter((d) => d.rule === 'example-request-line')).toMatchObject([{ severity: 'info', line: 12 }])
  })

  it.each([
    ['another method', ['PUT /_demo/policy/<name>', 'GET /_demo/policy/a,b']],
    ['a keyword in its place', ['GET /_demo/<id>/_stats', 'GET /_demo/_all/_stats']],
    ['a single value', ['GET /_demo/policy/<name>', 'GET /_demo/policy/policy1']],
  ])('stays an endpoint beside %s', async (_, lines) => {
    const model = await extractModel(page(lines))
    expect(model.endpoints).toHaveLength(2)
  })
})
