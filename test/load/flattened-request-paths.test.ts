import { describe, expect, it } from 'vitest'
import { extractModel } from '../extract/pages.js'

// A flattened page that also lost its `<name>` spans: `POST /<shelf>/_close` reads `POST //_close`.
const page = `[[shelf-close]]
=== Close shelf API

Closes a shelf.

[[shelf-close-request]]
==== {api-request-title}

\`POST //_close\`

[[shelf-close-path-params]]
==== {api-path-parms-title}

\`\`::
(Required, string) The shelf to close.
`

describe('a flattened request path opening with //', () => {
  it('stays a path, its gap reported where it stands', async () => {
    const intact = await extractModel(page)
    const flat = page.replace(/\s+/g, ' ').trim()
    const model = await extractModel(flat)
    expect(model.endpoints.map((e) => e.path)).toEqual(intact.endpoints.map((e) => e.path))
    expect(model.endpoints.map((e) => e.path)).toEqual(['/{id}/_close'])
    const gap = model.diagnostics.find((d) => d.rule === 'lost-placeholder' && d.message.includes('path placeholder'))
    expect(gap?.column).toBe(flat.indexOf('//_close') + 2)
  })
})
