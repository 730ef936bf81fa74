import fs from 'node:fs'
import path from 'node:path'
import type { FileResult, PageReading, PageStore } from '../extract/index.js'
import { openEntry, sealEntry, writeAtomically } from './entries.js'
import { FileHashes, sha256 } from './file-hashes.js'


/** What is stored per page: enough to tell whether the result still holds, and the result. */
interface Entry {
  key: string
  /** Hash of each include target the page looked up (null: it was missing), in `result.includes` order. */
  includes: (string | null)[]
  /** Whether each include target was a page of the run (a page's whole include of another is left to that page's model). */
  pages: boolean[]
  result: FileResult
}

/**
 * Page results on disk, one JSON file per page under `<dir>/pages/`. An entry holds while the page's bytes,
 * the `salt` (tool code, model version, root, attributes), how its book reads it (the attributes it gets
 * there) and the bytes of every include target it looked up (found or missing), and whether each is a page
 * of the run, are unchanged: those are all the inputs of a page's extraction. Unreadable or damaged
 * entries are misses. One store serves one run: include hashes are memoised for the run.
 */
export class DiskPageStore implements PageStore {
  private readonly folder: string
  private readonly hashes = new FileHashes()
  hits = 0
  misses = 0
  writeError: string | undefined

  constructor(dir: string, private readonly salt: string) {
    this.folder = path.join(dir, 'pages')
  }

  get(file: string, bytes: Uint8Array, reading: PageReading): FileResult | undefined {
    const entry = this.read(file)
    const valid =
      entry !== undefined &&
      entry.key === this.key(file, bytes, reading) &&
      entry.result.includes.every((inc, i) => this.hashes.of(inc) === entry.includes[i] && reading.pages.has(inc) === entry.pages[i])
    if (valid) this.hits++
    else this.misses++
    return valid ? entry.result : undefined
  }

  /** A cache that cannot be written (read-only file system, disk full) must not fail the run: writes stop, and `writeError` says why. */
  set(file: string, bytes: Uint8Array, reading: PageReading, result: FileResult): void {
    if (this.writeError !== undefined) return
    const entry: Entry = {
      key: this.key(file, bytes, reading),
      includes: result.includes.map((inc) => this.hashes.of(inc)),
      pages: result.includes.map((inc) => reading.pages.has(inc)),
      result,
    }
    this.writeError = writeAtomically(this.entryPath(file), sealEntry(JSON.stringify(entry)))
  }

  private key(file: string, bytes: Uint8Array, reading: PageReading): string {
    const plan = reading.plan ? JSON.stringify([reading.plan.book, reading.plan.walked, Object.entries(reading.plan.attributes).sort()]) : ''
    return sha256(this.salt, file, bytes, plan)
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
      return typeof entry.key === 'string' && Array.isArray(entry.includes) && Array.isArray(entry.pages) && Array.isArray(entry.result?.includes) ? entry : undefined
    } catch {
      return undefined
    }
  }
}
