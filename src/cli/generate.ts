import path from 'node:path'
import { emitReplayTests } from '../emit/tests/index.js'
import { emitTypes } from '../emit/types/index.js'
import { writeOutput, type WriteResult } from '../emit/write.js'
import type { Diagnostic, PageModel } from '../model/types.js'
import { allDiagnostics, formatDiagnostic, hasErrors } from './diagnostics.js'
import { extractInputs, type InputOptions } from './inputs.js'
import { readSetups } from './setups.js'

export interface GenerateOptions extends InputOptions {
  out: string
  check?: boolean
  setups?: string
  quiet?: boolean
}

export interface Generated {
  models: PageModel[]
  root: string
  result: WriteResult
  diagnostics: Diagnostic[]
}

/** Extracts the pages, emits types and replay tests, and writes (or checks) them in `--out`. */
export async function generate(inputs: string[], options: GenerateOptions): Promise<Generated> {
  const setups = readSetups(options.setups)
  const { models, root } = await extractInputs(inputs, options)
  const types = await emitTypes(models)
  const tests = await emitReplayTests(models, { setups })
  const result = await writeOutput(path.resolve(options.out), [...types.files, ...tests.files], { check: options.check ?? false })
  return { models, root, result, diagnostics: allDiagnostics(models, [...types.diagnostics, ...tests.diagnostics]) }
}

/** `docspec generate`: exit 1 on error diagnostics, or in `--check` mode when the output is stale. */
export async function generateCommand(inputs: string[], options: GenerateOptions): Promise<number> {
  const { root, result, diagnostics } = await generate(inputs, options)
  if (!options.quiet) for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, root) + '\n')
  if (options.check) {
    for (const file of result.stale) process.stderr.write(`stale: ${path.join(options.out, file)}\n`)
    if (result.stale.length > 0) {
      process.stderr.write(`${result.stale.length} generated file(s) differ from the sources; run docspec generate without --check.\n`)
      return 1
    }
  } else if (!options.quiet) {
    process.stderr.write(`${options.out}: ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged.length} unchanged\n`)
  }
  return hasErrors(diagnostics) ? 1 : 0
}
