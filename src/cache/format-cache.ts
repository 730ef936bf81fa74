import fs from 'node:fs'
import path from 'node:path'
import * as prettier from 'prettier'
import type { FormatTs } from '../emit/format.js'
import { sha256 } from './page-store.js'

/**
 * Formatted TypeScript on disk under `<dir>/format/`, addressed by the hash of the prettier version, the
 * options and the unformatted text: formatting is most of the emission time, and a rerun after one page
 * changed formats only that page's files again. Entries a run did not use are removed after it (`sweep`),
 * so the folder holds one output's worth.
 */
export class FormatCache {
  private readonly folder: string
  private readonly used = new Set<string>()
  hits = 0
  misses = 0
  writeError: string | undefined

  constructor(dir: string) {
    this.folder = path.join(dir, 'format')
  }

  readonly format: FormatTs = async (text, options) => {
    const name = `${sha256(prettier.version, JSON.stringify(options), text)}.ts`
    this.used.add(name)
    const file = path.join(this.folder, name)
    try {
      const cached = fs.readFileSync(file, 'utf8')
      this.hits++
      return cached
    } catch {
      this.misses++
    }
    const formatted = await prettier.format(text, options)
    this.write(file, formatted)
    return formatted
  }

  /** Removes the entries this run did not use. */
  sweep(): void {
    let names: string[]
    try {
      names = fs.readdirSync(this.folder)
    } catch {
      return
    }
    for (const name of names) if (!this.used.has(name)) fs.rmSync(path.join(this.folder, name), { force: true })
  }

  private write(file: string, content: string): void {
    if (this.writeError !== undefined) return
    const temp = `${file}.${process.pid}.tmp`
    try {
      fs.mkdirSync(this.folder, { recursive: true })
      fs.writeFileSync(temp, content)
      fs.renameSync(temp, file)
    } catch (error) {
      this.writeError = (error as Error).message
      try {
        fs.rmSync(temp, { force: true })
      } catch {
        // The folder itself is unusable: nothing was left behind.
      }
    }
  }
}
