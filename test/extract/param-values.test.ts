/**
 * What a definition's text says of the values a parameter takes (value lists, comma-separated lists, any
 * number besides the listed values) and of when a response property is there, and the response body
 * section documenting the elements of an array.
 */
import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const query = (definition: string) => extractModel(apiPage(`==== {api-query-parms-title}\n\n${definition}\n`)).then((m) => m.queryParams[0]!)

describe('value lists', () => {
  it.each([
    ['`refresh`::\n(Optional, enum) If `true`, refreshes. Valid values: `true`, `false`, `wait_for`. Default: `false`.', ['true', 'false', 'wait_for']],
    ['`wait_for`::\n(Optional, string) State to wait for. Valid values are: "starting", "partially_started", and "started".', ['starting', 'partially_started', 'started']],
    ['`level`::\n(Optional, string) Level. Valid values are `cluster`, `widget` and `shard`.', ['cluster', 'widget', 'shard']],
  ])('%j', async (definition, values) => {
    expect(await query(definition)).toMatchObject({ values })
  })

  it('reads "Set to `all` or any positive integer" as one value besides any number', async () => {
    const param = await query('`wait_for_active_shards`::\n(Optional, string) Set to `all` or any positive integer up to the number of shards.')
    expect(param).toMatchObject({ values: ['all'], anyNumber: true })
  })

  it('lists no values for one quoted word', async () => {
    const param = await query('`mode`::\n(Optional, string) Use `fast` to skip checks.')
    expect(param.values).toBeUndefined()
    expect(param.anyNumber).toBeUndefined()
  })

  it('reads bare nested names under a scalar response property as its values, not its properties', async () => {
    const model = await extractModel(
      apiPage('==== {api-response-body-title}\n\n`status`::\n(string) Health status. Statuses are:\n\n`green`:::\nAll good.\n\n`red`:::\nBroken.\n\n`nodes`::\n(object) Nodes.\n+\n`total`:::\n(integer) All nodes.\n\n`data`:::\n(integer) Data nodes.\n'),
    )
    expect(model.responseBody[0]).toMatchObject({ name: 'status', values: ['green', 'red'] })
    expect(model.responseBody[0]!.children).toBeUndefined()
    expect(model.responseBody[1]!.children!.map((c) => c.name)).toEqual(['total', 'data'])
  })
})

describe('comma-separated lists', () => {
  it.each([
    ['`<demo_id>`::\n(Required, string) A demo identifier, or a comma-separated list of them.', true],
    ['`<demo_id>`::\n(Required, string) Comma-delimited names.', true],
    ['`<demo_id>`::\n(Required, string) Multiple values are accepted when separated by a comma, as in `open,hidden`.', true],
    ['`<demo_id>`::\n(Required, string) A demo identifier or a wildcard expression.', undefined],
  ])('%j', async (definition, list) => {
    const model = await extractModel(apiPage(`==== {api-path-parms-title}\n\n${definition}\n`))
    expect(model.pathParams[0]!.list).toBe(list)
  })
})

describe('properties present only in some cases', () => {
  it.each([
    ['(integer) Version. This parameter is only returned for successful operations.', true],
    ['(object) Statistics. If there are no forecasts, this property is omitted.', true],
    ['(string) The field. It is not present when partitioning is off.', true],
    ['(string) The state, as shown by the job.', undefined],
  ])('%j', async (definition, conditional) => {
    const model = await extractModel(apiPage(`==== {api-response-body-title}\n\n\`field\`::\n${definition}\n`))
    expect(model.responseBody[0]!.conditional).toBe(conditional)
  })
})

describe('a response body section documenting the elements of an array', () => {
  it('says what the elements are and where the page says so', async () => {
    const model = await extractModel(apiPage('==== {api-response-body-title}\n\nThe API returns an array of bucket objects, which have the following properties:\n\n`score`::\n(number) The score.\n'))
    expect(model.responseArray).toEqual({ of: 'bucket objects', position: expect.objectContaining({ line: 13 }) })
    expect(model.responseBody.map((p) => p.name)).toEqual(['score'])
  })

  it('is absent when the section documents the response itself', async () => {
    const model = await extractModel(apiPage('==== {api-response-body-title}\n\nThe API returns the following information:\n\n`count`::\n(integer) How many.\n'))
    expect(model.responseArray).toBeUndefined()
  })
})
