import fs from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'
import type { PageModel } from '../../src/model/types.js'
import { extractModel, FIXTURES } from './pages.js'

const schema: object = JSON.parse(fs.readFileSync(new URL('../../src/model/schema.json', import.meta.url), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: true }).compile<PageModel>(schema)
const errorsOf = (model: unknown) => (validate(model) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`))

describe('every model validates against src/model/schema.json (draft-07)', async () => {
  const { models } = await extractFiles([FIXTURES], { root: FIXTURES })

  it('extracts every fixture page', () => {
    expect(models.map((m) => m.file)).toEqual(expect.arrayContaining(['rollup-stop-job.asciidoc', 'stop-dfanalytics-damaged.asciidoc', 'widgets/get-widget-stats.asciidoc', 'widgets/put-widget.asciidoc', 'widgets/delete-widget.asciidoc']))
  })

  it.each(models.map((m) => [m.file, m] as const))('%s', (_file, model) => {
    expect(errorsOf(model)).toEqual([])
    // No error-level finding: `npm start` runs over these pages.
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a page of every construct', '[[p]]\n=== P API\n\nbeta[]\n\n==== {api-request-title}\n\n`PUT /p/<id>`\n\n==== {api-request-body-title}\n\n`o`::\n(Optional, object) O.\n+\n`i`:::\n(Required, string) One of `a` or `b`. Defaults to `a`. deprecated[1.0.0]\n\n==== {api-examples-title}\n\n[source,console]\n----\nPUT /p/1\n{ "o": { "i": oops } }\n----\n// TEST[catch:bad_request,s/a/b/]\n\n[source,console-result]\n----\n{ "ok": true }\n----\n'],
  ])('%s', async (_name, page) => {
    expect(errorsOf(await extractModel(page))).toEqual([])
  })
})

describe('a broken model does not validate', async () => {
  const { models } = await extractFiles([`${FIXTURES}/rollup-stop-job.asciidoc`], { root: FIXTURES })
  const good = models[0]!
  const broken = (change: (m: Record<string, any>) => void): unknown => {
    const copy = structuredClone(good) as unknown as Record<string, any>
    change(copy)
    return copy
  }

  it.each([
    ['a missing field', broken((m) => delete m.endpoints), /must have required property 'endpoints'/],
    ['an unknown field', broken((m) => (m.extra = 1)), /must NOT have additional properties/],
    ['a working field left on a parameter', broken((m) => (m.queryParams[0].raw = 'x')), /\/queryParams\/0 must NOT have additional properties/],
    ['an unknown HTTP method', broken((m) => (m.endpoints[0].method = 'FETCH')), /\/endpoints\/0\/method must be equal to one of the allowed values/],
    ['a line 0', broken((m) => (m.pathParams[0].position.line = 0)), /\/pathParams\/0\/position\/line must be >= 1/],
    ['a string for a boolean', broken((m) => (m.queryParams[1].required = 'no')), /\/queryParams\/1\/required must be boolean/],
    ['an unknown stability', broken((m) => (m.stability.level = 'alpha')), /\/stability\/level must be equal to one of the allowed values/],
    ['a bad severity', broken((m) => m.diagnostics.push({ file: 'x', line: 1, column: 1, severity: 'fatal', rule: 'r', message: 'm' })), /\/diagnostics\/0\/severity/],
  ])('%s', (_name, model, want) => {
    expect(errorsOf(good)).toEqual([])
    expect(errorsOf(model).join('\n')).toMatch(want)
  })
})
