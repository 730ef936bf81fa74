import fs from 'node:fs'
import path from 'node:path'
import type { Walk, WalkStore } from '../load/index.js'
import { openEntry, sealEntry, writeAtomically } from './entries.js'
import { decodePage } from '../load/read.js'
import { MAX_PAGE_BYTES } from '../load/files.js'
import { walkOutline } from '../load/outline.js'
import { sha256 } from './file-hashes.js'

interface Entry {
  key: string
  /** Hash of the outline of each file the walk looked up (null: it was missing), in `walk.read` order. */
  read: (string | null)[]
  walk: Walk
}

/**
 * Book walks on disk under `<dir>/books/`: a whole book takes a second or two to walk, and a rerun after one
 * page changed must not pay for it again. A walk holds while the book's bytes, the salt (tool code, root,
 * attributes) and the outline (`walkOutline`) of every file it looked up are unchanged: a page whose
 * paragraphs changed leaves the walk as it was.
 */
export class DiskWalkStore implements WalkStore {
  private readonly folder: string
  private readonly outlines = new OutlineHashes()
  hits = 0
  misses = 0
  writeError: string | undefined

  constructor(dir: string, private readonly salt: string) {
    this.folder = path.join(dir, 'books')
  }

  get(book: string, bytes: Uint8Array): Walk | undefined {
    const entry = this.read(book)
    const valid = entry !== undefined && entry.key === sha256(this.salt, book, bytes) && entry.walk.read.every((file, i) => this.outlines.of(file) === entry.read[i])
    if (valid) this.hits++
    else this.misses++
    return valid ? entry.walk : undefined
  }

  set(book: string, bytes: Uint8Array, walk: Walk): void {
    if (this.writeError !== undefined) return
    const entry: Entry = { key: sha256(this.salt, book, bytes), read: walk.read.map((file) => this.outlines.of(file)), walk }
    this.writeError = writeAtomically(this.entryPath(book), sealEntry(JSON.stringify(entry)))
  }

  /** A damaged entry is a miss. */
  private read(book: string): Entry | undefined {
    try {
      // A damaged entry fails its hash and is a miss.
      const text = openEntry(fs.readFileSync(this.entryPath(book), 'utf8'))
      if (text === undefined) return undefined
      const entry = JSON.parse(text) as Entry
      return typeof entry.key === 'string' && Array.isArray(entry.read) && Array.isArray(entry.walk?.read) && Array.isArray(entry.walk.files) ? entry : undefined
    } catch {
      return undefined
    }
  }

  private entryPath(book: string): string {
    return path.join(this.folder, `${sha256(book)}.json`)
  }
}

/** The hash of each file's outline (null: it cannot be read), each file read once. */
class OutlineHashes {
  private readonly hashes = new Map<string, string | null>()

  of(file: string): string | null {
    let hash = this.hashes.get(file)
    if (hash === undefined) {
      try {
        const bytes = fs.readFileSync(file)
        // A file the walk would not read (too large) has no outline of its own.
        hash = bytes.length > MAX_PAGE_BYTES ? sha256('too large') : sha256(walkOutline(decodePage(bytes, file).text))
      } catch {
        hash = null
      }
      this.hashes.set(file, hash)
    }
    return hash
  }
}
