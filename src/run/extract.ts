import fs from 'node:fs'
import { openPageStore, openWalkStore } from '../cache/index.js'
import { extractFiles, type ExtractResult } from '../extract/index.js'
import { resolveRoot } from '../load/index.js'
import { idleCpus, InputError, NO_PROGRESS, userAttributes, type RunOptions } from './options.js'
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
  for (const input of [...inputs, ...(options.books ?? [])]) if (!fs.existsSync(input)) throw new InputError(`no such file or folder: ${input}`)
  const root = resolveRoot(options.root, inputs[0]!)
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new InputError(`--root is not a folder: ${options.root}`)
  const { attributes, readable } = await userAttributes(options, root)
  const cacheOptions = { dir: options.cacheDir, version: VERSION, root, attributes, readable }
  const store = options.cache === false ? undefined : openPageStore(cacheOptions)
  const walks = options.cache === false ? undefined : openWalkStore(cacheOptions)
  const progress = options.progress?.('extract') ?? NO_PROGRESS
  try {
    const result = await extractFiles(inputs, { root, attributes, readable, books: options.books ?? [] }, {
      ...(store && { store }),
      ...(walks && { walks }),
      workers: options.workers ?? idleCpus(),
      onStart: (files) => {
        // Nothing to read is a mistake in the command line (a folder of other files), not a clean run.
        if (files.length === 0) throw new InputError(`no AsciiDoc pages (*.asciidoc, *.adoc) under ${inputs.join(', ')}`)
        progress.start(files.length)
      },
      onPage: () => progress.tick(),
    })
    const cacheError = store?.writeError ?? walks?.writeError
    return { ...result, root, ...(cacheError !== undefined && { cacheError }) }
  } finally {
    progress.stop()
  }
}
