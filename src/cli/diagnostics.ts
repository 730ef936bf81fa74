import type { Diagnostic, PageModel } from '../model/types.js'

export function allDiagnostics(models: PageModel[], extra: Diagnostic[] = []): Diagnostic[] {
  return [...models.flatMap((m) => m.diagnostics), ...extra]
}

/** Counts by rule, most frequent first. */
export function countByRule(diagnostics: Diagnostic[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}
