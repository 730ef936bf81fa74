import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readAttributesText } from '../load/index.js'

/** Progress of one part of a run (`extract`, then `types`): how many pages, and each one done. */
export interface Progress {
  start(total: number): void
  tick(): void
  stop(): void
}

export interface RunOptions {
  /** Docs root: includes are never read outside it (default: the folder of the first input). */
  root?: string
  /** Extra attributes: any AsciiDoc file (its entries, as Asciidoctor reads it) or a JSON object, over the built-in ones; read at every run. */
  attributesFile?: string
  /** Attributes given one by one (`--attribute name=value`), over those of `attributesFile`; locked against the pages' own entries, as Asciidoctor's `-a`. */
  attributes?: Record<string, string>
  /** Book roots (`--book`): every page they include is read with the attributes in effect there. */
  books?: string[]
  /** `false`: extract every page again, and neither read nor write the cache. */
  cache?: boolean
  /** Where results are kept between runs (default `.docspec-cache`). */
  cacheDir?: string
  /** Worker threads for extraction (default: one per idle CPU for `extractInputs`, 1 for `generate`). */
  workers?: number
  /** Reports progress of each part of the run (the CLI draws a bar); none by default. */
  progress?: (part: 'extract' | 'types') => Progress
}

/** Input a run cannot start from (a missing input, an unreadable attributes or setups file). */
export class InputError extends Error {
  override name = 'InputError'
}

export const NO_PROGRESS: Progress = { start() {}, tick() {}, stop() {} }

/**
 * One worker per idle CPU (by the load average): a thread only helps on a free core, and on a busy machine
 * extra threads measured no faster on 2,000 pages. Extraction still uses threads only for runs large
 * enough to repay their start-up.
 */
export function idleCpus(): number {
  return Math.max(1, Math.floor(os.availableParallelism() - os.loadavg()[0]! + 0.5))
}

/**
 * The user's attributes: the `--attributes` file's, then the `--attribute` ones. A `docs-root` given there
 * (an elastic/docs checkout) is made absolute: the user named it, so includes may read it though it lies
 * outside the docs root.
 */
export async function userAttributes(options: Pick<RunOptions, 'attributesFile' | 'attributes'>, root: string): Promise<{ attributes: Record<string, string>; readable: string[] }> {
  const given = { ...(options.attributesFile ? await readAttributesFile(options.attributesFile, root) : {}), ...options.attributes }
  const docsRoot = given['docs-root']
  if (docsRoot === undefined) return { attributes: given, readable: [] }
  const absolute = path.resolve(docsRoot)
  if (!fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`docs-root is not a folder: ${docsRoot}`)
  return { attributes: { ...given, 'docs-root': absolute }, readable: [absolute] }
}

async function readAttributesFile(file: string, root: string): Promise<Record<string, string>> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new InputError(`cannot read --attributes file: ${file}`)
  }
  const read = await readAttributesText(text, path.resolve(file), { root })
  if (read.errors.length > 0) {
    throw new InputError(read.errors.map((e) => `${path.relative(process.cwd(), file)}:${e.line}: ${e.message}`).join('\n'))
  }
  return read.attributes
}
