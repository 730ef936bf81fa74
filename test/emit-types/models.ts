/** Hand-built page models shaped like the seed fixtures, plus builders for variations. */
import type { Param, PageModel, Snippet, SourcePosition } from '../../src/model/types.js'
import { emptyPage } from '../model-builders.js'

export const at = (file: string, line: number): SourcePosition => ({ file, line, column: 1 })

export function param(file: string, line: number, fields: Partial<Param> & { name: string }): Param {
  return { required: false, description: `The ${fields.name} parameter.`, position: at(file, line), ...fields }
}

export function page(fields: Partial<PageModel> & { file: string }): PageModel {
  return emptyPage({ id: fields.file.replace(/^.*\/|\.asciidoc$/g, ''), title: 'Some API', description: 'Does something.', ...fields })
}

export function snippet(file: string, index: number, fields: Partial<Snippet>): Snippet {
  return {
    index,
    role: 'other',
    language: 'js',
    text: '',
    position: at(file, 100 + index * 10),
    endLine: 105 + index * 10,
    markers: [],
    console: false,
    notConsole: false,
    testSetup: false,
    teardown: false,
    requests: [],
    ...fields,
  }
}

const ROLLUP = 'rollup/apis/stop-job.asciidoc'

/** Like fixtures/rollup-stop-job.asciidoc. */
export function rollupStopJob(): PageModel {
  return page({
    file: ROLLUP,
    id: 'rollup-stop-job',
    title: 'Stop rollup jobs API',
    titleabbrev: 'Stop rollup jobs',
    stability: { level: 'experimental' },
    description: 'Stops an existing, started rollup job.',
    endpoints: [{ method: 'POST', path: '/_rollup/job/{job_id}/_stop', position: at(ROLLUP, 16) }],
    pathParams: [param(ROLLUP, 35, { name: 'job_id', required: true, type: 'string', description: 'Identifier for the rollup job.' })],
    queryParams: [
      param(ROLLUP, 41, {
        name: 'timeout',
        type: 'TimeValue',
        default: '30s',
        description: 'If `wait_for_completion` is `true`, the API blocks for (at maximum) the specified duration.',
      }),
      param(ROLLUP, 54, {
        name: 'wait_for_completion',
        type: 'boolean',
        default: 'false',
        description: 'If set to `true`, causes the API to block until the indexer state completely stops.',
      }),
    ],
    responseCodes: [{ code: 404, description: 'This code indicates that there are no resources that match the request.', position: at(ROLLUP, 64) }],
    examples: [
      snippet(ROLLUP, 0, {
        role: 'request',
        console: true,
        requests: [{ method: 'POST', path: '/_rollup/job/sensor/_stop', query: { wait_for_completion: 'true', timeout: '10s' }, position: at(ROLLUP, 76) }],
      }),
      snippet(ROLLUP, 1, { role: 'response', language: 'console-result', responseJson: { stopped: true }, answers: 0 }),
    ],
  })
}

const DFA = 'ml/df-analytics/apis/stop-dfanalytics.asciidoc'

/** Like fixtures/stop-dfanalytics-damaged.asciidoc once its placeholders are recovered. */
export function stopDfanalytics(): PageModel {
  const id = 'data_frame_analytics_id'
  return page({
    file: DFA,
    id: 'stop-dfanalytics',
    title: 'Stop data frame analytics jobs API',
    stability: { level: 'experimental' },
    description: 'Stops one or more data frame analytics jobs.',
    endpoints: [
      { method: 'POST', path: `/_ml/data_frame/analytics/{${id}}/_stop`, position: at(DFA, 1) },
      { method: 'POST', path: '/_ml/data_frame/analytics/_all/_stop', position: at(DFA, 1) },
    ],
    pathParams: [
      param(DFA, 1, {
        name: id,
        required: true,
        type: 'string',
        description: 'Identifier for the data frame analytics job. You can stop several with a comma-separated list.',
        list: true,
        recovered: { kind: 'evidence', from: 'the description names `data_frame_analytics_id`' },
      }),
    ],
    queryParams: [
      param(DFA, 1, { name: 'allow_no_match', type: 'boolean', default: 'true', description: 'If `false` and the id does not match any job an error will be returned.' }),
      param(DFA, 1, { name: 'force', type: 'boolean', description: 'If true, the job is stopped forcefully.' }),
      param(DFA, 1, { name: 'timeout', default: '20 seconds', description: 'Controls the amount of time to wait until the job stops.' }),
    ],
    examples: [
      snippet(DFA, 0, {
        role: 'request',
        console: true,
        requests: [{ method: 'POST', path: '/_ml/data_frame/analytics/loganalytics/_stop', query: {}, position: at(DFA, 1) }],
      }),
      snippet(DFA, 1, { role: 'response', responseJson: { stopped: true }, answers: 0 }),
    ],
  })
}

const NASTY = 'nasty/evil-page.asciidoc'

/** Docs text that would break naive generators. */
export function nastyPage(): PageModel {
  const evil = 'Ends a comment */ then `backticks` and ${template} and \\u0000 and 💥 ünïcödé\n@returns nothing\r\n' + 'x'.repeat(500)
  return page({
    file: NASTY,
    id: 'evil-page',
    title: '*/ Evil `page` ${x} API',
    stability: { level: 'deprecated', version: '7.10.0', note: 'Use */ something else' },
    description: evil,
    endpoints: [{ method: 'PUT', path: '/_evil/{weird-name}', position: at(NASTY, 3) }],
    pathParams: [param(NASTY, 5, { name: 'weird-name', required: true, type: 'string', description: evil })],
    queryParams: [
      param(NASTY, 7, { name: 'mode', type: 'enum', values: ['a"b', '*/', '${x}', '`tick`'], description: evil, default: '*/' }),
      param(NASTY, 8, { name: 'class', type: 'flux capacitor', description: 'Unknown type.', deprecated: true }),
    ],
    bodyParams: [
      param(NASTY, 10, {
        name: 'settings',
        type: 'object',
        required: true,
        description: evil,
        children: [
          param(NASTY, 11, { name: 'number_of_shards', type: 'integer', description: 'Shards.' }),
          param(NASTY, 12, { name: 'index.refresh-interval', type: '<<time-units,time units>>', description: evil }),
          param(NASTY, 13, { name: 'tags', type: 'array of strings', description: 'Tags.' }),
          param(NASTY, 14, { name: '__proto__', type: 'string', description: 'Prototype.' }),
        ],
      }),
    ],
    responseCodes: [
      { code: 409, description: evil, position: at(NASTY, 20) },
      { code: 400, description: 'Bad.', position: at(NASTY, 21) },
      { code: 200, description: 'Fine.', position: at(NASTY, 22) },
    ],
    examples: [
      snippet(NASTY, 0, { role: 'response', responseJson: { 'a b': 1, '*/': 'x', 'café': { n: null }, '$node': { x: 1 }, '...': 1 } }),
    ],
  })
}
