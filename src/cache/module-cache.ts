import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as prettier from 'prettier'
import type { BuiltModule, ModuleStore } from '../emit/types/index.js'
import { EntryFolder } from './entries.js'
import { sha256 } from './file-hashes.js'
import { emitSalt } from './salt.js'

/**
 * Generated type modules on disk under `<dir>/modules/`, addressed by every input of a module (the page's
 * model, its names, the names taken before it; see `emitTypes`) and by the tool's code and the printers'
 * versions, so that a rerun after one page changed builds, prints and formats only that page's module.
 */
export class ModuleCache implements ModuleStore {
  private readonly entries: EntryFolder
  private readonly salt = emitSalt([prettier.version, tsMorphVersion()])
  hits = 0
  misses = 0

  constructor(dir: string) {
    this.entries = new EntryFolder(path.join(dir, 'modules'))
  }

  get writeError(): string | undefined {
    return this.entries.writeError
  }

  get(key: string[]): BuiltModule | undefined {
    const text = this.entries.read(this.name(key))
    const built = text === undefined ? undefined : parse(text)
    if (built) this.hits++
    else this.misses++
    return built
  }

  set(key: string[], module: BuiltModule): void {
    this.entries.write(this.name(key), JSON.stringify(module))
  }

  sweep(): void {
    this.entries.sweep()
  }

  private name(key: string[]): string {
    return `${sha256(this.salt, ...key)}.json`
  }
}

/** A damaged entry is a miss. */
function parse(text: string): BuiltModule | undefined {
  try {
    const built = JSON.parse(text) as BuiltModule
    return typeof built.content === 'string' && Array.isArray(built.claimed) && Array.isArray(built.diagnostics) ? built : undefined
  } catch {
    return undefined
  }
}

function tsMorphVersion(): string {
  const manifest = createRequire(import.meta.url).resolve('ts-morph/package.json')
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
}
