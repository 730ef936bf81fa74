import fs from 'node:fs'
import path from 'node:path'
import { UsageError } from './options.js'

const PAGE_EXTENSIONS = new Set(['.asciidoc', '.adoc', '.asc', '.ad'])

/**
 * Checks a file the CLI is asked to write (`--out`, `--diagnostics-file`, `--output-file`) before the run
 * spends any time: it must not be a folder, and never a page (an AsciiDoc file, or one of the inputs), so a
 * slip of the command line cannot replace the docs with JSON.
 */
export function checkOutputFile(file: string, option: string, inputs: readonly string[] = []): void {
  const resolved = path.resolve(file)
  const stat = fs.statSync(resolved, { throwIfNoEntry: false })
  if (stat?.isDirectory()) throw new UsageError(`${option} ${file} is a folder; give a file name`)
  if (PAGE_EXTENSIONS.has(path.extname(resolved).toLowerCase()) || inputs.some((input) => path.resolve(input) === resolved)) {
    throw new UsageError(`${option} ${file} is a page docspec reads; refusing to write over it`)
  }
}

/** Checks the folder `generate` and `start` write into: an existing file there is no folder. */
export function checkOutputFolder(folder: string, option = '--out'): void {
  const stat = fs.statSync(path.resolve(folder), { throwIfNoEntry: false })
  if (stat && !stat.isDirectory()) throw new UsageError(`${option} ${folder} is a file; give a folder`)
}
