import path from 'node:path'
import type { Diagnostic } from '../model/types.js'
import type { RunDiagnostic } from '../run/index.js'

/** `file:line:col severity rule message`, the file shown relative to the working directory, and how many pages a shared fragment's finding reaches. */
export function formatDiagnostic(d: RunDiagnostic, root: string): string {
  const file = path.relative(process.cwd(), path.join(root, d.file)) || d.file
  return `${file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}${d.pages ? ` (in ${d.pages} pages)` : ''}`
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Counts by rule, most frequent first. */
export function countByRule(diagnostics: Diagnostic[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}
