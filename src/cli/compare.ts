import fs from 'node:fs'
import { compareWithSpec, type Spec } from '../compare/spec.js'
import { formatDiagnostic } from './diagnostics.js'
import { extractInputs } from '../run/index.js'
import { runOptions, UsageError, type InputOptions } from './options.js'

export interface CompareOptions extends InputOptions {
  spec: string
  quiet?: boolean
}

/** `docspec compare`: where the pages disagree with the specification; exit 1 on any disagreement. */
export async function compareCommand(inputs: string[], options: CompareOptions): Promise<number> {
  const spec = readSpec(options.spec)
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
