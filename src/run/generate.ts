import path from 'node:path'
import { openEmitCaches } from '../cache/index.js'
import { emitReplayTests } from '../emit/replay-tests/index.js'
import { openFormatPool } from '../emit/format-pool.js'
import { emitTypes } from '../emit/types/index.js'
import { writeOutput, type WriteResult } from '../emit/write.js'
import type { PageModel } from '../model/types.js'
import { collectDiagnostics, type RunDiagnostic } from './diagnostics.js'
import { extractInputs } from './extract.js'
import { NO_PROGRESS, type RunOptions } from './options.js'
import { readSetups } from './setups.js'

export interface GenerateOptions extends RunOptions {
  /** Output folder: only files docspec generated there are ever replaced or removed. */
  out: string
  /** Write nothing; report stale or missing files in `result.stale`. */
  check?: boolean
  /**
   * Named setups and teardowns for `TEST[setup:NAME]`: a doc build's `build.gradle`, or a JSON or YAML mapping of
   * names to console text; several files are searched in order (a page's own tree first). Read at every run.
   */
  setupsFile?: string | string[]
  /** The API table build.gradle steps are translated with: a compiled `schema.json` or a rest-api-spec folder. */
  apiSpec?: string
  /**
   * Worker threads formatting the generated TypeScript once a run has formatted `INLINE_FILES` files (default:
   * one per CPU but one; 0: all in this thread). The bytes are the same either way.
   */
  formatThreads?: number
}

export interface Generated {
  models: PageModel[]
  /** The docs root, absolute. */
  root: string
  result: WriteResult
  /** Every finding of the run, once per place: the pages', then the emitters'. */
  diagnostics: RunDiagnostic[]
  /** Pages whose model came from the cache. */
  cached: number
  cacheError?: string
}

export function setupsFiles(options: Pick<GenerateOptions, 'setupsFile'>): string[] {
  return options.setupsFile === undefined ? [] : [options.setupsFile].flat()
}

/** Extracts the pages, emits types and replay tests, and writes (or checks) them in `out`. */
export async function generate(inputs: string[], options: GenerateOptions): Promise<Generated> {
  // Worker threads measured slower for the whole generate run (on 2,000 pages, 2 CPUs: 5–17% slower), though
  // faster for extraction alone: one thread unless asked.
  const { models, root, cached, cacheError } = await extractInputs(inputs, { ...options, workers: options.workers ?? 1 })
  const caches = options.cache === false ? undefined : openEmitCaches(options.cacheDir)
  const setups = readSetups(setupsFiles(options), root, options.apiSpec, caches?.setups)
  const pool = openFormatPool(options.formatThreads === undefined ? {} : { threads: options.formatThreads })
  const format = { format: caches ? caches.format.through(pool.format) : pool.format }
  const progress = options.progress?.('types') ?? NO_PROGRESS
  progress.start(models.filter((m) => m.endpoints.length > 0).length)
  let types: Awaited<ReturnType<typeof emitTypes>>
  let tests: Awaited<ReturnType<typeof emitReplayTests>>
  try {
    types = await emitTypes(models, { ...format, ...(caches && { modules: caches.modules }), onModule: () => progress.tick() }).finally(() => progress.stop())
    tests = await emitReplayTests(models, { scripts: setups.sources, ...format })
  } finally {
    await pool.close()
  }
  caches?.sweep()
  const result = await writeOutput(path.resolve(options.out), [...types.files, ...tests.files], { check: options.check ?? false })
  const error = cacheError ?? caches?.writeError()
  const diagnostics = collectDiagnostics(models, [...setups.diagnostics, ...types.diagnostics, ...tests.diagnostics])
  return { models, root, result, cached, ...(error !== undefined && { cacheError: error }), diagnostics }
}
