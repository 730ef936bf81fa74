import type { Diagnostic, PageModel } from '../model/types.js'

/** The last line of `extract` and `generate`: what was read (the books, when the run found any), what was found, how long it took. */
export function summaryLine(models: PageModel[], diagnostics: Diagnostic[], ms: number, cached: number, books = 0): string {
  const count = (f: (m: PageModel) => number) => models.reduce((n, m) => n + f(m), 0)
  const bySeverity = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length
  const fromCache = cached > 0 ? ` (${cached} from cache)` : ''
  const read = books > 0 ? `${books} ${books === 1 ? 'book' : 'books'}, ` : ''
  return (
    `docspec: ${read}${models.length} pages${fromCache}, ${count((m) => m.endpoints.length)} endpoints, ${count((m) => m.examples.length)} snippets, ` +
    `${diagnostics.length} diagnostics (${bySeverity('error')} errors, ${bySeverity('warning')} warnings), ${(ms / 1000).toFixed(1)} s`
  )
}
