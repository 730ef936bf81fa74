import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { EntryFolder } from './entries.js'
import { sha256 } from './file-hashes.js'
import { emitSalt } from './salt.js'

/**
 * Values kept as JSON on disk under `<dir>/<folder>/`, addressed by a key (the value's inputs) and a salt
 * (the tool's code and the versions of what made the value). A damaged or foreign entry is a miss; entries
 * a run did not use are removed after it (`sweep`).
 */
export class JsonCache<T> {
  private readonly entries: EntryFolder
  private readonly salt: string
  hits = 0
  misses = 0

  /** `valid` tells an entry of this cache from a damaged one. */
  constructor(dir: string, folder: string, saltParts: string[], private readonly valid: (value: T) => boolean) {
    this.entries = new EntryFolder(path.join(dir, folder))
    this.salt = emitSalt(saltParts)
  }

  get writeError(): string | undefined {
    return this.entries.writeError
  }

  get(key: string[]): T | undefined {
    const text = this.entries.read(this.name(key))
    const value = text === undefined ? undefined : this.parse(text)
    if (value) this.hits++
    else this.misses++
    return value
  }

  set(key: string[], value: T): void {
    this.entries.write(this.name(key), JSON.stringify(value))
  }

  sweep(): void {
    this.entries.sweep()
  }

  private name(key: string[]): string {
    return `${sha256(this.salt, ...key)}.json`
  }

  private parse(text: string): T | undefined {
    try {
      const value = JSON.parse(text) as T
      return value !== null && typeof value === 'object' && this.valid(value) ? value : undefined
    } catch {
      return undefined
    }
  }
}

/** The installed version of a package, for salts. */
export function packageVersion(name: string): string {
  const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`)
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
}
