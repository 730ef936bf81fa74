import { writeFileAtomic } from '../emit/atomic-write.js'
import { collectDiagnostics, extractInputs } from '../run/index.js'
import { runOptions, type InputOptions } from './options.js'
import { checkOutputFile } from './output-file.js'
import { failsOn, report, reporting, type ReportOptions } from './report/index.js'
import { summaryLine } from './summary.js'

export interface ExtractOptions extends InputOptions, ReportOptions {
  out?: string
}

/**
 * `docspec extract`: the models as a JSON array on stdout or in `--out`; diagnostics (in `--format`, on
 * stderr or in `--diagnostics-file`) and a summary on stderr. Exit 1 on errors or too many warnings.
 */
export async function extractCommand(inputs: string[], options: ExtractOptions): Promise<number> {
  const started = performance.now()
  if (options.out) checkOutputFile(options.out, '--out', inputs)
  const how = reporting(options, inputs)
  const quiet = options.quiet || how.documentOnStderr
  const { models, root, cached, cacheError, books } = await extractInputs(inputs, runOptions({ ...options, quiet }))
  const json = JSON.stringify(models, null, 2) + '\n'
  if (options.out) await writeFileAtomic(options.out, json)
  else process.stdout.write(json)
  const diagnostics = await report(collectDiagnostics(models), how, root)
  if (!quiet) {
    if (cacheError) process.stderr.write(`docspec: the cache was not written: ${cacheError}\n`)
    process.stderr.write(summaryLine(models, diagnostics, performance.now() - started, cached, books.length) + '\n')
  }
  return failsOn(diagnostics, how) ? 1 : 0
}
