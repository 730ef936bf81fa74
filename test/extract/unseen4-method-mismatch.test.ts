import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const example = (request: string) => `==== {api-examples-title}\n\n[source,console]\n----\n${request}\n----\n`

// A page listing `GET …/_cancel` whose example cancels with POST: one of the two names the wrong method.
describe('an example calling an action path with another method', () => {
  it('is a method-mismatch warning; the endpoint stays as the Request section writes it', async () => {
    const model = await extractModel(apiPage(example('POST _demo/task-1/_cancel'), '`GET _demo/<task_id>/_cancel`'))
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
    const model = await extractModel(apiPage(example(request), lines))
    expect(model.diagnostics.map((d) => d.rule)).not.toContain('method-mismatch')
  })
})
