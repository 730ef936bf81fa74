import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openPageStore } from '../cache/index.js'
import { extractFiles, type ExtractResult } from '../extract/index.js'
import { parseAttributesText, resolveRoot } from '../load/index.js'
import { progressReporter } from './progress.js'
import { VERSION } from './version.js'

export interface InputOptions {
  root?: string
  attributes?: string
  /** `false` with `--no-cache`. */
  cache?: boolean
  cacheDir?: string
  workers?: string
  quiet?: boolean
}

/** A usage problem: reported on stderr with exit code 2. */
export class UsageError extends Error {}

export interface Extracted extends ExtractResult {
  root: string
  /** Why the cache could not be written, when it could not. */
  cacheError?: string
}

/**
 * Extracts the models of every page under the inputs with the command's `--root` / `--attributes`, from
 * the cache where a page's inputs are unchanged, with progress on stderr unless `--quiet`.
 */
export async function extractInputs(inputs: string[], options: InputOptions): Promise<Extracted> {
  for (const input of inputs) if (!fs.existsSync(input)) throw new UsageError(`no such file or folder: ${input}`)
  const root = resolveRoot(options.root, inputs[0]!)
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root is not a folder: ${options.root}`)
  const attributes = options.attributes ? readAttributes(options.attributes) : {}
  const store = options.cache === false ? undefined : openPageStore({ dir: options.cacheDir, version: VERSION, root, attributes })
  const progress = progressReporter('extract', { quiet: options.quiet ?? false })
  try {
    const result = await extractFiles(inputs, { root, attributes }, {
      ...(store && { store }),
      workers: workerCount(options.workers),
      onStart: (files) => progress.start(files.length),
      onPage: () => progress.tick(),
    })
    return { ...result, root, ...(store?.writeError !== undefined && { cacheError: store.writeError }) }
  } finally {
    progress.stop()
  }
}

/**
 * `--workers N`; by default one per idle CPU (by the load average): a thread only helps on a free core,
 * and on a busy machine extra threads measured no faster on 2,000 pages. Extraction still uses threads
 * only for runs large enough to repay their start-up.
 */
function workerCount(value: string | undefined): number {
  if (value === undefined) return Math.max(1, Math.floor(os.availableParallelism() - os.loadavg()[0]! + 0.5))
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers must be a positive integer: ${value}`)
  return n
}

function readAttributes(file: string): Record<string, string> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new UsageError(`cannot read --attributes file: ${file}`)
  }
  const parsed = parseAttributesText(text)
  if (parsed.errors.length > 0) {
    throw new UsageError(parsed.errors.map((e) => `${path.relative(process.cwd(), file)}:${e.line}: ${e.message}`).join('\n'))
  }
  return parsed.attributes
}
