/**
 * The incremental-run cache (`.docspec-cache/` in the working directory unless `--cache-dir`): page
 * results keyed on the page text, its resolved includes, the attributes (the user's, and those its book
 * gives it), the tool's code and version and the model version, so that a rerun extracts only the pages
 * whose inputs changed; book walks, keyed on every file they read; generated type
 * modules, keyed on their inputs, so that it emits only the modules of pages that changed; formatted
 * generated files, keyed on their unformatted text, so that it formats only the files that changed; and the
 * setups of `build.gradle` files, keyed on their text, translated once.
 */
import path from 'node:path'
import { FormatCache } from './format-cache.js'
import { ModuleCache } from './module-cache.js'
import { DiskPageStore } from './page-store.js'
import { extractSalt } from './salt.js'
import { SetupsCache } from './setups-cache.js'
import { DiskWalkStore } from './walk-store.js'

export { FormatCache } from './format-cache.js'
export { ModuleCache } from './module-cache.js'
export { DiskPageStore } from './page-store.js'
export { DiskWalkStore } from './walk-store.js'
export { SetupsCache } from './setups-cache.js'

export const DEFAULT_CACHE_DIR = '.docspec-cache'

export interface ExtractCacheOptions {
  dir?: string
  version: string
  root: string
  attributes: Record<string, string>
  /** Folders outside the root includes may read (an explicit docs-root). */
  readable?: readonly string[]
}

export function openPageStore(options: ExtractCacheOptions): DiskPageStore {
  return new DiskPageStore(path.resolve(options.dir ?? DEFAULT_CACHE_DIR), extractSalt(options.version, options.root, options.attributes, options.readable))
}

export function openWalkStore(options: ExtractCacheOptions): DiskWalkStore {
  return new DiskWalkStore(path.resolve(options.dir ?? DEFAULT_CACHE_DIR), extractSalt(options.version, options.root, options.attributes, options.readable))
}

/** The caches of emission: type modules, formatted files and translated setups, swept together once the run is done. */
export function openEmitCaches(dir?: string): { modules: ModuleCache; format: FormatCache; setups: SetupsCache; sweep(): void; writeError(): string | undefined } {
  const root = path.resolve(dir ?? DEFAULT_CACHE_DIR)
  const modules = new ModuleCache(root)
  const format = new FormatCache(root)
  const setups = new SetupsCache(root)
  return {
    modules,
    format,
    setups,
    sweep: () => {
      modules.sweep()
      format.sweep()
      setups.sweep()
    },
    writeError: () => modules.writeError ?? format.writeError ?? setups.writeError,
  }
}
