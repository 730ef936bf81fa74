import path from 'node:path'
import * as prettier from 'prettier'
import type { FormatTs } from '../emit/format.js'
import { EntryFolder } from './entries.js'
import { sha256 } from './file-hashes.js'

/**
 * Formatted TypeScript on disk under `<dir>/format/`, addressed by the hash of the prettier version, the
 * options and the unformatted text: formatting is most of the emission time, and a rerun after one page
 * changed formats only that page's files again. Entries a run did not use are removed after it (`sweep`).
 */
export class FormatCache {
  private readonly entries: EntryFolder
  hits = 0
  misses = 0

  constructor(dir: string) {
    this.entries = new EntryFolder(path.join(dir, 'format'))
  }

  get writeError(): string | undefined {
    return this.entries.writeError
  }

  /** Formats with prettier in this thread, through the cache. */
  readonly format: FormatTs = this.through((text, options) => prettier.format(text, options))

  /** Formats with `format` (prettier, on worker threads or not), through the cache. */
  through(format: FormatTs): FormatTs {
    return async (text, options) => {
      const name = `${sha256(prettier.version, JSON.stringify(options), text)}.ts`
      const cached = this.entries.read(name)
      if (cached !== undefined) {
        this.hits++
        return cached
      }
      this.misses++
      const formatted = await format(text, options)
      this.entries.write(name, formatted)
      return formatted
    }
  }

  sweep(): void {
    this.entries.sweep()
  }
}
