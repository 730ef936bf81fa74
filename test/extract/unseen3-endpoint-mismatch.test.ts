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
