import path from 'node:path'
import { generate, watchGenerate, type GenerateOptions } from '../run/index.js'
import { runOptions, type InputOptions } from './options.js'
import { checkOutputFolder } from './output-file.js'
import { failsOn, report, reporting, type ReportOptions, type Reporting } from './report/index.js'
import { untilSignal } from './signals.js'
import { summaryLine } from './summary.js'

export interface GenerateCommandOptions extends InputOptions, ReportOptions {
  out: string
  check?: boolean
  setups?: string[]
  apiSpec?: string
  watch?: boolean
}

/**
 * `docspec generate`: exit 1 on error diagnostics (or more warnings than `--max-warnings`), or in `--check`
 * mode when the output is stale. With `--watch`, regenerates on every change under the docs root until
 * SIGINT/SIGTERM (exit 0).
 */
export async function generateCommand(inputs: string[], options: GenerateCommandOptions): Promise<number> {
  checkOutputFolder(options.out)
  const how = reporting(options, inputs)
  const quiet = options.quiet || how.documentOnStderr
  const run: GenerateOptions = {
    ...runOptions({ ...options, quiet }),
    out: options.out,
    ...(options.check !== undefined && { check: options.check }),
    ...(options.setups?.length && { setupsFile: options.setups }),
    ...(options.apiSpec !== undefined && { apiSpec: options.apiSpec }),
  }
  const code = await generateOnce(inputs, run, options, how)
  if (!options.watch) return code
  const watcher = watchGenerate(inputs, run, () => generateOnce(inputs, run, options, how).then(() => undefined), {
    onError: (error) => process.stderr.write(`docspec: ${error.message}\n`),
  })
  if (!quiet) process.stderr.write('docspec: watching for changes (Ctrl-C stops)\n')
  await untilSignal()
  await watcher.close()
  return 0
}

async function generateOnce(inputs: string[], run: GenerateOptions, options: GenerateCommandOptions, how: Reporting): Promise<number> {
  const started = performance.now()
  const quiet = options.quiet || how.documentOnStderr
  const generated = await generate(inputs, run)
  const { root, result, models, cached, cacheError } = generated
  const diagnostics = await report(generated.diagnostics, how, root)
  let code = failsOn(diagnostics, how) ? 1 : 0
  if (options.check) {
    for (const file of result.stale) process.stderr.write(`stale: ${path.join(options.out, file)}\n`)
    if (result.stale.length > 0) {
      process.stderr.write(`${result.stale.length} generated file(s) differ from the sources; run docspec generate without --check.\n`)
      code = 1
    }
  } else if (!quiet) {
    process.stderr.write(`${options.out}: ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged.length} unchanged\n`)
  }
  if (!quiet) {
    if (cacheError) process.stderr.write(`docspec: the cache was not written: ${cacheError}\n`)
    process.stderr.write(summaryLine(models, diagnostics, performance.now() - started, cached) + '\n')
  }
  return code
}
