/** The seed fixtures, extracted by the real extractor, give the rollup and dfanalytics types. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emitTypes } from '../../src/emit/types/index.js'
import { writeOutput } from '../../src/emit/write.js'
import { extractFiles } from '../../src/extract/index.js'
import { typeCheck } from './compile.js'

const FIXTURES = path.resolve('fixtures')

describe('types from fixtures/', async () => {
  // The two seed pages by name: other fixtures may join the folder.
  const seeds = ['rollup-stop-job.asciidoc', 'stop-dfanalytics-damaged.asciidoc'].map((f) => path.join(FIXTURES, f))
  const { models } = await extractFiles(seeds, { root: FIXTURES })
  const { files, diagnostics } = await emitTypes(models)
  const text = (p: string) => files.find((f) => f.path === p)?.content ?? ''

  it('lays out one module per page, the shared module, the index and the models', () => {
    expect(files.map((f) => f.path)).toEqual([
      'types/_common.ts',
      'types/RollupStopJob.ts',
      'types/MlStopDataFrameAnalyticsJobs.ts',
      'index.ts',
      'endpoints.json',
    ])
    expect(diagnostics).toEqual([])
  })

  it.each([
    ['job_id: string'],
    ['timeout?: Duration'],
    ['@default 30s'],
    ['wait_for_completion?: boolean'],
    ['@default false'],
    ['@experimental'],
    ['@see rollup-stop-job.asciidoc:35'],
    ['export interface RollupStopJobError extends ErrorResponse'],
    ['status: 404'],
    ['export type RollupStopJobResponse = unknown'],
  ])('RollupStopJob.ts has %s', (want) => {
    expect(text('types/RollupStopJob.ts')).toContain(want)
  })

  it.each([['data_frame_analytics_id: string'], ['timeout?: Duration'], ['@default 20 seconds'], ['force?: boolean'], ['allow_no_match?: boolean'], ['stopped: boolean']])(
    'MlStopDataFrameAnalyticsJobs.ts has %s',
    (want) => {
      expect(text('types/MlStopDataFrameAnalyticsJobs.ts')).toContain(want)
    },
  )

  it('compiles under strict', async () => {
    const tmp = path.resolve('test/tmp')
    await mkdir(tmp, { recursive: true })
    const dir = await mkdtemp(path.join(tmp, 'emit-fixtures-'))
    try {
      await writeOutput(dir, files, { check: false })
      expect(typeCheck(dir)).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
