/**
 * The runtime imported by generated replay tests as `docspec/replay`. Generated files hold data only; this
 * module turns it into vitest tests that send the documented requests and check the documented answers.
 *
 * The server probe runs once per process (per file when vitest isolates files); writes are tracked per page
 * file. Each test removes what it created when it ends (`TestRun`), so pages do not depend on their order.
 */
import { describe, test } from 'vitest'
import { probe } from './probe.js'
import { targetFromEnv, type Target } from './target.js'
import { TestRun, UndocumentedSetup } from './test-run.js'
import type { ReplayPage, ReplayRequest, ReplayStep } from './types.js'
import { expandScripts, writesOf } from './writes.js'

export { describe }
export type { ReplayBody, ReplayPage, ReplayRequest, ReplayResponse, ReplayStep } from './types.js'

let target: Target | undefined
/** Why no test can run (no server), or undefined once the server answered; probed at most once. */
let unreachable: Promise<string | undefined> | undefined
const writesByPage = new Map<string, Set<string>>()

/**
 * Registers one replay test: `steps` are the documented requests and responses in order (named setups'
 * steps first), `teardown` the requests of named teardowns, run after the page's own teardown whatever happened.
 */
export function replayTest(page: ReplayPage, name: string, steps: ReplayStep[], teardown: ReplayRequest[] = []): void {
  // Collection registers every test of the file before any runs, so the check below sees the whole page.
  const writes = writesByPage.get(page.file) ?? new Set<string>()
  for (const write of writesOf({ ...page, teardown: [...page.teardown, ...teardown] }, [steps])) writes.add(write)
  writesByPage.set(page.file, writes)
  test(name, async (context) => {
    const server = (target ??= targetFromEnv())
    // Refusal comes first: a page that would write to a remote server sends nothing, not even the probe.
    const writes = [...(writesByPage.get(page.file) ?? [])]
    if (!server.loopback && !server.allowWrites && writes.length > 0) throw new Error(refusal(server, writes))
    const reason = await (unreachable ??= probe(server))
    // A server the user named must answer; only the default one may be absent.
    if (reason && server.named) throw new Error(reason)
    if (reason) context.skip(reason)
    try {
      await runTest(new TestRun(server, page), page, steps, [...page.teardown, ...teardown])
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
