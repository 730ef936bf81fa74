/** State-changing requests, listed the same way by the emitter's manifest and by the runtime's refusal. */
import type { SnippetTarget } from '../model/types.js'
import { WRITE_METHODS, type ReplayPage, type ReplayRequest, type ReplayStep } from './types.js'

export function describeRequest(page: Pick<ReplayPage, 'file'>, request: ReplayRequest): string {
  const where = request.from ? `setup ${request.from}, line ${request.line}` : `${page.file}:${request.line}`
  return `${request.method} ${request.path} (${where})`
}

/**
 * The state-changing requests of a page's setup and teardown plus the given tests' steps; only those sent to
 * `target` when it is given (Elasticsearch: those without a target).
 */
export function writesOf(page: ReplayPage, tests: readonly (readonly ReplayStep[])[], target?: SnippetTarget): string[] {
  const requests = [...page.setup, ...tests.flat().filter((step) => step.kind === 'request'), ...page.teardown]
  return requests
    .filter((request) => WRITE_METHODS.has(request.method) && (target === undefined || (request.target ?? 'elasticsearch') === target))
    .map((request) => describeRequest(page, request))
}
