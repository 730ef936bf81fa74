import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

const snippet = (request: string) => `[source,js]\n----\n${request}\n----\n// CONSOLE\n`

// Old pages with neither a Request section nor "API" in their title: a bare title naming, word for word, the
// path an example calls is that API's page, and that call (not the index-creating one before it) its endpoint.
describe('an old page whose title names the path of an example call', () => {
  it('takes its endpoint from that call', async () => {
    const model = await extractModel(`[[widgets-rebuild]]\n== Rebuild Widget Caches\n\nRebuilds caches.\n\n${snippet('PUT /my_widgets\n{ "settings": {} }')}\nThen:\n\n${snippet('POST /my_widgets/_rebuild_widget_caches')}`)
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /{index}/_rebuild_widget_caches'])
  })

  it('takes a keyword followed by a word (`_caches/rebuild`)', async () => {
    const model = await extractModel(`[[widgets-rebuild]]\n== Rebuild Caches\n\nRebuilds caches.\n\n${snippet('POST /my_widgets/_caches/rebuild')}`)
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /{index}/_caches/rebuild'])
  })

  it.each([
    ['a title with more words than the path', '== Paginate widget results', 'GET /my_widgets/_widgets'],
    ['a path with more keywords than the title', '== Widgets', 'GET /_widgets/_stats'],
  ])('not %s (a concept page)', async (_, title, call) => {
    const model = await extractModel(`[[widgets-concept]]\n${title}\n\nAbout widgets.\n\n${snippet(call)}`)
    expect(model.endpoints).toEqual([])
  })
})
