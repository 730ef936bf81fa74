import { readPageBytes, findPages, type LoadOptions } from '../load/index.js'
import type { PageModel } from '../model/types.js'
import { lintDuplicateIds, type RunPage } from './duplicate-ids.js'
import type { FileResult } from './file.js'
import { sortDiagnostics } from './page.js'
import { extractJobs, type PageJob } from './pool.js'

export interface ExtractResult {
  models: PageModel[]
  /** Files that are not pages (no title): include fragments. */
  fragments: string[]
  /** Pages whose result came from the cache (`run.store`) rather than from extraction. */
  cached: number
}

/** Results of earlier runs: a page's result is reused while its bytes and the includes it looked up are unchanged. */
export interface PageStore {
  get(file: string, bytes: Uint8Array): FileResult | undefined
  set(file: string, bytes: Uint8Array, result: FileResult): void
}

export interface ExtractRun {
  /** Called with the files found, before any is extracted. */
  onStart?: (files: string[]) => void
  /** Called once per file, in no particular order when workers run. */
  onPage?: (file: string, result: FileResult) => void
  store?: PageStore
  /** Worker threads for extraction; 1 (the default) extracts in this thread. */
  workers?: number
}

/** Loads and extracts every page under the inputs; results are in sorted path order. */
export async function extractFiles(inputs: string[], options: Omit<LoadOptions, 'cache'>, run: ExtractRun = {}): Promise<ExtractResult> {
  const files = findPages(inputs)
  run.onStart?.(files)
  const results: FileResult[] = new Array(files.length)
  const todo: PageJob[] = []
  let cached = 0
  files.forEach((file, index) => {
    const bytes = run.store ? readPageBytes(file, options.root) : undefined
    const hit = bytes && run.store!.get(file, bytes)
    if (hit) {
      results[index] = hit
      if (hit.model) cached++
      run.onPage?.(file, hit)
    } else todo.push({ index, file, ...(bytes && { bytes }) })
  })
  await extractJobs(todo, options, run.workers ?? 1, (job, result) => {
    results[job.index] = result
    if (job.bytes) run.store!.set(job.file, job.bytes, result)
    run.onPage?.(job.file, result)
  })
  const out: ExtractResult = { models: [], fragments: [], cached }
  // A title-less file another page includes whole (a shared sentence) is a fragment, not a damaged page.
  const included = new Set(results.flatMap((r) => r.includes))
  const pages: RunPage[] = []
  results.forEach((r, i) => {
    const fragment = !r.model || (included.has(files[i]!) && r.model.diagnostics.some((d) => d.rule === 'no-page-title'))
    if (fragment) out.fragments.push(files[i]!)
    else pages.push({ path: files[i]!, model: r.model! })
  })
  const duplicates = lintDuplicateIds(pages, included)
  out.models = pages.map(({ path, model }) => {
    const finding = duplicates.get(path)
    return finding ? { ...model, diagnostics: sortDiagnostics([...model.diagnostics, finding]) } : model
  })
  return out
}
