import path from 'node:path'
import type { Diagnostic } from '../model/types.js'
import { readSetupsFiles, SetupsFileError, type ScriptSource, type SetupsStore } from '../setups/index.js'
import { InputError } from './options.js'

/**
 * `--setups FILE…`: each a doc build's `build.gradle` (its named setups and teardowns, translated into
 * requests with the API table of `--api-spec`, else `@elastic/request-converter`'s) or a JSON/YAML mapping of
 * names to console text. Files that cannot be read at all are input errors; what is wrong inside them is
 * reported as diagnostics at its line.
 */
export function readSetups(files: readonly string[], root: string, apiSpec?: string, store?: SetupsStore): { sources: ScriptSource[]; diagnostics: Diagnostic[] } {
  try {
    return readSetupsFiles(files, { root, ...(apiSpec !== undefined && { apiSpec: path.resolve(apiSpec) }), ...(store && { store }) })
  } catch (error) {
    if (error instanceof SetupsFileError) throw new InputError(error.message)
    const message = (error as Error).message
    throw new InputError(apiSpec !== undefined ? `cannot read --api-spec ${apiSpec}: ${message}` : `cannot read the API table: ${message}`)
  }
}
