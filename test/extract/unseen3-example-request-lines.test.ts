import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

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
