import path from 'node:path'
import { printable } from '../model/diagnostic.js'
import type { Diagnostic, PageModel } from '../model/types.js'

/** `file:line:col severity rule message`, the file shown relative to the working directory. */
export function formatDiagnostic(d: Diagnostic, root: string): string {
  const file = path.relative(process.cwd(), path.join(root, d.file)) || d.file
  return `${printable(file)}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`
}

export function allDiagnostics(models: PageModel[], extra: Diagnostic[] = []): Diagnostic[] {
  return [...models.flatMap((m) => m.diagnostics), ...extra]
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
