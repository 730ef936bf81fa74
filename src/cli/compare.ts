import fs from 'node:fs'
import { compareWithSpec, type Spec } from '../compare/spec.js'
import { extractInputs } from '../run/index.js'
import { runOptions, UsageError, type InputOptions } from './options.js'
import { failsOn, report, reporting, type ReportOptions } from './report/index.js'

export interface CompareOptions extends InputOptions, ReportOptions {
  spec: string
}

/**
 * `docspec compare`: where the pages disagree with the specification. Exit 1 on an error or on any
 * disagreement (a warning), unless `--max-warnings N` allows up to N of them.
 */
export async function compareCommand(inputs: string[], options: CompareOptions): Promise<number> {
  const how = reporting(options, inputs)
  const quiet = options.quiet || how.documentOnStderr
  const spec = readSpec(options.spec)
  const { models, root } = await extractInputs(inputs, runOptions({ ...options, quiet }))
  const found = compareWithSpec(models, spec)
  const diagnostics = await report([...found.values()].flat(), how, root)
  if (!quiet) {
    const drift = diagnostics.filter((d) => d.severity !== 'info').length
    process.stderr.write(`compared ${found.size} of ${models.length} pages with the specification: ${drift} disagreement(s), ${diagnostics.length - drift} note(s)\n`)
  }
  const disagrees = how.maxWarnings === undefined && diagnostics.some((d) => d.severity === 'warning')
  return failsOn(diagnostics, how) || disagrees ? 1 : 0
}

function readSpec(file: string): Spec {
  let value: Partial<Spec>
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Spec>
  } catch (error) {
    throw new UsageError(`cannot read --spec ${file}: ${(error as Error).message}`)
  }
  if (!Array.isArray(value.endpoints) || !Array.isArray(value.types)) throw new UsageError(`--spec ${file} is not a compiled specification (endpoints and types)`)
  return value as Spec
}
