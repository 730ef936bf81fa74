/**
 * How a command reports its diagnostics: the project's policy applied (severities, ignores), then the
 * findings in the chosen format on stderr or in `--diagnostics-file`, and the verdict the exit code follows.
 */
import { writeFileAtomic } from '../../emit/atomic-write.js'
import { resolveRoot } from '../../run/index.js'
import { UsageError } from '../options.js'
import { checkOutputFile } from '../output-file.js'
import { loadConfig } from './config.js'
import type { Finding } from './finding.js'
import { formatFindings, type Format } from './formats.js'
import { applyPolicy, NO_POLICY, verdict, type Policy } from './policy.js'

/** The report flags as commander gives them. */
export interface ReportOptions {
  root?: string
  format?: string
  diagnosticsFile?: string
  maxWarnings?: string
  /** `--config FILE`, or `false` with `--no-config`. */
  config?: string | false
  quiet?: boolean
}

export interface Reporting {
  format: Format
  /** `--format` was given (`start` lists its diagnostics only when asked). */
  formatGiven: boolean
  file?: string
  maxWarnings?: number
  policy: Policy
  quiet: boolean
  /** A JSON or SARIF document goes to stderr: nothing else may be printed there. */
  documentOnStderr: boolean
}

/** Checks the report flags and reads the config, before the run starts: a bad one is a usage error (exit 2). */
export function reporting(options: ReportOptions, inputs: string[]): Reporting {
  // commander checks --format against FORMATS.
  const format = (options.format ?? 'text') as Format
  if (options.diagnosticsFile !== undefined) checkOutputFile(options.diagnosticsFile, '--diagnostics-file', inputs)
  const config = loadConfig(options.config, resolveRoot(options.root, inputs[0] ?? '.'))
  return {
    format,
    formatGiven: options.format !== undefined,
    ...(options.diagnosticsFile !== undefined && { file: options.diagnosticsFile }),
    ...(options.maxWarnings !== undefined && { maxWarnings: warningLimit(options.maxWarnings) }),
    policy: config?.policy ?? NO_POLICY,
    quiet: options.quiet ?? false,
    documentOnStderr: options.diagnosticsFile === undefined && (format === 'json' || format === 'sarif'),
  }
}

function warningLimit(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings must be a whole number: ${value}`)
  return n
}

/**
 * Applies the policy to the run's findings and writes them: into `--diagnostics-file` (atomically, even
 * with `--quiet`), else on stderr unless quiet or `listed` is false. Returns the findings kept.
 */
export async function report<T extends Finding>(findings: readonly T[], how: Reporting, root: string, listed = true): Promise<T[]> {
  const kept = applyPolicy(findings, how.policy, root)
  const text = formatFindings(kept, how.format, { root })
  if (how.file !== undefined) await writeFileAtomic(how.file, text)
  else if (listed && !how.quiet) process.stderr.write(text)
  return kept
}

/** Whether the findings fail the run (errors, or more warnings than `--max-warnings`), saying why on stderr. */
export function failsOn(findings: readonly Finding[], how: Reporting): boolean {
  const { errors, tooManyWarnings, warnings } = verdict(findings, how.maxWarnings)
  if (tooManyWarnings && !how.quiet && !how.documentOnStderr) {
    process.stderr.write(`docspec: ${warnings} warnings, more than --max-warnings ${how.maxWarnings} allows\n`)
  }
  return errors > 0 || tooManyWarnings
}
