import { allDiagnostics, formatDiagnostic, hasErrors } from './diagnostics.js'
import { writeFileAtomic } from './files.js'
import { extractInputs, type InputOptions } from './inputs.js'

export interface ExtractOptions extends InputOptions {
  out?: string
  quiet?: boolean
}

/** `docspec extract`: the models as a JSON array on stdout or in `--out`; diagnostics on stderr. */
export async function extractCommand(inputs: string[], options: ExtractOptions): Promise<number> {
  const { models, root } = await extractInputs(inputs, options)
  const json = JSON.stringify(models, null, 2) + '\n'
  if (options.out) writeFileAtomic(options.out, json)
  else process.stdout.write(json)
  const diagnostics = allDiagnostics(models)
  if (!options.quiet) for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, root) + '\n')
  return hasErrors(diagnostics) ? 1 : 0
}
