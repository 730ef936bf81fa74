import type { PageModel } from '../model/types.js'
import { exceptionTypeFor, illegalArgument, type EsFailure } from './errors.js'
import type { Example } from './examples.js'
import type { Route } from './routes.js'

/** The status a `Prefer: code=N` header asks for (Prism's convention), if any. */
export function preferredStatus(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header.join(',') : header
  const code = value && /(?:^|[,;\s])code=(\d{3})\b/.exec(value)
  return code ? Number(code[1]) : undefined
}

export type PreferredAnswer =
  /** Answer normally, with this status. */
  | { kind: 'success'; status: number }
  /** Serve this documented error example. */
  | { kind: 'example'; example: Example }
  /** Answer with this failure. */
  | { kind: 'failure'; failure: EsFailure }

/**
 * How to honour a preferred status: 200 or a documented success code answers normally; a documented error
 * code serves the page's error example for it, or an error body built from the code's description; anything
 * else is refused, naming the codes the page documents.
 */
export function preferredAnswer(status: number, route: Route, examples: readonly Example[]): PreferredAnswer {
  const model: PageModel = route.model
  const described = model.responseCodes.find((c) => c.code === status)
  const example =
    examples.find((e) => e.status === status && e.match?.route === route) ?? examples.find((e) => e.status === status)
  if (status >= 200 && status < 300 && (status === 200 || described)) return { kind: 'success', status }
  if (example && status >= 300) return { kind: 'example', example }
  if (described && status >= 300) {
    const reason = described.description || `documented status ${status}`
    return { kind: 'failure', failure: { status, type: exceptionTypeFor(status), reason } }
  }
  const documented = [
    ...new Set([200, ...model.responseCodes.map((c) => c.code), ...examples.map((e) => e.status)]),
  ].sort((a, b) => a - b)
  const { method } = route.endpoint
  return {
    kind: 'failure',
    failure: illegalArgument(
      `Prefer asks for status [${status}] but [${method} ${route.template}] documents [${documented.join(', ')}]`,
    ),
  }
}
