import { bookCandidates, findPages, nearestBook, planBooks, readPageBytes, type BookPlan, type LoadOptions, type PagePlan, type WalkStore } from '../load/index.js'
import type { PageModel } from '../model/types.js'
import { lintDuplicateIds, type RunPage } from './duplicate-ids.js'
import type { FileResult } from './file.js'
import { assignSnippets, attachFindings } from './ownership.js'
import { sortDiagnostics } from './page.js'
import { extractJobs, type PageJob } from './pool.js'

export interface ExtractResult {
  models: PageModel[]
  /** Files that are not pages: include fragments (no title, or only included by tag). */
  fragments: string[]
  /** Pages whose result came from the cache (`run.store`) rather than from extraction. */
  cached: number
  /** The books the run read (absolute paths). */
  books: string[]
}

/** What decides a page's result besides its bytes and its includes' bytes: how its book reads it, and which files are pages of the run. */
export interface PageReading {
  plan?: PagePlan
  pages: ReadonlySet<string>
}

/** Results of earlier runs: a page's result is reused while its bytes, its context and the includes it looked up are unchanged. */
export interface PageStore {
  get(file: string, bytes: Uint8Array, context: PageReading): FileResult | undefined
  set(file: string, bytes: Uint8Array, context: PageReading, result: FileResult): void
}

export interface ExtractRun {
  /** Called with the files found, before any is extracted. */
  onStart?: (files: string[]) => void
  /** Called once per file, in no particular order when workers run. */
  onPage?: (file: string, result: FileResult) => void
  store?: PageStore
  /** Book walks kept between runs. */
  walks?: WalkStore
  /** Worker threads for extraction; 1 (the default) extracts in this thread. */
  workers?: number
}

export type ExtractOptions = Omit<LoadOptions, 'cache' | 'pages'> & {
  /** Book roots named by the user; the `index.asciidoc` of an input folder is one when it includes anything. */
  books?: string[]
}

/**
 * Loads and extracts every page under the inputs and every page a book includes, each into one model;
 * results are in sorted path order.
 */
export async function extractFiles(inputs: string[], options: ExtractOptions, run: ExtractRun = {}): Promise<ExtractResult> {
  const { books: named = [], ...load } = options
  const plan = await planBooks(named, bookCandidates(inputs), { ...load, attributes: load.attributes ?? {}, cache: new Map() }, run.walks)
  const found = findPages(inputs)
  const files = [...new Set([...found, ...plan.pages.keys()])].filter((f) => !plan.fragments.has(f)).sort()
  const pages = new Set(files)
  const context = (file: string): PageReading => {
    const page = plan.pages.get(file) ?? nearestBook(plan, file, load.root)
    return { ...(page && { plan: page }), pages }
  }
  run.onStart?.(files)
  const results = await extractAll(files, context, { ...load, pages }, run)
  return assemble(files, results, plan, found, load.root)
}

async function extractAll(files: string[], context: (file: string) => PageReading, options: Omit<LoadOptions, 'cache'>, run: ExtractRun): Promise<{ results: FileResult[]; cached: number }> {
  const results: FileResult[] = new Array(files.length)
  const todo: PageJob[] = []
  let cached = 0
  const readings = files.map(context)
  files.forEach((file, index) => {
    const bytes = run.store ? readPageBytes(file, options.root) : undefined
    const hit = bytes && run.store!.get(file, bytes, readings[index]!)
    if (hit) {
      results[index] = hit
      if (hit.model) cached++
      run.onPage?.(file, hit)
    } else {
      const plan = readings[index]!.plan
      todo.push({ index, file, ...(bytes && { bytes }), ...(plan && { plan }) })
    }
  })
  await extractJobs(todo, options, run.workers ?? 1, (job, result) => {
    results[job.index] = result
    if (job.bytes) run.store!.set(job.file, job.bytes, readings[job.index]!, result)
    run.onPage?.(job.file, result)
  })
  return { results, cached }
}

function assemble(files: string[], { results, cached }: { results: FileResult[]; cached: number }, plan: BookPlan, found: string[], root: string): ExtractResult {
  const out: ExtractResult = { models: [], fragments: found.filter((f) => plan.fragments.has(f)), cached, books: plan.books }
  // A title-less file another page includes whole (a shared sentence) is a fragment, not a damaged page.
  const included = new Set(results.flatMap((r) => r.includes))
  const pages: RunPage[] = []
  results.forEach((r, i) => {
    const fragment = !r.model || (included.has(files[i]!) && r.model.diagnostics.some((d) => d.rule === 'no-page-title'))
    if (fragment) out.fragments.push(files[i]!)
    else pages.push({ path: files[i]!, model: r.model! })
  })
  out.fragments.sort()
  const duplicates = lintDuplicateIds(pages, included)
  const models = pages.map(({ path, model }) => {
    const finding = duplicates.get(path)
    return finding ? { ...model, diagnostics: sortDiagnostics([...model.diagnostics, finding]) } : model
  })
  const paths = pages.map((p) => p.path)
  out.models = attachFindings(assignSnippets(models, paths, plan, root), paths, plan, root)
  return out
}
