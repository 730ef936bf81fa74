/** State-changing requests, listed the same way by the emitter's manifest and by the runtime's refusal. */
import type { SnippetTarget } from '../model/types.js'
import { WRITE_METHODS, type ReplayPage, type ReplayRequest, type ReplayStep } from './types.js'

export function describeRequest(page: Pick<ReplayPage, 'file'>, request: ReplayRequest): string {
  // A setup given as console text counts its lines within the setup.
  const where = request.file !== undefined || request.from === undefined ? `${request.file ?? page.file}:${request.line}` : `line ${request.line}`
  return `${request.method} ${request.path} (${request.from ? `setup ${request.from}, ` : ''}${where})`
}

/** The steps with each `script` step replaced by the named setup's steps. */
export function expandScripts(steps: readonly ReplayStep[], scripts: ReplayPage['scripts']): ReplayStep[] {
  return steps.flatMap((step) => {
    if (step.kind !== 'script') return [step]
    const named = scripts?.[step.script]
    if (!named) throw new Error(`the named setup ${step.script} is missing from the generated scripts`)
    return named
  })
}

/**
 * The state-changing requests of a page's setup and teardown plus the given tests' steps (named setups
 * expanded); only those sent to `target` when it is given (Elasticsearch: those without a target).
 */
export function writesOf(page: ReplayPage, tests: readonly (readonly ReplayStep[])[], target?: SnippetTarget): string[] {
  const steps = tests.flatMap((test) => expandScripts(test, page.scripts))
  const requests = [...page.setup, ...steps.filter((step) => step.kind === 'request'), ...page.teardown]
  return requests
    .filter((request) => WRITE_METHODS.has(request.method) && (target === undefined || (request.target ?? 'elasticsearch') === target))
    .map((request) => describeRequest(page, request))
}
