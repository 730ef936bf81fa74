import { loadPage, loadText, type LoadOptions, type PagePlan } from '../load/index.js'
import type { PageModel } from '../model/types.js'
import { extractPage } from './page.js'

/** One file's result: its model (none for a fragment) and every include target it looked up, found or not. */
export interface FileResult {
  model?: PageModel
  includes: string[]
}

/**
 * Extracts one file (from `bytes` when given, else read from disk; as its book reads it when `plan` is
 * given), logging the include targets it looks up.
 */
export async function extractFile(file: string, options: LoadOptions, bytes?: Uint8Array, plan?: PagePlan): Promise<FileResult> {
  const includes = new Set<string>()
  const load = { ...options, cache: new LoggedCache(options.cache ?? new Map(), includes) }
  const model = await extractPage(bytes ? loadText(bytes, file, load, plan) : loadPage(file, load, plan))
  return { ...(model && { model }), includes: [...includes].sort() }
}

/** The run's shared include cache as one page sees it: every lookup is logged, storage is the shared map's. */
class LoggedCache extends Map<string, string | null> {
  constructor(
    private readonly shared: Map<string, string | null>,
    private readonly log: Set<string>,
  ) {
    super()
  }

  override has(key: string): boolean {
    this.log.add(key)
    return this.shared.has(key)
  }

  override get(key: string): string | null | undefined {
    this.log.add(key)
    return this.shared.get(key)
  }

  override set(key: string, value: string | null): this {
    this.log.add(key)
    this.shared.set(key, value)
    return this
  }
}
