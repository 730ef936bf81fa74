import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const example = (marker: string) =>
  `==== {api-examples-title}\n\n[source,console]\n----\nPUT _demo/widget-1\n{\n  "words": [\n    "alpha",\n    ...\n  ]\n}\n----\n${marker}\n`

// Pages elide long bodies with `...` and have the doc tests substitute it away.
describe('a request body its TEST substitution makes valid', () => {
  it('is no invalid-json error', async () => {
    const model = await extractModel(apiPage(example('// TEST[s/\\.\\.\\./"beta"/ skip:TBD]'), '`PUT _demo/<demo_id>`'))
    expect(model.diagnostics).toEqual([])
    expect(model.examples[0]!.requests).toMatchObject([{ method: 'PUT', path: '/_demo/widget-1' }])
  })

  it.each([['// TEST[skip:TBD]'], ['// TEST[s/alpha/beta/]']])('is still an error under %s', async (marker) => {
    const model = await extractModel(apiPage(example(marker), '`PUT _demo/<demo_id>`'))
    expect(model.diagnostics).toMatchObject([{ rule: 'invalid-json', severity: 'error', line: 19 }])
  })
})
