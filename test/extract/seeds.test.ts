import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPage } from '../../src/extract/index.js'
import { loadPage, loadText } from '../../src/load/index.js'
import type { PageModel } from '../../src/model/types.js'
import { docsRoot, FIXTURES } from './pages.js'

const ROLLUP = 'rollup-stop-job.asciidoc'
const DAMAGED = 'stop-dfanalytics-damaged.asciidoc'

async function seed(name: string): Promise<PageModel> {
  const model = await extractPage(loadPage(path.join(FIXTURES, name), { root: FIXTURES }))
  if (!model) throw new Error(`${name} is not a page`)
  return model
}

const at = (file: string, line: number, column: number) => ({ file, line, column })

describe('rollup-stop-job (well-formed seed)', async () => {
  const model = await seed(ROLLUP)
  const pos = (line: number, column: number) => at(ROLLUP, line, column)

  it('header', () => {
    expect(model).toMatchObject({
      modelVersion: 1,
      file: ROLLUP,
      id: 'rollup-stop-job',
      title: 'Stop rollup jobs API',
      titleabbrev: 'Stop rollup jobs',
      role: 'xpack',
      testenv: 'basic',
      stability: { level: 'experimental' },
    })
    expect(model.stability).toEqual({ level: 'experimental' })
    expect(model.description).toBe(
      'Stops an existing, started rollup job.\n\nIf you try to stop a job that does not exist, an exception occurs. If you try to stop a job that is already stopped, nothing happens.',
    )
  })

  it('endpoint', () => {
    expect(model.endpoints).toEqual([{ method: 'POST', path: '/_rollup/job/{job_id}/_stop', position: pos(17, 2) }])
  })

  it('prerequisites', () => {
    expect(model.prerequisites).toEqual([
      {
        text: 'You must have manage or manage_rollup cluster privileges to use this API. For more information, see Security privileges.',
        privileges: ['manage', 'manage_rollup'],
        roles: [],
        position: pos(22, 1),
      },
    ])
  })

  it('path parameter', () => {
    expect(model.pathParams).toEqual([{ name: 'job_id', required: true, type: 'string', description: 'Identifier for the rollup job.', position: pos(35, 1) }])
  })

  it('query parameters', () => {
    const [timeout, wait, ...rest] = model.queryParams
    expect(rest).toEqual([])
    expect(timeout).toMatchObject({ name: 'timeout', required: false, type: 'TimeValue', default: '30s', position: pos(41, 1) })
    expect(timeout!.description).toMatch(/^If wait_for_completion is true, the API blocks for \(at maximum\) the specified duration .* Defaults to 30s\.\n\nNOTE: Even if a timeout exception is thrown, the stop request is still processing and eventually moves the job to STOPPED\. The timeout simply means the API call itself timed out while waiting for the status change\.$/)
    expect(wait).toMatchObject({ name: 'wait_for_completion', required: false, type: 'boolean', default: 'false', position: pos(54, 1) })
    expect(wait!.description).toMatch(/^If set to true, causes the API to block .* Defaults to false\.$/)
  })

  it('no body, one response code', () => {
    expect(model.bodyParams).toEqual([])
    expect(model.responseBody).toEqual([])
    expect(model.responseCodes).toEqual([
      {
        code: 404,
        description: "Missing resources: This code indicates that there are no resources that match the request. It occurs if you try to stop a job that doesn't exist.",
        position: pos(63, 1),
      },
    ])
  })

  it('one example with its named setup', () => {
    expect(model.examples).toHaveLength(1)
    const [example] = model.examples
    expect(example).toMatchObject({
      index: 0,
      role: 'request',
      language: 'js',
      text: 'POST _rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s',
      position: pos(77, 1),
      endLine: 80,
      markers: ['// CONSOLE', '// TEST[setup:sensor_started_rollup_job]'],
      console: true,
      notConsole: false,
      testSetup: false,
      teardown: false,
      requests: [{ method: 'POST', path: '/_rollup/job/sensor/_stop', query: { wait_for_completion: 'true', timeout: '10s' }, position: pos(77, 1) }],
    })
    expect(example!.test).toEqual({ continued: false, setup: ['sensor_started_rollup_job'], teardown: [], warnings: [], substitutions: [], cat: false, nonJson: false, unknown: [] })
    expect(example!.answers).toBeUndefined()
  })

  it('no diagnostics', () => {
    expect(model.diagnostics).toEqual([])
  })
})

/** The damaged seed with its newlines put back where the page had them; its names stay lost. */
const INTACT = [
  '[role="xpack"]',
  '[testenv="platinum"]',
  '[[stop-dfanalytics]]',
  '=== Stop {dfanalytics-jobs} API',
  '[subs="attributes"]',
  '++++',
  'Stop {dfanalytics-jobs}',
  '++++',
  '',
  'experimental[]',
  '',
  'Stops one or more {dfanalytics-jobs}.',
  '',
  '[[ml-stop-dfanalytics-request]]',
  '==== {api-request-title}',
  '',
  '`POST _ml/data_frame/analytics//_stop` +',
  '',
  '`POST _ml/data_frame/analytics/,/_stop` +',
  '',
  '`POST _ml/data_frame/analytics/_all/_stop`',
  '',
  '[[ml-stop-dfanalytics-prereq]]',
  '==== {api-prereq-title}',
  '',
  '* You must have `machine_learning_admin` built-in role to use this API.',
  'For more information, see {stack-ov}/security-privileges.html[Security privileges]',
  'and {stack-ov}/built-in-roles.html[Built-in roles].',
  '',
  '[[ml-stop-dfanalytics-desc]]',
  '==== {api-description-title}',
  '',
  'A {dfanalytics-job} can be started and stopped multiple times throughout its',
  'lifecycle.',
  'You can stop multiple {dfanalytics-jobs} in a single API request by using a',
  'comma-separated list of {dfanalytics-jobs} or a wildcard expression. You can',
  'stop all {dfanalytics-job} by using _all or by specifying * as the .',
  '',
  '[[ml-stop-dfanalytics-path-params]]',
  '==== {api-path-parms-title}',
  '',
  '`` (Required)::',
  '  (string) Identifier for the {dfanalytics-job}. This identifier can contain',
  '  lowercase alphanumeric characters (a-z and 0-9), hyphens, and underscores. It',
  '  must start and end with alphanumeric characters.',
  '',
  '`timeout` (Optional)::',
  '  Controls the amount of time to wait until the {dfanalytics-job} stops.',
  '  The default value is 20 seconds.',
  '',
  '`force` (Optional)::',
  '  (boolean) If true, the {dfanalytics-job} is stopped forcefully.',
  '',
  '`allow_no_match` (Optional)',
  '  (boolean) If `false` and the `data_frame_analytics_id` does not match any',
  '  {dfanalytics-job} an error will be returned. The default value is `true`.',
  '',
  '[[ml-stop-dfanalytics-example]]',
  '==== {api-examples-title}',
  '',
  'The following example stops the `loganalytics` {dfanalytics-job}:',
  '',
  '[source,js]',
  '--------------------------------------------------',
  'POST _ml/data_frame/analytics/loganalytics/_stop',
  '--------------------------------------------------',
  '// CONSOLE',
  '// TEST[skip:TBD]',
  '',
  'When the {dfanalytics-job} stops, you receive the following results:',
  '',
  '[source,js]',
  '----',
  '{',
  '  "stopped" : true',
  '}',
  '----',
  '// TESTRESPONSE',
  '',
].join('\n')

/** The index of the non-blank character a position points at: the same in a page and its flattened copy. */
function inkIndex(text: string, line: number, column: number): number {
  const lines = text.split('\n')
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1
  return text.slice(0, offset).replace(/\s+/g, '').length
}

/** The model with positions as ink indexes, text with folded whitespace, and diagnostics without messages (they quote positions). */
function comparable(model: PageModel, text: string): unknown {
  const walk = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v))
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>
      if (typeof o.line === 'number' && typeof o.column === 'number' && typeof o.file === 'string') {
        const { file: _f, line, column, message: _m, ...rest } = o
        return { ...(walk(rest) as object), ink: inkIndex(text, line, column) }
      }
      return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'endLine').map(([k, v]) => [k, walk(v, k)]))
    }
    if (typeof value === 'string' && (key === 'text' || key === 'raw')) return value.replace(/\s+/g, ' ').trim()
    return value
  }
  return walk(model)
}

describe('stop-dfanalytics (damaged seed)', async () => {
  const damagedText = fs.readFileSync(path.join(FIXTURES, DAMAGED), 'utf8')
  const model = await seed(DAMAGED)
  const root = docsRoot()
  const intact = (await extractPage(loadText(INTACT, path.join(root, DAMAGED), { root })))!

  it('the intact text is the seed with its newlines put back', () => {
    expect(damagedText.includes('\n')).toBe(false)
    expect(INTACT.replace(/\s+/g, ' ').trim()).toBe(damagedText.replace(/\s+/g, ' ').trim())
  })

  it('equals the model of the intact page but for positions on one line and the reflowed finding', () => {
    const { diagnostics, ...rest } = comparable(model, damagedText) as PageModel
    const { diagnostics: intactDiagnostics, ...intactRest } = comparable(intact, INTACT) as PageModel
    expect(rest).toEqual(intactRest)
    expect(diagnostics.filter((d) => d.rule !== 'reflowed')).toEqual(intactDiagnostics)
    expect(intact.diagnostics.map((d) => d.rule)).not.toContain('reflowed')
  })

  it('reports the reflow once, at the start of the line', () => {
    expect(model.diagnostics.filter((d) => d.rule === 'reflowed')).toMatchObject([{ severity: 'warning', file: DAMAGED, line: 1, column: 1 }])
  })

  it('header and endpoints, the lost name recovered from the page text', () => {
    expect(model).toMatchObject({
      id: 'stop-dfanalytics',
      title: 'Stop data frame analytics jobs API',
      titleabbrev: 'Stop data frame analytics jobs',
      role: 'xpack',
      testenv: 'platinum',
      stability: { level: 'experimental' },
    })
    expect(model.endpoints).toEqual([
      { method: 'POST', path: '/_ml/data_frame/analytics/{data_frame_analytics_id}/_stop', position: at(DAMAGED, 1, 255) },
      { method: 'POST', path: '/_ml/data_frame/analytics/_all/_stop', position: at(DAMAGED, 1, 338) },
    ])
    expect(model.prerequisites).toMatchObject([{ privileges: [], roles: ['machine_learning_admin'] }])
  })

  it('lost placeholders are reported at the exact columns of the gaps', () => {
    const lost = model.diagnostics.filter((d) => d.rule === 'lost-placeholder')
    expect(lost.map((d) => [d.column, d.severity])).toEqual([
      [285, 'warning'],
      [326, 'warning'],
      [1008, 'info'],
      [1074, 'warning'],
    ])
    // Each column points at the gap itself.
    expect(damagedText.slice(284 - 1, 284 + 1)).toBe('//')
    expect(damagedText.slice(325 - 1, 325 + 2)).toBe('/,/')
    expect(damagedText.slice(1000, 1007)).toBe('as the ')
    expect(damagedText.slice(1073, 1075)).toBe('``')
    expect(lost[0]!.message).toContain("recovered as 'data_frame_analytics_id'")
  })

  it('path parameter named from evidence', () => {
    expect(model.pathParams).toHaveLength(1)
    expect(model.pathParams[0]).toMatchObject({
      name: 'data_frame_analytics_id',
      required: true,
      type: 'string',
      recovered: { kind: 'evidence' },
      position: at(DAMAGED, 1, 1074),
    })
    expect(model.pathParams[0]!.description).toMatch(/^Identifier for the data frame analytics job\. /)
  })

  it('the other "path" parameters are query parameters', () => {
    expect(model.queryParams.map((p) => [p.name, p.required, p.type, p.default])).toEqual([
      ['timeout', false, undefined, '20 seconds'],
      ['force', false, 'boolean', undefined],
      ['allow_no_match', false, 'boolean', 'true'],
    ])
    const misplaced = model.diagnostics.filter((d) => d.rule === 'misplaced-param')
    expect(misplaced.map((d) => d.column)).toEqual(model.queryParams.map((p) => p.position.column))
    expect(misplaced.map((d) => damagedText.slice(d.column - 1).split(' ')[0])).toEqual(['`timeout`', '`force`', '`allow_no_match`'])
  })

  it('a definition that lost its `::` is read and reported right after its term', () => {
    const [d] = model.diagnostics.filter((x) => x.rule === 'missing-dlist-delimiter')
    expect(d).toMatchObject({ severity: 'warning', line: 1, column: 1520 })
    expect(damagedText.slice(1503, 1519)).toBe('`allow_no_match`')
  })

  it('examples: a skipped request and the response answering it', () => {
    expect(model.examples.map((e) => [e.role, e.answers, e.test?.skip])).toEqual([
      ['request', undefined, 'TBD'],
      ['response', 0, undefined],
    ])
    expect(model.examples[1]!.responseJson).toEqual({ stopped: true })
  })

  it('no error-level findings', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })
})
