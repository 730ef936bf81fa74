import type { Diagnostic, PageModel } from '../model/types.js'

/** A finding of the run: a diagnostic and, when it reaches more than one page (a shared fragment's), how many. */
export interface RunDiagnostic extends Diagnostic {
  pages?: number
}

/**
 * Every finding of a run, once per place: the models of the pages that include one fragment each hold its
 * findings, so findings at one file, line, column and rule are one, with the number of pages they reach
 * when that is more than one. The models' order, then `extra`'s (the emitters' findings), is kept.
 */
export function collectDiagnostics(models: PageModel[], extra: Diagnostic[] = []): RunDiagnostic[] {
  const found = new Map<string, { diagnostic: Diagnostic; pages: Set<number> }>()
  const add = (d: Diagnostic, page?: number) => {
    const place = `${d.file}:${d.line}:${d.column}:${d.rule}`
    let entry = found.get(place)
    if (!entry) found.set(place, (entry = { diagnostic: d, pages: new Set() }))
    if (page !== undefined) entry.pages.add(page)
  }
  models.forEach((m, i) => m.diagnostics.forEach((d) => add(d, i)))
  extra.forEach((d) => add(d))
  return [...found.values()].map(({ diagnostic, pages }) => (pages.size > 1 ? { ...diagnostic, pages: pages.size } : diagnostic))
}
