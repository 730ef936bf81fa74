/**
 * Types as small pages of our own write them, from the AsciiDoc through the model to the generated
 * module: lists a request line writes, points in time, properties present only in some answers, keys
 * that are values, and what response examples show (as written, filtered, from a curl-era page).
 */
import { describe, expect, it } from 'vitest'
import { emitTypes } from '../../src/emit/types/index.js'
import type { PageModel } from '../../src/model/types.js'
import { apiPage, extractModel } from '../extract/pages.js'

/** The page's generated module without its doc comments, and its model. */
async function read(text: string): Promise<{ types: string; model: PageModel; common: string }> {
  const model = await extractModel(text)
  const { files } = await emitTypes([model])
  const page = files.find((f) => f.path.startsWith('types/') && f.path !== 'types/_common.ts')!
  const common = files.find((f) => f.path === 'types/_common.ts')!.content
  return { types: page.content.replace(/^\s*(?:\/\*\*|\*).*\n/gm, ''), model, common }
}

const PATH = '==== {api-path-parms-title}\n\n'
const QUERY = '==== {api-query-parms-title}\n\n'
const RESPONSE = '==== {api-response-body-title}\n\n'
const EXAMPLES = '==== {api-examples-title}\n\n'
const consoleBlock = (text: string, marker = '') => `[source,console]\n----\n${text}\n----\n${marker}\n`
const resultBlock = (text: string, marker = '') => `[source,console-result]\n----\n${text}\n----\n${marker}\n`

describe('lists a request line writes', () => {
  const lines = (comma: boolean) => ['`GET _demo/<demo_id>` +', ...(comma ? ['`GET _demo/<demo_id>,<demo_id>` +'] : []), '`GET _demo`'].join('\n\n')
  const page = (comma: boolean) => apiPage(`${PATH}\`<demo_id>\`::\n(Optional, string) Identifier for the demo.\n`, lines(comma))

  it('takes a placeholder written as a comma list of itself for a list-valued parameter', async () => {
    const { model, types } = await read(page(true))
    expect(model.pathParams).toMatchObject([{ name: 'demo_id', list: true }])
    expect(types).toContain('demo_id?: string | string[]')
  })

  it('keeps a placeholder only ever written alone a single value', async () => {
    const { model, types } = await read(page(false))
    expect(model.pathParams[0]).not.toHaveProperty('list')
    expect(types).toMatch(/demo_id\?: string\n/)
  })

  it('reads "Multiple … may be specified" in the list that continues the definition', async () => {
    const text = apiPage(
      `${PATH}\`<index>\`::\n(Required, string) Index or index pattern to search.\n\nRules for the \`index\` parameter:\n\n- Multiple indices may be specified\n- Only one rollup index may be specified\n`,
      '`GET <index>/_demo`',
    )
    const { model, types } = await read(text)
    expect(model.pathParams).toMatchObject([{ name: 'index', list: true }])
    expect(types).toContain('index: string | string[]')
  })
})

describe('points in time', () => {
  const text = apiPage(
    [
      PATH,
      '`<timestamp>`::\n(Optional, string) The timestamp of a single demo result.\n\n',
      QUERY,
      '`end`::\n(Optional, string) Returns demos with timestamps earlier than this time.\n\n',
      '`start`::\n(Optional, string) Returns demos with timestamps after this time.\n\n',
      '`sort`::\n(Optional, string) Specifies the sort field for the requested demos.\n\n',
      RESPONSE,
      '`since`::\n(string) Returns nothing; named like a time all the same: timestamps after this time.\n',
    ].join(''),
    '`GET _demo/<timestamp>`',
  )

  it('types a request string the text calls a time as the client does, DateTime', async () => {
    const { types } = await read(text)
    expect(types).toContain('timestamp: DateTime')
    for (const name of ['end', 'start']) expect(types).toContain(`${name}?: DateTime`)
    expect(types).toContain('sort?: string')
    expect(types).toMatch(/since: string\n/)
  })

  it('defines DateTime as the client does: a date string, epoch milliseconds or a Date', async () => {
    const { common } = await read(text)
    expect(common).toContain('export type DateTime = string | number | Date')
  })
})

describe('response properties present only in some answers', () => {
  const properties: [string, string, boolean][] = [
    ['state', '(string) The state of the demo.', false],
    ['node', '(object) For started demos only, the node that runs the demo.', true],
    ['where', '(Optional, string) Why the demo runs where it does.', true],
    ['shown', '(object) Details of the demo. This information is available only for open demos.', true],
    ['blocked', '(object) When present, says what blocks the demo.', true],
    ['routing', '(string) The explicit routing, if set.', true],
    ['causes', '(array) The causes. If no causes exist, this field is not present.', true],
    ['mappings', '(object) Mappings of the demo. Omitted from the response if no mappings would be applied.', true],
    ['note', '(string) An optional note about the demo.', true],
    ['internal', '(integer) For internal use only.', false],
    ['count', '(integer) Documents counted. The timestamp is not included in this count.', false],
    ['flag', '(boolean) If set to `true`, the demo is flagged.', false],
    ['phase', '(string) The phase: `loading` or `computing` (for outlier detection only).', false],
  ]
  const text = apiPage(RESPONSE + properties.map(([name, definition]) => `\`${name}\`::\n${definition}\n`).join('\n'))

  it.each(properties)('%s: %s → optional %s', async (name, _, optional) => {
    const { model, types } = await read(text)
    expect(model.responseBody.find((p) => p.name === name)?.conditional === true).toBe(optional)
    expect(types).toMatch(new RegExp(`\\b${name}${optional ? '\\?' : ''}: `))
  })
})

describe('keys that are values', () => {
  it('reads a `<placeholder>` member as any key, and one whose values the text lists as those keys', async () => {
    const text = apiPage(
      RESPONSE +
        [
          '`nodes`::\n(object) The nodes, by node ID.\n+\n.Properties of `nodes`\n[%collapsible%open]\n====\n`<node_id>`:::\n(object) Statistics of one node.\n+\n.Properties of `<node_id>`\n[%collapsible%open]\n=====\n`name`::::\n(string) The node name.\n=====\n====\n',
          '`items`::\n(array of objects) Results, in order.\n+\n.Properties of `items` objects\n[%collapsible%open]\n====\n<action>:::\n(object) The action. Possible values are `create` and `delete`.\n+\n.Properties of `<action>`\n[%collapsible%open]\n=====\n`status`::::\n(integer) HTTP status code.\n=====\n====\n',
        ].join('\n'),
    )
    const { model, types } = await read(text)
    expect(model.responseBody[0]!.children).toMatchObject([{ name: 'node_id', placeholder: true }])
    expect(types).toMatch(/nodes: Record<string, (\w+)>/)
    expect(types).toMatch(/name: string/)
    expect(types).toMatch(/interface \w+Items \{\s*create\?: (\w+)\s*delete\?: \1\s*\}/)
    expect(types).toMatch(/status: number/)
  })

  it('reads an object whose keys are all names the requests write as values as a map', async () => {
    const text = apiPage(
      EXAMPLES +
        consoleBlock('PUT _demo/d1\n{\n  "fields": [ "alpha", "beta" ]\n}') +
        '\n' +
        consoleBlock('GET _demo/d1') +
        '\n' +
        resultBlock('{\n  "fields": {\n    "alpha": [ { "agg": "min" } ],\n    "beta": [ { "agg": "max", "interval": "1h" } ]\n  },\n  "alpha": 1\n}'),
    )
    const { types } = await read(text)
    expect(types).toMatch(/fields: Record<string, \w+\[\]>/)
    expect(types).toContain('interval?: string')
    expect(types).toContain('alpha: number')
  })

  it('reads an object of settings-like keys as a map', async () => {
    const text = apiPage(EXAMPLES + consoleBlock('GET _demo/d1') + '\n' + resultBlock('{\n  "attributes": {\n    "ml.machine_memory": "17179869184",\n    "ml.max_open_jobs": "512"\n  }\n}'))
    expect((await read(text)).types).toContain('attributes: Record<string, string>')
  })

  it('reads objects the text calls name and value pairs as maps', async () => {
    const text = apiPage(
      RESPONSE +
        '`feature_values`::\n(array) An array of objects that contain feature name and value pairs.\n\n' +
        EXAMPLES +
        consoleBlock('GET _demo/d1') +
        '\n' +
        resultBlock('{\n  "feature_values": [\n    {\n      "rooms": "1",\n      "price": "140.4"\n    },\n    ...\n  ]\n}', '// TEST[skip:never run]'),
    )
    expect((await read(text)).types).toContain('feature_values: Record<string, string>[]')
  })
})

describe('what response examples show', () => {
  it('takes a value a TESTRESPONSE substitution opens up as the page writes it', async () => {
    const text = apiPage(EXAMPLES + consoleBlock('GET _demo/d1') + '\n' + resultBlock('{\n  "took": 30,\n  "upgrade_mode": false\n}', '// TESTRESPONSE[s/"took": 30/"took": $body.took/]\n// TESTRESPONSE[s/"upgrade_mode": false/"upgrade_mode": $body.upgrade_mode/]'))
    const { types } = await read(text)
    expect(types).toContain('took: number')
    expect(types).toContain('upgrade_mode: boolean')
  })

  it('does not take what an answer filtered by filter_path leaves out for absent', async () => {
    const text = apiPage(
      EXAMPLES +
        consoleBlock('GET _demo/d1') +
        '\n' +
        resultBlock('{\n  "count": 1,\n  "demos": [ { "id": "d1" } ]\n}') +
        '\n' +
        consoleBlock('GET _demo/d1?filter_path=count') +
        '\n' +
        resultBlock('{\n  "count": 1\n}'),
    )
    const { types } = await read(text)
    expect(types).toContain('count: number')
    expect(types).toMatch(/demos: \w+\[\]/)
  })

  it('reads the answer a curl-era page shows after its curl command', async () => {
    const text = apiPage(
      EXAMPLES + "[source,js]\n----\ncurl -XGET 'http://localhost:9200/_demo/d1'\n----\n\nThe result:\n\n[source,js]\n----\n{\n  \"_id\": \"d1\",\n  \"found\": true\n}\n----\n",
    )
    const { types } = await read(text)
    expect(types).toContain('_id: string')
    expect(types).toContain('found: boolean')
  })
})
