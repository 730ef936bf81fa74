/**
 * The runtime imported by generated replay tests as `docspec/replay`. Generated files hold data only; this
 * module turns it into vitest tests that send the documented requests and check the documented answers.
 *
 * The server probe runs once per process (per file when vitest isolates files); writes are tracked per page
 * file. Tests of one page run in order while pages run in parallel.
 */
import { describe, test } from 'vitest'
import { request as send } from 'undici'
import { checkCatch, checkWarnings } from './expect.js'
import { sendRequest, type ReplayAnswer } from './http.js'
import { matchResponse } from './match.js'
import { targetFromEnv, type Target } from './target.js'
import type { SnippetTarget } from '../model/types.js'
import type { ReplayPage, ReplayRequest, ReplayStep } from './types.js'
import { describeRequest, writesOf } from './writes.js'

export { describe }
export type { ReplayBody, ReplayPage, ReplayRequest, ReplayResponse, ReplayStep } from './types.js'

const PROBE_TIMEOUT_MS = 5_000

const targets = new Map<SnippetTarget, Target>()
/** Why no test can run against a target (no server), or undefined once it answered; probed at most once each. */
const unreachable = new Map<SnippetTarget, Promise<string | undefined>>()
const writesByPage = new Map<string, Record<SnippetTarget, Set<string>>>()

function targetOf(service: SnippetTarget): Target {
  let target = targets.get(service)
  if (!target) targets.set(service, (target = targetFromEnv(process.env, service)))
  return target
}

/**
 * Registers one replay test: `steps` are the documented requests and responses in order, `teardown` the
 * requests of named teardowns, run after the page's own teardown whatever happened.
 */
export function replayTest(page: ReplayPage, name: string, steps: ReplayStep[], teardown: ReplayRequest[] = []): void {
  // Collection registers every test of the file before any runs, so the check below sees the whole page.
  const whole = { ...page, teardown: [...page.teardown, ...teardown] }
  const writes = writesByPage.get(page.file) ?? { elasticsearch: new Set<string>(), kibana: new Set<string>() }
  for (const service of SERVICES) for (const write of writesOf(whole, [steps], service)) writes[service].add(write)
  writesByPage.set(page.file, writes)
  const requests = [...page.setup, ...steps.filter((step) => step.kind === 'request'), ...whole.teardown]
  const services = SERVICES.filter((service) => requests.some((r) => (r.target ?? 'elasticsearch') === service))
  test(name, async (context) => {
    // Refusal comes first: a page that would write to a remote server sends nothing, not even the probe.
    for (const service of services) {
      const server = targetOf(service)
      const refused = [...writes[service]]
      if (!server.loopback && !server.allowWrites && refused.length > 0) throw new Error(refusal(server, refused))
    }
    for (const service of services) {
      if (!unreachable.has(service)) unreachable.set(service, probe(targetOf(service), service))
      const reason = await unreachable.get(service)
      if (reason) context.skip(reason)
    }
    await runTest(page, steps, [...page.teardown, ...teardown])
  })
}

const SERVICES: readonly SnippetTarget[] = ['elasticsearch', 'kibana']

/** Registers a documented `// TEST[skip:…]`; the reason is part of the name. */
export function skippedTest(name: string): void {
  test.skip(name, () => {})
}

/** The message given when writes to a remote server are refused. */
function refusal(target: Target, writes: readonly string[]): string {
  return (
    `refusing to send ${writes.length} state-changing request(s) to ${target.display}, which is not a loopback ` +
    `address; set DOCSPEC_ALLOW_WRITES=1 to allow it. First: ${writes.slice(0, 3).join('; ')}`
  )
}

/** Any HTTP answer counts as reachable (even 401): only a failed connection skips the suite. */
async function probe(target: Target, service: SnippetTarget): Promise<string | undefined> {
  try {
    const response = await send(target.url, {
      method: 'GET',
      headers: target.headers,
      dispatcher: target.dispatcher,
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    })
    await response.body.dump()
    return undefined
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).name
    return `no server reachable at ${target.display} (${code}); set ${service === 'kibana' ? 'KIBANA_URL' : 'ES_URL'} to replay against one`
  }
}

async function runTest(page: ReplayPage, steps: ReplayStep[], teardown: ReplayRequest[]): Promise<void> {
  let last: ReplayAnswer | undefined
  let failure: unknown
  try {
    for (const request of page.setup) last = await perform(page, request, last)
    for (const step of steps) {
      if (step.kind === 'request') {
        last = await perform(page, step, last)
        continue
      }
      if (!last) throw new Error(`TESTRESPONSE at ${page.file}:${step.line} has no request to answer`)
      const result = matchResponse(last, step, { file: page.file, line: step.line })
      if (!result.ok) throw new Error(result.message)
    }
  } catch (error) {
    failure = error
  }
  // Teardown runs whatever happened; its own failure must not hide the test's.
  for (const request of teardown) {
    try {
      await perform(page, request, last)
    } catch (error) {
      failure ??= error
    }
  }
  if (failure !== undefined) throw failure
}

async function perform(page: ReplayPage, request: ReplayRequest, previous?: ReplayAnswer): Promise<ReplayAnswer> {
  const answer = await sendRequest(targetOf(request.target ?? 'elasticsearch'), request, previous)
  const what = describeRequest(page, request)
  const problem =
    request.catch !== undefined
      ? checkCatch(request.catch, answer.status, answer.text)
      : answer.status >= 400
        ? `answered ${answer.status}`
        : undefined
  if (problem) throw new Error(`${what}: ${problem}\n${excerpt(answer.text)}`)
  const warnings = request.warnings && checkWarnings(request.warnings, answer.warnings)
  if (warnings) throw new Error(`${what}:\n${warnings}`)
  return answer
}

function excerpt(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}
