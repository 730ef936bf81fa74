import type {
  ConsoleRequest,
  Endpoint,
  HttpMethod,
  PageModel,
  Param,
  Snippet,
  TestOptions,
} from '../../src/model/types.js'
import { emptyPage } from '../model-builders.js'

const at = { file: 'test/page.asciidoc', line: 1, column: 1 }

export function param(name: string, type: string | undefined, description = '', required = false): Param {
  return { name, type, description, required, position: at }
}

export function endpoint(method: HttpMethod, path: string): Endpoint {
  return { method, path, position: at }
}

function testOptions(substitutions: TestOptions['substitutions'] = [], extra: Partial<TestOptions> = {}): TestOptions {
  return {
    continued: false,
    setup: [],
    teardown: [],
    warnings: [],
    substitutions,
    cat: false,
    nonJson: false,
    unknown: [],
    ...extra,
  }
}

function snippet(index: number, fields: Partial<Snippet>): Snippet {
  return {
    index,
    role: 'other',
    language: 'console',
    text: '',
    position: at,
    endLine: 1,
    markers: [],
    console: false,
    notConsole: false,
    testSetup: false,
    teardown: false,
    requests: [],
    ...fields,
  }
}

/** A request snippet of one request; `line` is `METHOD path?query`, `body` optional JSON. */
export function requestSnippet(index: number, line: string, body?: unknown, test?: Partial<TestOptions>): Snippet {
  const [method, target] = line.split(' ') as [HttpMethod, string]
  const [path, query = ''] = target.split('?') as [string, string?]
  const request: ConsoleRequest = {
    method,
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    position: at,
    ...(body === undefined ? {} : { body: { kind: 'json' as const, raw: JSON.stringify(body), json: body } }),
  }
  return snippet(index, {
    role: 'request',
    text: line,
    console: true,
    requests: [request],
    ...(test ? { test: testOptions([], test) } : {}),
  })
}

/** A response snippet answering request snippet `answers`, written as `text` (doc-flavoured JSON allowed). */
export function responseSnippet(
  index: number,
  answers: number,
  text: string,
  substitutions: TestOptions['substitutions'] = [],
): Snippet {
  let responseJson: unknown
  try {
    responseJson = JSON.parse(text)
  } catch {
    responseJson = undefined
  }
  return snippet(index, {
    role: 'response',
    language: 'console-result',
    text,
    answers,
    responseJson,
    testResponse: testOptions(substitutions),
  })
}

export function page(fields: Partial<PageModel> & Pick<PageModel, 'id' | 'endpoints'>): PageModel {
  return emptyPage({ file: `${fields.id}.asciidoc`, ...fields })
}

/** Shaped like fixtures/rollup-stop-job.asciidoc, with a second example to choose between. */
export function rollupStopJob(): PageModel {
  return page({
    id: 'rollup-stop-job',
    endpoints: [endpoint('POST', '/_rollup/job/{job_id}/_stop')],
    pathParams: [param('job_id', 'string', 'Identifier for the rollup job.', true)],
    queryParams: [
      {
        ...param('timeout', 'TimeValue', 'Blocks for (at maximum) the specified duration. Defaults to `30s`.'),
        default: '30s',
      },
      { ...param('wait_for_completion', 'boolean', 'If set to `true`, causes the API to block.'), default: 'false' },
    ],
    responseCodes: [
      {
        code: 404,
        description: 'This code indicates that there are no resources that match the request.',
        position: at,
      },
    ],
    examples: [
      requestSnippet(0, 'POST /_rollup/job/sensor/_stop'),
      responseSnippet(1, 0, '{ "stopped": true }'),
      requestSnippet(2, 'POST /_rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s'),
      responseSnippet(3, 2, '{ "stopped": true, "waited": true }'),
    ],
  })
}

/** An ML-style page: a documented id rule, a list endpoint, an error example and doc-flavoured responses. */
export function mlJobs(): PageModel {
  return page({
    id: 'ml-get-job',
    endpoints: [endpoint('GET', '_ml/anomaly_detectors/{job_id}/'), endpoint('GET', '/_ml/anomaly_detectors')],
    pathParams: [
      param(
        'job_id',
        'string',
        'Identifier for the anomaly detection job. This identifier can contain lowercase alphanumeric characters ' +
          '(a-z and 0-9), hyphens, and underscores. It must start and end with alphanumeric characters.',
        true,
      ),
    ],
    queryParams: [
      param('allow_no_match', 'boolean', 'Whether to ignore wildcards that match nothing.'),
      param('size', 'integer', 'Maximum number of jobs.'),
    ],
    examples: [
      requestSnippet(0, 'GET /_ml/anomaly_detectors/high_sum_total_sales'),
      responseSnippet(
        1,
        0,
        `{
  "count": 1, <1>
  "took": 25,
  "jobs": [ { "job_id": "high_sum_total_sales", "create_time": 1656113450613, "analysis_config": ... } ],
  "node": "$body.whatever",
  "authorization": { "user": "elastic" },
  "version": $body.version
}`,
        [
          { pattern: '"took": 25', replacement: '"took": $body.took' },
          { pattern: '"authorization": \\{[^}]*\\},', replacement: '' },
        ],
      ),
      requestSnippet(2, 'GET /_ml/anomaly_detectors/missing-job', undefined, { catch: 'missing' }),
      responseSnippet(
        3,
        2,
        '{ "error": { "root_cause": [], "type": "resource_not_found_exception", "reason": "No known job with id \'missing-job\'" }, "status": 404 }',
      ),
    ],
  })
}

/** A page whose own examples contradict its parameter list: they are trusted over it. */
export function contradictedPage(): PageModel {
  return page({
    id: 'thing-get',
    endpoints: [endpoint('GET', '/_thing/{id}')],
    pathParams: [
      param(
        'id',
        'string',
        'This identifier can contain lowercase alphanumeric characters (a-z and 0-9), hyphens, and underscores.',
      ),
    ],
    queryParams: [
      param('stored_fields', 'Boolean', 'If `true`, retrieves stored fields.'),
      param('realtime', 'boolean'),
    ],
    examples: [requestSnippet(0, 'GET /_thing/model_0.3?stored_fields=a,b&lost_param=1')],
  })
}
