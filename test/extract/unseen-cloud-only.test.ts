import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

describe('the shared {cloud-only} note', () => {
  it('reads as the docs build writes it, with no undefined-attribute warning', async () => {
    const model = await extractModel('[[demo-api]]\n=== Demo API\n\nNOTE: {cloud-only}\n\nDoes demo things.\n\n[[demo-api-request]]\n==== {api-request-title}\n\n`GET _demo`\n')
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
    expect(model.description).toContain('designed for indirect use by Elasticsearch Service, Elastic Cloud Enterprise, and Elastic Cloud on Kubernetes')
  })
})
