import path from 'node:path'
import { generate, watchGenerate, type GenerateOptions } from '../run/index.js'
import { formatDiagnostic, hasErrors } from './diagnostics.js'
import { runOptions, type InputOptions } from './options.js'
import { untilSignal } from './signals.js'
import { summaryLine } from './summary.js'

export interface GenerateCommandOptions extends InputOptions {
  out: string
  check?: boolean
  setups?: string[]
  apiSpec?: string
  watch?: boolean
}

/**
 * `docspec generate`: exit 1 on error diagnostics, or in `--check` mode when the output is stale. With
 * `--watch`, regenerates on every change under the docs root until SIGINT/SIGTERM (exit 0).
 */
export async function generateCommand(inputs: string[], options: GenerateCommandOptions): Promise<number> {
  const run: GenerateOptions = {
    ...runOptions(options),
    out: options.out,
    ...(options.check !== undefined && { check: options.check }),
    ...(options.setups?.length && { setupsFile: options.setups }),
    ...(options.apiSpec !== undefined && { apiSpec: options.apiSpec }),
  }
  const code = await generateOnce(inputs, run, options)
  if (!options.watch) return code
  const watcher = watchGenerate(inputs, run, () => generateOnce(inputs, run, options).then(() => undefined), {
    onError: (error) => process.stderr.write(`docspec: ${error.message}\n`),
  })
  if (!options.quiet) process.stderr.write('docspec: watching for changes (Ctrl-C stops)\n')
  await untilSignal()
  await watcher.close()
  return 0
}

async function generateOnce(inputs: string[], run: GenerateOptions, options: GenerateCommandOptions): Promise<number> {
  const started = performance.now()
  const { root, result, diagnostics, models, cached, cacheError } = await generate(inputs, run)
  if (!options.quiet) for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, root) + '\n')
  let code = hasErrors(diagnostics) ? 1 : 0
  if (options.check) {
    for (const file of result.stale) process.stderr.write(`stale: ${path.join(options.out, file)}\n`)
    if (result.stale.length > 0) {
      process.stderr.write(`${result.stale.length} generated file(s) differ from the sources; run docspec generate without --check.\n`)
      code = 1
    }
  } else if (!options.quiet) {
    process.stderr.write(`${options.out}: ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged.length} unchanged\n`)
  }
  if (!options.quiet) {
    if (cacheError) process.stderr.write(`docspec: the cache was not written: ${cacheError}\n`)
    process.stderr.write(summaryLine(models, diagnostics, performance.now() - started, cached) + '\n')
  }
  return code
}
