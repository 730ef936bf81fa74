import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

const snippet = (lang: string, text: string, marker = '') => `[source,${lang}]\n----\n${text}\n----\n${marker}`
const endpoints = async (page: string) => (await extractModel(page)).endpoints.map((e) => `${e.method} ${e.path}`)

// Pages without request lines: the curl era, and API pages that lost their Request section.
describe('endpoints of a page that writes no request line', () => {
  it('reads curl commands of an old page with documented parameters', async () => {
    const page = `[[widget-health]]\n== Widget Health\n\nReports widget health.\n\n${snippet('js', "$ curl -XGET 'http://localhost:9200/_widgets/health?pretty=true'")}\n\n${snippet('js', "$ curl -XGET 'http://localhost:9200/_widgets/health/w1,w2'")}\n\n${snippet('sh', 'curl localhost:9200/_widgets/health/blue')}\n\n[float]\n=== Request Parameters\n\n\`level\`::\n    Detail level. Defaults to \`cluster\`.\n`
    expect(await endpoints(page)).toEqual(['GET /_widgets/health', 'GET /_widgets/health/{id}'])
  })

  it('takes the API the examples call most, with the leading index and ids as placeholders', async () => {
    const page = `[[widget-bump]]\n== Bump API\n\n${snippet('sh', "curl -XPUT localhost:9200/shelf/widget/1 -d '{}'")}\n\n${snippet('sh', "curl -XPOST 'localhost:9200/shelf/widget/1/_bump' -d '{}'")}\n\n${snippet('sh', "curl -XPOST 'localhost:9200/shelf/widget/2/_bump?retries=3' -d '{}'")}\n`
    expect(await endpoints(page)).toEqual(['POST /{index}/{id}/{id2}/_bump'])
  })

  it('reads console examples of an API page without a Request section, leaving other APIs out', async () => {
    const page = `[[widget-lease-api]]\n=== Widget lease API\n\nLeases widgets.\n\n${snippet('console', 'POST /my-index/_lease?keep_alive=1m', '// TEST[setup:my_index]\n')}\n${snippet('console', 'POST /_search\n{"lease": {"id": "x"}}')}\n\n${snippet('console', 'DELETE /_lease\n{"id": "x"}')}\n`
    const model = await extractModel(page)
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /{index}/_lease', 'DELETE /_lease'])
    expect(model.diagnostics.filter((d) => d.rule === 'endpoint-from-example')).toHaveLength(2)
    expect(model.diagnostics.some((d) => d.rule === 'missing-section')).toBe(true)
  })

  it.each(['The Create Shelf API is used to create a shelf.', 'Use this API to create a shelf.'])('knows an old API page by its opening sentence: %j', async (intro) => {
    const page = `[[shelf-create]]\n== Create Shelf\n\n${intro}\n\n${snippet('js', 'PUT books', '// CONSOLE\n')}\n${snippet('js', 'PUT test?wait_for_active_shards=2', '// CONSOLE\n')}`
    expect(await endpoints(page)).toEqual(['PUT /{index}'])
  })

  it('reads a cat page of the curl era, shell loops included', async () => {
    const page = `[[cat-widgets]]\n== cat widgets\n\nA terse view of widgets.\n\n${snippet('sh', "% curl localhost:9200/_cat/widgets\n1384308967 18:16:07 foo green\n% curl 'localhost:9200/_cat/widgets?v&ts=0'")}\n\n${snippet('sh', '% while true; do curl localhost:9200/_cat/widgets; sleep 120; done')}\n`
    expect(await endpoints(page)).toEqual(['GET /_cat/widgets'])
  })

  it('reads the opening under a heading that restates the title, and keeps a word one example fixes after a value in another', async () => {
    const page = `[[widget-usage]]\n== Widget Feature Usage\n\n[float]\n=== Widget usage\n\nThe widget usage API allows to retrieve the usage of widget features.\n\n${snippet('js', 'GET _widgets/usage\nGET _widgets/w1,w2/usage', '// CONSOLE\n')}\n[float]\n==== REST actions usage\n\nCounts calls.\n`
    const model = await extractModel(page)
    expect(model.description).toBe('The widget usage API allows to retrieve the usage of widget features.')
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /_widgets/usage', 'GET /_widgets/{id}/usage'])
  })

  it('reads no opening under a first heading that does not restate the title', async () => {
    const page = `[[widget-usage]]\n== Widget Feature Usage\n\n[float]\n=== Counting calls\n\nThe widget usage API allows to retrieve the usage of widget features.\n`
    expect((await extractModel(page)).description).toBe('')
  })

  it('gives no endpoint to a page that is not an API page', async () => {
    const page = `[[widget-resources]]\n=== Widget resources\n\nWidgets are objects the create widget API uses.\n\n${snippet('console', 'PUT /_widgets/w1\n{"size": 1}')}\n`
    expect(await endpoints(page)).toEqual([])
  })

  it('keeps the Request section endpoints when there are some', async () => {
    const page = `[[widget-get-api]]\n=== Get widget API\n\n==== {api-request-title}\n\n\`GET /_widgets/<widget_id>\`\n\n==== {api-examples-title}\n\n${snippet('console', 'DELETE /_other/thing')}\n`
    expect(await endpoints(page)).toEqual(['GET /_widgets/{widget_id}'])
  })
})

const consoleSnippet = (request: string) => `[source,js]\n----\n${request}\n----\n// CONSOLE\n`

// Old pages with neither a Request section nor "API" in their title: a bare title naming, word for word, the
// path an example calls is that API's page, and that call (not the index-creating one before it) its endpoint.
describe('an old page whose title names the path of an example call', () => {
  it('takes its endpoint from that call', async () => {
    const model = await extractModel(`[[widgets-rebuild]]\n== Rebuild Widget Caches\n\nRebuilds caches.\n\n${consoleSnippet('PUT /my_widgets\n{ "settings": {} }')}\nThen:\n\n${consoleSnippet('POST /my_widgets/_rebuild_widget_caches')}`)
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /{index}/_rebuild_widget_caches'])
  })

  it('takes a keyword followed by a word (`_caches/rebuild`)', async () => {
    const model = await extractModel(`[[widgets-rebuild]]\n== Rebuild Caches\n\nRebuilds caches.\n\n${consoleSnippet('POST /my_widgets/_caches/rebuild')}`)
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /{index}/_caches/rebuild'])
  })

  it.each([
    ['a title with more words than the path', '== Paginate widget results', 'GET /my_widgets/_widgets'],
    ['a path with more keywords than the title', '== Widgets', 'GET /_widgets/_stats'],
  ])('not %s (a concept page)', async (_, title, call) => {
    const model = await extractModel(`[[widgets-concept]]\n${title}\n\nAbout widgets.\n\n${consoleSnippet(call)}`)
    expect(model.endpoints).toEqual([])
  })
})
