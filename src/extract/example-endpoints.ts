import type { Endpoint, Snippet } from '../model/types.js'
import type { PageContext } from './context.js'

/**
 * Compares the requests of the page's examples with the endpoints of its Request section. Examples are
 * run by the doc tests, so they are the page's best-checked text:
 * - a request extending a documented placeholder-free path (`POST _reindex/<task>/_rethrottle` next to
 *   `POST /_reindex`) documents an endpoint of the same API by example: it is added, and said so;
 * - a request matching a documented endpoint but for one slightly different word means one of the two is
 *   misspelt: reported, the model keeps what the Request section says;
 * - a bodiless request to a documented action path (`…/_cancel`) with a method the Request section does not
 *   give that path names the wrong method, or the page lists too few: reported likewise. Requests with a
 *   body, or to other paths, are mostly calls of a neighbouring API (`PUT` the policy a `GET` page reads).
 */
export function checkExampleEndpoints(ctx: PageContext, endpoints: Endpoint[], examples: Snippet[]): Endpoint[] {
  const added: Endpoint[] = []
  const all = () => [...endpoints, ...added]
  for (const snippet of examples) {
    if (snippet.role !== 'request' || snippet.testSetup || snippet.teardown) continue
    for (const request of snippet.requests) {
      const segments = split(request.path)
      const same = all().filter((e) => matches(split(e.path), segments))
      if (same.length > 0) {
        const action = segments[segments.length - 1]!
        const literal = (e: Endpoint) => split(e.path).at(-1) === action && /^_\w+$/.test(action)
        if (!request.body && !same.some((e) => e.method === request.method) && same.every(literal)) {
          const listed = [...new Set(same.map((e) => e.method))].join(' or ')
          ctx.report('method-mismatch', request.position, `This example calls ${request.method} /${segments.join('/')}, but the Request section lists ${same[0]!.path} only with ${listed}: one of them names the wrong method.`)
        }
        continue
      }
      const base = endpoints.find((e) => e.method === request.method && !e.path.includes('{') && extends_(segments, split(e.path)))
      if (base) {
        const path = '/' + segments.map((s, i) => (i < split(base.path).length || s.startsWith('_') ? s : '{id}')).join('/')
        if (all().some((e) => e.method === request.method && e.path === path)) continue
        added.push({ method: request.method, path, position: request.position })
        ctx.report('endpoint-from-example', request.position, `This example calls ${request.method} ${path}, which the Request section does not list; added as an endpoint of this page (placeholder names are not given by the page).`)
        continue
      }
      const near = endpoints.find((e) => e.method === request.method && oneWordOff(split(e.path), segments))
      if (near) {
        ctx.report('endpoint-mismatch', request.position, `This example calls ${request.method} /${segments.join('/')}, but the Request section at ${near.position.line}:${near.position.column} writes ${near.path}: one of them is misspelt.`)
      }
    }
  }
  return all()
}

/**
 * A request line with a list of values where another request line of the same method has a placeholder
 * (`GET /_enrich/policy/policy1,policy2` under `GET /_enrich/policy/<name>`) is an example of that endpoint,
 * not an endpoint: dropped, and said so.
 */
export function dropExampleRequestLines(ctx: PageContext, endpoints: Endpoint[]): Endpoint[] {
  return endpoints.filter((endpoint) => {
    const segments = split(endpoint.path)
    const of = endpoints.find((e) => e !== endpoint && e.method === endpoint.method && exampleOf(split(e.path), segments))
    if (!of) return true
    ctx.report('example-request-line', endpoint.position, `${endpoint.method} ${endpoint.path} fills a placeholder of ${of.method} ${of.path} (at ${of.position.line}:${of.position.column}) with values: an example of it, not an endpoint.`)
    return false
  })
}

/**
 * A request of a listing block in the Request section that fills a written request line's placeholders with
 * values (`DELETE /api/spaces/space/marketing` under "a DELETE request to the `/api/spaces/space/<space_id>`
 * endpoint") is that line's example, not an endpoint: dropped, and said so; with another method, one of the
 * two names the wrong method.
 */
export function dropListedExamples(ctx: PageContext, endpoints: Endpoint[], listed: ReadonlySet<Endpoint>): Endpoint[] {
  return endpoints.filter((endpoint) => {
    if (!listed.has(endpoint)) return true
    const segments = split(endpoint.path)
    const fills = (e: Endpoint) => !listed.has(e) && filledBy(split(e.path), segments)
    const of = endpoints.find((e) => fills(e) && e.method === endpoint.method) ?? endpoints.find(fills)
    if (!of) return true
    const where = `${of.method} ${of.path} (at ${of.position.line}:${of.position.column})`
    if (of.method === endpoint.method) ctx.report('example-request-line', endpoint.position, `${endpoint.method} ${endpoint.path} fills the placeholders of ${where} with values: an example of it, not an endpoint.`)
    else ctx.report('method-mismatch', endpoint.position, `This example in the Request section calls ${endpoint.method} ${endpoint.path}, but the request line it fills is ${where}: one of them names the wrong method. The request line is kept.`)
    return false
  })
}

/** Every placeholder of the template holds a value (no keyword, no placeholder) in `segments`, every word is the same. */
function filledBy(template: string[], segments: string[]): boolean {
  const placeholder = (t: string) => /^\{.*\}$/.test(t)
  return template.length === segments.length && template.some(placeholder) && template.every((t, i) => t === segments[i] || (placeholder(t) && /^[^{_]/.test(segments[i]!)))
}

function exampleOf(template: string[], segments: string[]): boolean {
  const filled = template.filter((t, i) => t !== segments[i])
  return template.length === segments.length && filled.length > 0 && template.every((t, i) => t === segments[i] || (/^\{.*\}$/.test(t) && /^[^{_][^{]*[,*]/.test(segments[i]!)))
}

function split(path: string): string[] {
  return path.replace(/^\/+|\/+$/g, '').split('/')
}

function matches(template: string[], segments: string[]): boolean {
  return template.length === segments.length && template.every((t, i) => /^\{.*\}$/.test(t) || t === segments[i])
}

function extends_(segments: string[], base: string[]): boolean {
  return segments.length > base.length && base.every((b, i) => b === segments[i])
}

function oneWordOff(template: string[], segments: string[]): boolean {
  if (template.length !== segments.length) return false
  const off = template.filter((t, i) => !/^\{.*\}$/.test(t) && t !== segments[i])
  if (off.length !== 1) return false
  const i = template.indexOf(off[0]!)
  return distance(off[0]!, segments[i]!) <= 2 && !prefixed(off[0]!, segments[i]!) && !prefixed(segments[i]!, off[0]!)
}

/** `_unfreeze` is `_freeze` with a prefix that makes another word (the opposite, or again): a neighbouring API, not a typo. */
function prefixed(a: string, b: string): boolean {
  const word = (s: string) => s.replace(/^_/, '')
  return /^(?:un|de|dis|re|non)$/.test(word(a).slice(0, word(a).length - word(b).length)) && word(a).endsWith(word(b))
}

/** Levenshtein distance, for the short path words compared here. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    row = next
  }
  return row[b.length]!
}
