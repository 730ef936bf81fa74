import fs from 'node:fs'
import path from 'node:path'
import { writeFileAtomicSync } from '../emit/atomic-write.js'
import { sha256 } from './file-hashes.js'

/**
 * Every entry is stored behind the hash of its content (first line), and checked against it when read: a
 * truncated, emptied or edited entry is a miss (and written again), never content copied into the output.
 */
export function sealEntry(content: string): string {
  return `${sha256(content)}\n${content}`
}

/** The entry's content, or undefined when it does not match its hash. */
export function openEntry(text: string): string | undefined {
  if (text.charCodeAt(64) !== 10) return undefined
  const content = text.slice(65)
  return sha256(content) === text.slice(0, 64) ? content : undefined
}

/**
 * A folder of cache entries addressed by content hashes. Entries are written atomically (temp file, then
 * rename), so a reader never sees half an entry, and sealed with their own hash (`sealEntry`), so that damage
 * done later is seen; a cache that cannot be written (read-only file system,
 * disk full) must not fail the run: writes stop and `writeError` says why. `sweep` removes the entries
 * this run did not use, so the folder holds one output's worth.
 */
export class EntryFolder {
  private readonly used = new Set<string>()
  writeError: string | undefined

  constructor(readonly folder: string) {}

  /** The entry's content; undefined when it is missing or damaged. */
  read(name: string): string | undefined {
    this.used.add(name)
    try {
      return openEntry(fs.readFileSync(path.join(this.folder, name), 'utf8'))
    } catch {
      return undefined
    }
  }

  write(name: string, content: string): void {
    this.used.add(name)
    if (this.writeError !== undefined) return
    this.writeError = writeAtomically(path.join(this.folder, name), sealEntry(content))
  }

  sweep(): void {
    let names: string[]
    try {
      names = fs.readdirSync(this.folder)
    } catch {
      return
    }
    for (const name of names) if (!this.used.has(name)) fs.rmSync(path.join(this.folder, name), { force: true })
  }
}

/** Writes a cache entry atomically; returns the error message when it could not. */
export function writeAtomically(file: string, content: string): string | undefined {
  try {
    writeFileAtomicSync(file, content)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}
