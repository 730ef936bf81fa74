import { compareWithSpec } from '../compare/spec.js'
import { DEFAULT_SPEC, defaultSpecPath, readSpec } from '../compare/spec-file.js'
import type { Spec } from '../compare/schema.js'
import { formatDiagnostic } from './diagnostics.js'
import { extractInputs } from '../run/index.js'
import { runOptions, UsageError, type InputOptions } from './options.js'

export interface CompareOptions extends InputOptions {
  /** Default: the compiled specification of the installed `@elastic/request-converter`. */
  spec?: string
  quiet?: boolean
}

/** `docspec compare`: where the pages disagree with the specification; exit 1 on any disagreement. */
export async function compareCommand(inputs: string[], options: CompareOptions): Promise<number> {
  const spec = loadSpec(options.spec)
  const { models, root } = await extractInputs(inputs, runOptions(options))
  const found = compareWithSpec(models, spec)
  const diagnostics = [...found.values()].flat()
  if (!options.quiet) {
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, root) + '\n')
    const drift = diagnostics.filter((d) => d.severity !== 'info').length
    process.stderr.write(`compared ${found.size} of ${models.length} pages with the specification: ${drift} disagreement(s), ${diagnostics.length - drift} note(s)\n`)
  }
  return diagnostics.some((d) => d.severity !== 'info') ? 1 : 0
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
