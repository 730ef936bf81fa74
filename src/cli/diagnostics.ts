import type { Diagnostic } from '../model/types.js'

/** Counts by rule, most frequent first. */
export function countByRule(diagnostics: Diagnostic[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}
