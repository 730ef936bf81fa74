/**
 * `endpoints.json`: the page models as pretty JSON with a stable key order (sorted), so regenerating from
 * equal models gives equal bytes whatever order the extractor built objects in. Values that are data from
 * the docs (parsed bodies, query strings) keep their documented key order: it is part of what they show.
 */
import type { PageModel } from '../../model/types.js'

const VERBATIM_KEYS = new Set(['json', 'responseJson', 'query'])

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([k, v]) => [k, VERBATIM_KEYS.has(k) ? v : sortKeys(v)]))
}

export function endpointsJson(models: PageModel[]): string {
  return `${JSON.stringify(sortKeys(models), null, 2)}\n`
}
