/** State-changing requests, listed the same way by the emitter's manifest and by the runtime's refusal. */
import { WRITE_METHODS, type ReplayPage, type ReplayRequest, type ReplayStep } from './types.js'

export function describeRequest(page: Pick<ReplayPage, 'file'>, request: ReplayRequest): string {
  const where = request.from ? `setup ${request.from}, line ${request.line}` : `${page.file}:${request.line}`
  return `${request.method} ${request.path} (${where})`
}

/** The state-changing requests of a page's setup and teardown plus the given tests' steps. */
export function writesOf(page: ReplayPage, tests: readonly (readonly ReplayStep[])[]): string[] {
  const requests = [...page.setup, ...tests.flat().filter((step) => step.kind === 'request'), ...page.teardown]
  return requests.filter((request) => WRITE_METHODS.has(request.method)).map((request) => describeRequest(page, request))
}
