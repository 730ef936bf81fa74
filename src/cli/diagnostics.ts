import type { Diagnostic, PageModel } from '../model/types.js'
import { collectDiagnostics } from '../run/index.js'

/** Counts by rule, most frequent first. */
export function countByRule(diagnostics: Diagnostic[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

/**
 * The errors of the pages a command that does not lint (`export`, `serve`) could not read: what it serves or
 * writes lacks them, so they are listed (`extract` lists every finding).
 */
export function pageErrors(models: PageModel[]): Diagnostic[] {
  return collectDiagnostics(models).filter((d) => d.severity === 'error')
}
