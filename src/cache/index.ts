/**
 * The incremental-run cache (`.docspec-cache/` in the working directory unless `--cache-dir`): page
 * results keyed on the page text, its resolved includes, the attributes, the tool's code and version and
 * the model version, so that a rerun extracts only the pages whose inputs changed; and formatted
 * generated files, keyed on their unformatted text, so that it formats only the files that changed.
 */
import path from 'node:path'
import { FormatCache } from './format-cache.js'
import { DiskPageStore } from './page-store.js'
import { extractSalt } from './salt.js'

export { FormatCache } from './format-cache.js'
export { DiskPageStore } from './page-store.js'

export const DEFAULT_CACHE_DIR = '.docspec-cache'

export function openPageStore(options: { dir?: string; version: string; root: string; attributes: Record<string, string> }): DiskPageStore {
  return new DiskPageStore(path.resolve(options.dir ?? DEFAULT_CACHE_DIR), extractSalt(options.version, options.root, options.attributes))
}

export function openFormatCache(dir?: string): FormatCache {
  return new FormatCache(path.resolve(dir ?? DEFAULT_CACHE_DIR))
}
