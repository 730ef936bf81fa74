import { writeFileAtomic } from '../emit/atomic-write.js'
import { formatDiagnostic, hasErrors } from './diagnostics.js'
import { collectDiagnostics, extractInputs } from '../run/index.js'
import { runOptions, type InputOptions } from './options.js'
import { summaryLine } from './summary.js'

export interface ExtractOptions extends InputOptions {
  out?: string
}

/** `docspec extract`: the models as a JSON array on stdout or in `--out`; diagnostics and a summary on stderr. */
export async function extractCommand(inputs: string[], options: ExtractOptions): Promise<number> {
  const started = performance.now()
  const { models, root, cached, cacheError } = await extractInputs(inputs, runOptions(options))
  const json = JSON.stringify(models, null, 2) + '\n'
  if (options.out) await writeFileAtomic(options.out, json)
  else process.stdout.write(json)
  const diagnostics = collectDiagnostics(models)
  if (!options.quiet) {
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, root) + '\n')
    if (cacheError) process.stderr.write(`docspec: the cache was not written: ${cacheError}\n`)
    process.stderr.write(summaryLine(models, diagnostics, performance.now() - started, cached) + '\n')
  }
  return hasErrors(diagnostics) ? 1 : 0
}
