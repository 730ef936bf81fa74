/** Splits a request line's `path?query` into a path with a leading `/` and decoded query parameters. */
export function splitTarget(target: string): { path: string; query: Record<string, string> } {
  const question = target.indexOf('?')
  const path = question === -1 ? target : target.slice(0, question)
  return { path: path.startsWith('/') ? path : `/${path}`, query: question === -1 ? {} : decodeQuery(target.slice(question + 1)) }
}

/**
 * Decodes a query string the way Elasticsearch's RestUtils does: `&`-separated, `+` is a space, a flag
 * without `=` has the value `""`, a repeated name keeps its last value. Undecodable `%` escapes are kept as
 * written rather than failing.
 */
function decodeQuery(query: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const part of query.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = decode(eq === -1 ? part : part.slice(0, eq))
    const value = eq === -1 ? '' : decode(part.slice(eq + 1))
    // defineProperty: a parameter called `__proto__` must not replace the prototype.
    Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true })
  }
  return result
}

function decode(component: string): string {
  const spaced = component.replaceAll('+', ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}
