import fs from 'node:fs'
import path from 'node:path'
import type { FileResult, PageStore } from '../extract/index.js'
import { openEntry, sealEntry, sha256, writeAtomically } from './entries.js'

/** What is stored per page: enough to tell whether the result still holds, and the result. */
interface Entry {
  key: string
  /** Hash of each include target the page looked up (null: it was missing), in `result.includes` order. */
  includes: (string | null)[]
  result: FileResult
}

/**
 * Page results on disk, one JSON file per page under `<dir>/pages/`. An entry holds while the page's bytes,
 * the `salt` (tool code, model version, root, attributes) and the bytes of every include target it looked
 * up (found or missing) are unchanged: those are all the inputs of a page's extraction. Unreadable or
 * damaged entries are misses. One store serves one run: include hashes are memoised for the run.
 */
export class DiskPageStore implements PageStore {
  private readonly folder: string
  private readonly hashes = new Map<string, string | null>()
  hits = 0
  misses = 0
  writeError: string | undefined

  constructor(dir: string, private readonly salt: string) {
    this.folder = path.join(dir, 'pages')
  }

  get(file: string, bytes: Uint8Array): FileResult | undefined {
    const entry = this.read(file)
    const valid = entry !== undefined && entry.key === this.key(file, bytes) && entry.result.includes.every((inc, i) => this.hashOf(inc) === entry.includes[i])
    if (valid) this.hits++
    else this.misses++
    return valid ? entry.result : undefined
  }

  /** A cache that cannot be written (read-only file system, disk full) must not fail the run: writes stop, and `writeError` says why. */
  set(file: string, bytes: Uint8Array, result: FileResult): void {
    if (this.writeError !== undefined) return
    const entry: Entry = { key: this.key(file, bytes), includes: result.includes.map((inc) => this.hashOf(inc)), result }
    this.writeError = writeAtomically(this.entryPath(file), sealEntry(JSON.stringify(entry)))
  }

  private key(file: string, bytes: Uint8Array): string {
    return sha256(this.salt, file, bytes)
  }

  private entryPath(file: string): string {
    return path.join(this.folder, `${sha256(file)}.json`)
  }

  private read(file: string): Entry | undefined {
    try {
      // A damaged entry (truncated, emptied, edited) fails its hash and is a miss.
      const text = openEntry(fs.readFileSync(this.entryPath(file), 'utf8'))
      if (text === undefined) return undefined
      const entry = JSON.parse(text) as Entry
      return typeof entry.key === 'string' && Array.isArray(entry.includes) && Array.isArray(entry.result?.includes) ? entry : undefined
    } catch {
      return undefined
    }
  }

  private hashOf(file: string): string | null {
    let hash = this.hashes.get(file)
    if (hash === undefined) {
      try {
        hash = sha256(fs.readFileSync(file))
      } catch {
        hash = null
      }
      this.hashes.set(file, hash)
    }
    return hash
  }
}
