/**
 * The emitted types compile under `strict` and mean what they should: a consumer file with `expectTypeOf`
 * assertions and `@ts-expect-error` lines (an unused one is itself an error) is checked with them.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitTypes } from '../../src/emit/types/index.js'
import { writeOutput } from '../../src/emit/write.js'
import { typeCheck } from './compile.js'
import { nastyPage, page, rollupStopJob, snippet, stopDfanalytics } from './models.js'

// Under the project so `vitest` resolves for the consumer file; test/tmp is git-ignored and not type-checked.
const TMP = path.resolve('test/tmp')
let dir: string

/** Responses that disagree: union, optional, `$body` and `...` elisions, dynamic keys, an unrelated answer. */
function inferredPage() {
  const file = 'cluster/stats.asciidoc'
  return page({
    file,
    id: 'cluster-stats',
    title: 'Cluster stats API',
    endpoints: [{ method: 'GET', path: '/_cluster/stats', position: { file, line: 3, column: 1 } }],
    examples: [
      snippet(file, 0, { role: 'request', requests: [{ method: 'GET', path: '/_cluster/stats', query: {}, position: { file, line: 9, column: 1 } }] }),
      snippet(file, 1, { role: 'response', answers: 0, responseJson: { took: 3, status: 'green', nodes: { $node_name: { roles: ['data'] } }, hits: [{ _id: '1' }] } }),
      snippet(file, 2, { role: 'response', answers: 0, responseJson: { took: '$body.took', status: null, extra: { n: 1 }, hits: [] } }),
      snippet(file, 3, { role: 'request', requests: [{ method: 'GET', path: '/other/_doc/1', query: {}, position: { file, line: 30, column: 1 } }] }),
      snippet(file, 4, { role: 'response', answers: 3, responseJson: { invented: true } }),
    ],
  })
}

const CONSUMER = `
import { expectTypeOf } from 'vitest'
import type {
  ClusterStatsResponse, Duration, EvilPageXRequest, EvilPageXError, MlStopDataFrameAnalyticsJobsRequest,
  RollupStopJobError, RollupStopJobRequest, RollupStopJobResponse,
} from './index.js'

expectTypeOf<RollupStopJobRequest>().toEqualTypeOf<{ job_id: string; timeout?: Duration; wait_for_completion?: boolean }>()
expectTypeOf<RollupStopJobRequest['timeout']>().toEqualTypeOf<Duration | undefined>()
expectTypeOf<RollupStopJobResponse>().toEqualTypeOf<{ stopped: boolean }>()
expectTypeOf<RollupStopJobError['status']>().toEqualTypeOf<404>()
expectTypeOf<RollupStopJobError['error']['root_cause'][number]['type']>().toEqualTypeOf<string>()
expectTypeOf<MlStopDataFrameAnalyticsJobsRequest['data_frame_analytics_id']>().toEqualTypeOf<string | string[]>()
expectTypeOf<MlStopDataFrameAnalyticsJobsRequest['allow_no_match']>().toEqualTypeOf<boolean | undefined>()
expectTypeOf<MlStopDataFrameAnalyticsJobsRequest['timeout']>().toEqualTypeOf<Duration | undefined>()
expectTypeOf<EvilPageXRequest['mode']>().toEqualTypeOf<'a"b' | '*/' | '\${x}' | '\`tick\`' | undefined>()
expectTypeOf<EvilPageXRequest['class']>().toEqualTypeOf<unknown>()
expectTypeOf<EvilPageXRequest['body']['settings']['tags']>().toEqualTypeOf<string[] | undefined>()
expectTypeOf<EvilPageXError['status']>().toEqualTypeOf<400 | 409>()
expectTypeOf<ClusterStatsResponse['took']>().toEqualTypeOf<number>()
expectTypeOf<ClusterStatsResponse['status']>().toEqualTypeOf<string | null>()
expectTypeOf<ClusterStatsResponse['nodes']>().toEqualTypeOf<Record<string, { roles: string[] }> | undefined>()
expectTypeOf<ClusterStatsResponse['hits'][number]>().toEqualTypeOf<{ _id: string }>()
expectTypeOf<ClusterStatsResponse>().not.toHaveProperty('invented')

export const ok: RollupStopJobRequest = { job_id: 'sensor', timeout: '10s', wait_for_completion: true }
export const some: MlStopDataFrameAnalyticsJobsRequest = { data_frame_analytics_id: ['a', 'b'], force: true }
// @ts-expect-error _all is a value of the id, which stays required
export const all: MlStopDataFrameAnalyticsJobsRequest = { force: true }
export const evil: EvilPageXRequest = { 'weird-name': 'x', mode: '*/', body: { settings: { number_of_shards: 1 } } }
// @ts-expect-error job_id is required
export const noId: RollupStopJobRequest = { timeout: '10s' }
// @ts-expect-error wait_for_completion is a boolean
export const wrongFlag: RollupStopJobRequest = { job_id: 'x', wait_for_completion: 'yes' }
// @ts-expect-error timeout is a duration string
export const wrongTimeout: RollupStopJobRequest = { job_id: 'x', timeout: 10 }
// @ts-expect-error unknown properties are rejected
export const extra: RollupStopJobRequest = { job_id: 'x', nope: 1 }
// @ts-expect-error only documented values
export const wrongMode: EvilPageXRequest = { 'weird-name': 'x', mode: 'c', body: { settings: {} } }
// @ts-expect-error the body is required (a body param is)
export const noBody: EvilPageXRequest = { 'weird-name': 'x' }
// @ts-expect-error only documented error codes
export const wrongStatus: RollupStopJobError = { status: 500, error: { type: 't', root_cause: [] } }
`

beforeAll(async () => {
  await mkdir(TMP, { recursive: true })
  dir = await mkdtemp(path.join(TMP, 'emit-types-'))
  const { files } = await emitTypes([rollupStopJob(), stopDfanalytics(), nastyPage(), inferredPage()])
  await writeOutput(dir, files, { check: false })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('emitted types', () => {
  it('type-check under strict on their own', () => {
    expect(typeCheck(dir)).toEqual([])
  })

  it('mean what the docs say (expectTypeOf and @ts-expect-error in a consumer file)', async () => {
    await writeFile(path.join(dir, 'consumer.ts'), CONSUMER)
    expect(typeCheck(dir)).toEqual([])
  })

  it.each([
    ['// @ts-expect-error a valid request\nexport const fine: RollupStopJobRequest = { job_id: "x" }', /Unused '@ts-expect-error' directive/],
    ['expectTypeOf<RollupStopJobRequest["timeout"]>().toEqualTypeOf<string>()', /consumer\.ts:\d+:/],
  ])('the consumer check can fail: %s', async (line, want) => {
    await writeFile(path.join(dir, 'consumer.ts'), `${CONSUMER}\n${line}\n`)
    expect(typeCheck(dir).join('\n')).toMatch(want)
  })
})
