/**
 * The severity policy a project sets for its docs (`docspec.config.json`): a severity per rule, or `off`,
 * and paths whose findings are not reported. A pure function of the run's findings, applied before they
 * are printed, counted or turned into an exit code.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import type { RuleId } from '../../model/rules.js'
import type { Severity } from '../../model/types.js'
import type { Finding } from './finding.js'

export type RuleSetting = Severity | 'off'

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error']

export interface Policy {
  /** A rule's severity for every finding of it, or `off` to drop them. */
  rules: Partial<Record<RuleId, RuleSetting>>
  /** Globs (picomatch) of files whose findings are not reported, relative to `base`. */
  ignore: string[]
  /** The folder `ignore` globs are relative to: the config file's. */
  base: string
}

export const NO_POLICY: Policy = { rules: {}, ignore: [], base: '.' }

/** The findings the policy keeps, each at the severity it gives the rule. */
export function applyPolicy<T extends Finding>(findings: readonly T[], policy: Policy, root: string): T[] {
  const ignored = policy.ignore.length > 0 ? picomatch(policy.ignore, { dot: true }) : () => false
  const base = path.resolve(policy.base)
  const isIgnored = (file: string) => ignored(path.relative(base, path.resolve(root, file)).split(path.sep).join('/'))
  const kept: T[] = []
  for (const finding of findings) {
    const setting = policy.rules[finding.rule]
    if (setting === 'off' || isIgnored(finding.file)) continue
    kept.push(setting === undefined || setting === finding.severity ? finding : { ...finding, severity: setting })
  }
  return kept
}

export interface Verdict {
  errors: number
  warnings: number
  /** More warnings than `--max-warnings` allows. */
  tooManyWarnings: boolean
}

/** Counts what decides the exit code: errors, and warnings against `--max-warnings` (no limit when absent). */
export function verdict(findings: readonly Finding[], maxWarnings?: number): Verdict {
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.filter((f) => f.severity === 'warning').length
  return { errors, warnings, tooManyWarnings: maxWarnings !== undefined && warnings > maxWarnings }
}
