import path from 'node:path'
import { openEmitCaches } from '../cache/index.js'
import { emitReplayTests } from '../emit/replay-tests/index.js'
import { emitTypes } from '../emit/types/index.js'
import { writeOutput, type WriteResult } from '../emit/write.js'
import type { Diagnostic, PageModel } from '../model/types.js'
import { extractInputs } from './extract.js'
import { NO_PROGRESS, type RunOptions } from './options.js'
import { readSetups } from './setups.js'

export interface GenerateOptions extends RunOptions {
  /** Output folder: only files docspec generated there are ever replaced or removed. */
  out: string
  /** Write nothing; report stale or missing files in `result.stale`. */
  check?: boolean
  /** Named setups for `TEST[setup:NAME]`: a JSON or YAML mapping of names to console text; read at every run. */
  setupsFile?: string
}

export interface Generated {
  models: PageModel[]
  /** The docs root, absolute. */
  root: string
  result: WriteResult
  /** Every finding of the run: the pages', then the emitters'. */
  diagnostics: Diagnostic[]
  /** Pages whose model came from the cache. */
  cached: number
  cacheError?: string
}

/** Extracts the pages, emits types and replay tests, and writes (or checks) them in `out`. */
export async function generate(inputs: string[], options: GenerateOptions): Promise<Generated> {
  const setups = readSetups(options.setupsFile)
  // Worker threads measured slower for the whole generate run (on 2,000 pages, 2 CPUs: 5–17% slower), though
  // faster for extraction alone: one thread unless asked.
  const { models, root, cached, cacheError } = await extractInputs(inputs, { ...options, workers: options.workers ?? 1 })
  const caches = options.cache === false ? undefined : openEmitCaches(options.cacheDir)
  const format = caches ? { format: caches.format.format } : {}
  const progress = options.progress?.('types') ?? NO_PROGRESS
  progress.start(models.filter((m) => m.endpoints.length > 0).length)
  const types = await emitTypes(models, { ...format, ...(caches && { modules: caches.modules }), onModule: () => progress.tick() }).finally(() => progress.stop())
  const tests = await emitReplayTests(models, { ...(options.setupsFile !== undefined && { setups }), ...format })
  caches?.sweep()
  const result = await writeOutput(path.resolve(options.out), [...types.files, ...tests.files], { check: options.check ?? false })
  const error = cacheError ?? caches?.writeError()
  const diagnostics = [...models.flatMap((m) => m.diagnostics), ...types.diagnostics, ...tests.diagnostics]
  return { models, root, result, cached, ...(error !== undefined && { cacheError: error }), diagnostics }
}
