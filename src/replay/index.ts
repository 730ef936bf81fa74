/**
 * The runtime imported by generated replay tests as `docspec/replay`. Generated files hold data only; this
 * module turns it into vitest tests that send the documented requests and check the documented answers.
 *
 * Each server (Elasticsearch, and Kibana for `// KIBANA` examples) is probed once per process (per file when
 * vitest isolates files); writes are tracked per page. Each test removes what it created when it ends
 * (`TestRun`), so pages do not depend on their order.
 */
import { readFileSync } from 'node:fs'
import { describe, test } from 'vitest'
import type { SnippetTarget } from '../model/types.js'
import { probeServer, type ProbeResult } from './probe.js'
import { targetFromEnv, type Target } from './target.js'
import { TestRun, UndocumentedSetup } from './test-run.js'
import type { ReplayData, ReplayPage, ReplayRequest, ReplayStep } from './types.js'
import { expandScripts, writesOf } from './writes.js'

export { describe }
export type { ReplayBody, ReplayData, ReplayPage, ReplayRequest, ReplayResponse, ReplayStep, ReplayTestData } from './types.js'

const SERVICES: readonly SnippetTarget[] = ['elasticsearch', 'kibana']
const targets = new Map<SnippetTarget, Target>()
/** Whether a target answered (and its build values); probed at most once each. */
const probes = new Map<SnippetTarget, Promise<ProbeResult>>()
/** The tests registered for each page file (collection registers a whole file before any test runs). */
const testsByPage = new Map<string, { whole: ReplayPage; steps: ReplayStep[] }[]>()

function targetOf(service: SnippetTarget): Target {
  let target = targets.get(service)
  if (!target) targets.set(service, (target = targetFromEnv(process.env, service)))
  return target
}

/**
 * Registers the tests of a generated data file (`replay/<group>.json`, given by its URL or path): one
 * `describe` per page, named by its id, holding one test per snippet test, named `page-id › file:line`.
 */
export function replayPages(data: URL | string): void {
  const { pages } = JSON.parse(readFileSync(data, 'utf8')) as ReplayData
  if (!Array.isArray(pages)) throw new Error(`${String(data)} is no docspec replay data file (it has no pages)`)
  for (const { page, tests } of pages) {
    describe(page.id, () => {
      for (const t of tests) {
        if ('skip' in t) skippedTest(t.name, t.skip)
        else replayTest(page, t.name, t.steps, t.teardown)
      }
    })
  }
}

/**
 * Registers one replay test: `steps` are the documented requests and responses in order (named setups'
 * steps first), `teardown` the requests of named teardowns, run after the page's own teardown whatever happened.
 */
export function replayTest(page: ReplayPage, name: string, steps: ReplayStep[], teardown: ReplayRequest[] = []): void {
  // Collection registers every test of the file before any runs, so the check below sees the whole page.
  const whole = { ...page, teardown: [...page.teardown, ...teardown] }
  const registered = testsByPage.get(page.file) ?? []
  registered.push({ whole, steps })
  testsByPage.set(page.file, registered)
  test(name, async (context) => {
    const requests = [...page.setup, ...expandScripts(steps, page.scripts).filter((step) => step.kind === 'request'), ...whole.teardown]
    const services = SERVICES.filter((service) => requests.some((r) => (r.target ?? 'elasticsearch') === service))
    // Refusal comes first: a page that would write to a remote server sends nothing, not even the probe.
    for (const service of services) {
      const server = targetOf(service)
      if (server.loopback || server.allowWrites) continue
      const refused = [...new Set(registered.flatMap((t) => writesOf(t.whole, [t.steps], service)))]
      if (refused.length > 0) throw new Error(refusal(server, refused))
    }
    for (const service of services) {
      if (!probes.has(service)) probes.set(service, probeServer(targetOf(service), service))
      const reason = (await probes.get(service))!.unreachable
      // A server the user named must answer; only a default one may be absent.
      if (reason && targetOf(service).named) throw new Error(reason)
      if (reason) context.skip(reason)
    }
    const build = (await probes.get('elasticsearch'))?.build ?? {}
    try {
      await runTest(new TestRun(targetOf, page, build), page, steps, whole.teardown)
    } catch (error) {
      if (error instanceof UndocumentedSetup) context.skip(error.message)
      throw error
    }
  })
}

/** Registers a test that does not run: a documented `// TEST[skip:…]`, or one docspec cannot run, and why. */
export function skippedTest(name: string, reason?: string): void {
  if (reason === undefined) test.skip(name, () => {})
  else test(name, (context) => context.skip(reason))
}

/** The message given when writes to a remote server are refused. */
function refusal(target: Target, writes: readonly string[]): string {
  return (
    `refusing to send ${writes.length} state-changing request(s) to ${target.display}, which is not a loopback ` +
    `address; set DOCSPEC_ALLOW_WRITES=1 to allow it. First: ${writes.slice(0, 3).join('; ')}`
  )
}

/** The page's TESTSETUP, the test's steps, then teardowns and the removal of what the test created. */
async function runTest(run: TestRun, page: ReplayPage, steps: ReplayStep[], teardown: ReplayRequest[]): Promise<void> {
  let failure: unknown
  try {
    for (const request of page.setup) await run.request(request, true)
    for (const step of expandScripts(steps, page.scripts)) await run.step(step)
  } catch (error) {
    failure = error
  }
  // Teardown runs whatever happened; its own failure must not hide the test's.
  for (const request of teardown) {
    try {
      await run.request(request, false)
    } catch (error) {
      failure ??= error
    }
  }
  const problems = await run.cleanup()
  if (failure === undefined && problems.length > 0) failure = new Error(`removing what the test created failed: ${problems.join('; ')}`)
  if (failure !== undefined) throw failure
}
