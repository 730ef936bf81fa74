import type { RunOptions } from '../run/index.js'
import { progressReporter } from './progress.js'

/** A usage problem: reported on stderr with exit code 2. */
export class UsageError extends Error {}

/** The options every command that reads pages takes, as commander gives them. */
export interface InputOptions {
  root?: string
  book?: string[]
  attributes?: string
  attribute?: string[]
  /** `false` with `--no-cache`. */
  cache?: boolean
  cacheDir?: string
  workers?: string
  quiet?: boolean
}

/** The run's options from the command line: `--workers` checked, progress on stderr unless `--quiet`. */
export function runOptions(options: InputOptions): RunOptions {
  return {
    ...(options.root !== undefined && { root: options.root }),
    ...(options.attributes !== undefined && { attributesFile: options.attributes }),
    ...(options.attribute !== undefined && { attributes: attributeFlags(options.attribute) }),
    ...(options.book !== undefined && { books: options.book }),
    ...(options.cache !== undefined && { cache: options.cache }),
    ...(options.cacheDir !== undefined && { cacheDir: options.cacheDir }),
    ...(options.workers !== undefined && { workers: workerCount(options.workers) }),
    ...(!options.quiet && { progress: (part) => progressReporter(part) }),
  }
}

/** `--attribute name=value` (or `name` alone: set, empty), as Asciidoctor's `-a`. */
function attributeFlags(values: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const value of values) {
    const m = /^([\w][\w-]*)(?:=(.*))?$/s.exec(value)
    if (!m) throw new UsageError(`--attribute must be name=value: ${value}`)
    out[m[1]!.toLowerCase()] = m[2] ?? ''
  }
  return out
}

function workerCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers must be a positive integer: ${value}`)
  return n
}
