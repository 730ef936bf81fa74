import { compareWithSpec } from '../compare/spec.js'
import { DEFAULT_SPEC, defaultSpecPath, readSpec } from '../compare/spec-file.js'
import type { Spec } from '../compare/schema.js'
import { extractInputs } from '../run/index.js'
import { runOptions, UsageError, type InputOptions } from './options.js'
import { failsOn, report, reporting, type ReportOptions } from './report/index.js'

export interface CompareOptions extends InputOptions, ReportOptions {
  /** Default: the compiled specification of the installed `@elastic/request-converter`. */
  spec?: string
}

/**
 * `docspec compare`: where the pages disagree with the specification. Exit 1 on an error or on any
 * disagreement (a warning), unless `--max-warnings N` allows up to N of them.
 */
export async function compareCommand(inputs: string[], options: CompareOptions): Promise<number> {
  const how = reporting(options, inputs)
  const quiet = options.quiet || how.documentOnStderr
  const spec = loadSpec(options.spec)
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

function loadSpec(file: string | undefined): Spec {
  const path = file ?? defaultSpecPath()
  if (path === undefined) throw new UsageError(`no --spec given and ${DEFAULT_SPEC} is not installed`)
  try {
    return readSpec(path)
  } catch (error) {
    throw new UsageError(`--spec: ${(error as Error).message}`)
  }
}
