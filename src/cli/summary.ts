import type { Diagnostic, PageModel } from '../model/types.js'

/** The last line of `extract` and `generate`: what was read (the books, when the run found any), what was found, how long it took. */
export function summaryLine(models: PageModel[], diagnostics: Diagnostic[], ms: number, cached: number, books = 0): string {
  const count = (f: (m: PageModel) => number) => models.reduce((n, m) => n + f(m), 0)
  const bySeverity = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length
  const fromCache = cached > 0 ? ` (${cached} from cache)` : ''
  const read = books > 0 ? `${counted(books, 'book')}, ` : ''
  return (
    `docspec: ${read}${counted(models.length, 'page')}${fromCache}, ${counted(count((m) => m.endpoints.length), 'endpoint')}, ${counted(count((m) => m.examples.length), 'snippet')}, ` +
    `${counted(diagnostics.length, 'diagnostic')} (${counted(bySeverity('error'), 'error')}, ${counted(bySeverity('warning'), 'warning')}), ${(ms / 1000).toFixed(1)} s`
  )
}

/** `1 page`, `2 pages`. */
export const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
