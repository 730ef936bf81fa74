import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { GradleScripts, SetupsStore } from '../setups/index.js'
import { EntryFolder } from './entries.js'
import { sha256 } from './file-hashes.js'
import { emitSalt } from './salt.js'

/**
 * Translated `build.gradle` setups on disk under `<dir>/setups/`, addressed by the file's name and text, the
 * tool's code and the versions of the API table's package and the YAML parser: a rerun translates a doc
 * build's setups again only when they changed. Entries a run did not use are removed after it (`sweep`).
 */
export class SetupsCache implements SetupsStore {
  private readonly entries: EntryFolder
  private readonly salt = emitSalt(['setups', packageVersion('@elastic/request-converter'), packageVersion('yaml')])
  hits = 0
  misses = 0

  constructor(dir: string) {
    this.entries = new EntryFolder(path.join(dir, 'setups'))
  }

  get writeError(): string | undefined {
    return this.entries.writeError
  }

  get(key: string[]): GradleScripts | undefined {
    const text = this.entries.read(this.name(key))
    const scripts = text === undefined ? undefined : parse(text)
    if (scripts) this.hits++
    else this.misses++
    return scripts
  }

  set(key: string[], scripts: GradleScripts): void {
    this.entries.write(this.name(key), JSON.stringify(scripts))
  }

  sweep(): void {
    this.entries.sweep()
  }

  private name(key: string[]): string {
    return `${sha256(this.salt, ...key)}.json`
  }
}

/** A damaged entry is a miss. */
function parse(text: string): GradleScripts | undefined {
  try {
    const scripts = JSON.parse(text) as GradleScripts
    const record = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value)
    return record(scripts.setups) && record(scripts.teardowns) && Array.isArray(scripts.diagnostics) ? scripts : undefined
  } catch {
    return undefined
  }
}

function packageVersion(name: string): string {
  const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`)
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
}
