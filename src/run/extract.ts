import fs from 'node:fs'
import { openPageStore } from '../cache/index.js'
import { extractFiles, type ExtractResult } from '../extract/index.js'
import { resolveRoot } from '../load/index.js'
import { idleCpus, InputError, NO_PROGRESS, readAttributesFile, type RunOptions } from './options.js'
import { VERSION } from './version.js'

export interface Extracted extends ExtractResult {
  /** The docs root, absolute. */
  root: string
  /** Why the cache could not be written, when it could not. */
  cacheError?: string
}

/**
 * Extracts the models of every page under the inputs, from the cache where a page's inputs are unchanged.
 * Throws `InputError` when an input, the root or the attributes file is unusable.
 */
export async function extractInputs(inputs: string[], options: RunOptions = {}): Promise<Extracted> {
  for (const input of inputs) if (!fs.existsSync(input)) throw new InputError(`no such file or folder: ${input}`)
  const root = resolveRoot(options.root, inputs[0]!)
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new InputError(`--root is not a folder: ${options.root}`)
  const attributes = options.attributesFile ? readAttributesFile(options.attributesFile) : {}
  const store = options.cache === false ? undefined : openPageStore({ dir: options.cacheDir, version: VERSION, root, attributes })
  const progress = options.progress?.('extract') ?? NO_PROGRESS
  try {
    const result = await extractFiles(inputs, { root, attributes }, {
      ...(store && { store }),
      workers: options.workers ?? idleCpus(),
      onStart: (files) => progress.start(files.length),
      onPage: () => progress.tick(),
    })
    return { ...result, root, ...(store?.writeError !== undefined && { cacheError: store.writeError }) }
  } finally {
    progress.stop()
  }
}
