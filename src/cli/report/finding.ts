import path from 'node:path'
import type { Diagnostic } from '../../model/types.js'

/**
 * A diagnostic as the run reports it: a finding in a fragment several pages include may say how many
 * pages it reaches (`pages`), reported once at the fragment's own place.
 */
export type Finding = Diagnostic & { pages?: number }

/** Where the report is about: the docs root the findings' files are relative to, and the working directory. */
export interface ReportContext {
  /** The docs root, absolute. */
  root: string
  /** The folder printed paths are relative to (default: the working directory). */
  cwd?: string
}

/** A finding's file as printed: relative to the working directory, with `/` separators. */
export function shownPath(finding: Finding, context: ReportContext): string {
  const shown = path.relative(context.cwd ?? process.cwd(), path.resolve(context.root, finding.file)) || finding.file
  return shown.split(path.sep).join('/')
}

/** ` (in 3 pages)` when the finding says how many pages it reaches; empty otherwise. */
export function pagesNote(finding: Finding): string {
  if (finding.pages === undefined) return ''
  return ` (in ${finding.pages} ${finding.pages === 1 ? 'page' : 'pages'})`
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; info: number } {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length
  return { errors: count('error'), warnings: count('warning'), info: count('info') }
}
