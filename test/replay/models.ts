/** Small hand-built page models for the replay tests (shaped like the seed fixtures, not copied from them). */
import type { ConsoleRequest, PageModel, Snippet, TestOptions } from '../../src/model/types.js'
import { emptyPage } from '../model-builders.js'

export function options(overrides: Partial<TestOptions> = {}): TestOptions {
  return { continued: false, setup: [], teardown: [], warnings: [], substitutions: [], cat: false, nonJson: false, unknown: [], ...overrides }
}

export function request(file: string, line: number, method: ConsoleRequest['method'], target: string, json?: unknown): ConsoleRequest {
  const at = target.indexOf('?')
  const query = Object.fromEntries(at === -1 ? [] : new URLSearchParams(target.slice(at + 1)))
  return {
    method,
    path: at === -1 ? target : target.slice(0, at),
    query,
    ...(json === undefined ? {} : { body: { kind: 'json' as const, raw: JSON.stringify(json), json } }),
    position: { file, line, column: 1 },
  }
}

type SnippetInput = Partial<Snippet> & Pick<Snippet, 'role' | 'text'> & { line: number }

export function page(file: string, id: string, snippets: SnippetInput[]): PageModel {
  return emptyPage({
    file,
    id,
    examples: snippets.map(({ line, ...snippet }, index) => ({
      index,
      language: snippet.role === 'response' ? 'console-result' : 'console',
      position: { file, line, column: 1 },
      endLine: line + snippet.text.split('\n').length + 1,
      markers: [],
      console: snippet.role === 'request',
      notConsole: false,
      testSetup: false,
      teardown: false,
      requests: [],
      ...snippet,
    })),
  })
}

const ROLLUP = 'reference/rollup/apis/stop-job.asciidoc'

/** Shaped like the rollup-stop-job fixture, plus the documented answer. */
export const rollupStop = page(ROLLUP, 'rollup-stop-job', [
  {
    line: 76,
    role: 'request',
    text: 'POST _rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s',
    test: options({ setup: ['sensor_started_rollup_job'] }),
    requests: [request(ROLLUP, 76, 'POST', '/_rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s')],
  },
  { line: 85, role: 'response', text: '{\n  "stopped": true\n}', answers: 0, testResponse: options() },
])

export const SETUPS = {
  sensor_started_rollup_job: 'PUT _rollup/job/sensor\n{"index_pattern": "sensor-*"}\nPOST _rollup/job/sensor/_start\n',
}

const SEARCH = 'reference/search/count.asciidoc'

/** A page using `s/…/…/` on the request and `$body` in the response. */
export const countPage = page(SEARCH, 'search-count', [
  {
    line: 10,
    role: 'request',
    text: 'GET /my-index-000001/_count?q=user:kimchy',
    test: options({ substitutions: [{ pattern: 'my-index-(\\d+)', replacement: 'logs-$1' }] }),
    requests: [request(SEARCH, 10, 'GET', '/my-index-000001/_count?q=user:kimchy')],
  },
  {
    line: 16,
    role: 'response',
    text: '{\n  "count": 1,\n  "took": 25 <1>\n}',
    answers: 0,
    testResponse: options({ substitutions: [{ pattern: '"took": 25', replacement: '"took": $body.took' }] }),
  },
])
