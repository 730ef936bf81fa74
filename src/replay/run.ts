/**
 * Runs generated replay tests through vitest's node API and returns per-test outcomes. Nothing is
 * printed: vitest's own output goes nowhere, and the target is reported without credentials.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { RunnerTask, RunnerTestFile } from 'vitest'
import type { Reporter } from 'vitest/reporters'
import { startVitest, type UserConfig } from 'vitest/node'
import { escapeRegex } from '../console/java-regex.js'
import { probe } from './probe.js'
import { DEFAULT_KIBANA_URL, DEFAULT_URL, displayUrl, isLoopback, targetFromEnv } from './target.js'
import { MANIFEST_NAME, type ReplayData, type ReplayManifest } from './types.js'

export interface ReplayRunOptions {
  /** The output directory of `docspec generate` (holding `replay/`), or the `replay/` folder itself. */
  dir: string
  /** Server URL; defaults to `ES_URL`, then `http://localhost:9200`. */
  target?: string
  /** Kibana's URL, for `// KIBANA` examples; defaults to `KIBANA_URL`, then `http://localhost:5601`. */
  kibanaTarget?: string
  /** Allow state-changing requests to a non-loopback server; defaults to `DOCSPEC_ALLOW_WRITES=1`. */
  allowWrites?: boolean
  /** Only tests whose name (`<page-id> › file:line`) contains this text. */
  filter?: string
  /** Time for each answer (default 30 s). */
  requestTimeoutMs?: number
  /** Runs the pages in a random order from this seed (results must not depend on it). */
  shuffleSeed?: number
  /** Called as tests finish: how many are done of how many there are. */
  onProgress?: (done: number, total: number) => void
  /** The server keeps no state (docspec's embedded server): pages may run side by side, and nothing is removed after a test. */
  stateless?: boolean
}

export type ReplayState = 'passed' | 'failed' | 'skipped'

export interface ReplayOutcome {
  /** Test name, e.g. `rollup-stop-job › line 76`. */
  name: string
  /** Test file, relative to the tests folder. */
  file: string
  state: ReplayState
  /** Failure message (with diff), or the reason a test was skipped at run time. */
  message?: string
  durationMs?: number
}

export interface ReplaySummary {
  /** The target as it may be printed (no credentials). */
  target: string
  /** Set when the server the user named cannot be reached: nothing was run. */
  unreachable?: string
  /** Set when nothing was run because the suite would write to a non-loopback server. */
  refused?: string
  passed: number
  failed: number
  skipped: number
  tests: ReplayOutcome[]
  /** Errors outside any test (a file that did not load, an unhandled error). */
  errors: string[]
}

export async function runReplay(options: ReplayRunOptions): Promise<ReplaySummary> {
  const testsDir = testsFolder(resolve(options.dir))
  const target = options.target ?? process.env.ES_URL ?? DEFAULT_URL
  const kibanaTarget = options.kibanaTarget ?? process.env.KIBANA_URL ?? DEFAULT_KIBANA_URL
  const allowWrites = options.allowWrites ?? process.env.DOCSPEC_ALLOW_WRITES === '1'
  const display = displayUrl(target)
  const summary: ReplaySummary = { target: display, passed: 0, failed: 0, skipped: 0, tests: [], errors: [] }

  if (!existsSync(testsDir)) {
    summary.errors.push(`no replay tests: ${testsDir} does not exist`)
    return summary
  }

  // The whole suite refuses up front, so that no page has sent anything when another would be refused.
  const manifest = readManifest(testsDir)
  const writes = manifestWrites(manifest)
  for (const [url, list] of [[target, writes.elasticsearch], [kibanaTarget, writes.kibana]] as const) {
    if (allowWrites || list.length === 0 || isLoopback(new URL(url).hostname)) continue
    summary.refused =
      `refusing to run: ${list.length} state-changing request(s) would go to ${displayUrl(url)}, which is not a loopback ` +
      `address; allow them with --allow-writes (or DOCSPEC_ALLOW_WRITES=1). First: ${list.slice(0, 3).join('; ')}`
    return summary
  }
  // A server the user named must answer; only the default one may be absent (its tests are then skipped).
  // (Without the manifest the runtime probes, after its own refusal.)
  const named = options.target !== undefined || !!process.env.ES_URL
  const unreachable = named && existsSync(join(testsDir, MANIFEST_NAME)) ? await probe(targetFromEnv({ ...process.env, ES_URL: target })) : undefined
  if (unreachable) {
    summary.unreachable = unreachable
    return summary
  }
  const files = options.filter ? filesHolding(testsDir, options.filter) : undefined
  if (files?.length === 0) return summary
  const exitCode = process.exitCode
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  const vitest = await startVitest(
    'test',
    files ?? [],
    vitestConfig(testsDir, options, { target, kibanaTarget, allowWrites, named, total: options.filter ? undefined : manifest.pages.reduce((n, p) => n + (p.tests ?? 0), 0) }),
    { resolve: { alias: [{ find: /^docspec\/replay$/, replacement: runtimeEntry() }] }, logLevel: 'silent' },
    { stdout: sink, stderr: sink },
  )
  try {
    // Files finish in any order; the summary should not.
    const files = vitest.state.getFiles().sort((a, b) => (a.filepath < b.filepath ? -1 : a.filepath > b.filepath ? 1 : 0))
    for (const file of files) collect(file, relative(testsDir, file.filepath), options.filter, summary)
    summary.errors.push(...vitest.state.getUnhandledErrors().map((error) => messageOf(error)))
  } finally {
    await vitest.close()
    // vitest flags failures on the process; the caller decides what a failed replay means.
    process.exitCode = exitCode
  }
  return summary
}

/** Tests a stateless server answers at once (each waits for its answers, not for the CPU). */
const CONCURRENT_TESTS = 32

function vitestConfig(
  testsDir: string,
  options: ReplayRunOptions,
  run: { target: string; kibanaTarget: string; allowWrites: boolean; named: boolean; total: number | undefined },
): UserConfig {
  const stateless = options.stateless === true
  return {
    root: testsDir,
    config: false,
    watch: false,
    include: ['**/*.test.ts'],
    reporters: [progressReporter(options.onProgress, run.total)],
    passWithNoTests: true,
    // Generated files share nothing but the runtime, whose state is keyed by page; without per-file
    // isolation a corpus of 100 pages replays in about 1.5 s instead of 45 s. Pages run one after another,
    // as on one cluster they share names (each test removes what it created), unless the server keeps no
    // state: then files run side by side, and so do a file's pages and tests, so that each test's wait for
    // its answers overlaps the others' work.
    pool: 'threads',
    isolate: false,
    // Vitest gives its threads none of this process's options; a `--require` preload (a proxy agent, a
    // network guard) must reach the threads that send the requests too.
    poolOptions: { threads: { execArgv: requirePreloads(process.execArgv) } },
    fileParallelism: stateless,
    ...(stateless && { maxConcurrency: CONCURRENT_TESTS }),
    sequence: {
      concurrent: stateless,
      ...(options.shuffleSeed !== undefined && { shuffle: { files: true, tests: false }, seed: options.shuffleSeed }),
    },
    cache: false,
    // Each request has its own time limit, which names the snippet; the test's is only a backstop.
    testTimeout: 3_600_000,
    // A server is named to the tests only when the user named it: a default one may be absent.
    env: {
      ...(run.named && { ES_URL: run.target }),
      ...((options.kibanaTarget ?? process.env.KIBANA_URL) && { KIBANA_URL: run.kibanaTarget }),
      DOCSPEC_ALLOW_WRITES: run.allowWrites ? '1' : '0',
      DOCSPEC_STATELESS: stateless ? '1' : '0',
      ...(options.requestTimeoutMs && { DOCSPEC_REQUEST_TIMEOUT_MS: String(options.requestTimeoutMs) }),
    },
    ...(options.filter ? { testNamePattern: new RegExp(escapeRegex(options.filter)) } : {}),
  }
}

/**
 * The test files that may hold a test whose name contains `filter`: those whose data file (`<name>.json`
 * beside `<name>.test.ts`) names one, and every file without a data file (written by hand, or by an older
 * docspec), which only running it tells. Vitest collects only these.
 */
function filesHolding(testsDir: string, filter: string): string[] {
  return testFiles(testsDir).filter((file) => {
    const names = dataTestNames(file.replace(/\.test\.ts$/, '.json'))
    return names === undefined || names.some((name) => name.includes(filter))
  })
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts') && !name.split(sep).includes('node_modules'))
    .map((name) => join(dir, name))
    .sort()
}

function dataTestNames(file: string): string[] | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as ReplayData
    return data.pages.flatMap((page) => page.tests.map((test) => test.name))
  } catch {
    return undefined
  }
}

/** Tells how many tests are done of how many collected, as they finish. */
function progressReporter(onProgress: ReplayRunOptions['onProgress'], known: number | undefined): Reporter {
  if (!onProgress) return {}
  let collected = 0
  let done = 0
  const total = () => Math.max(known ?? 0, collected)
  return {
    onTestModuleCollected(module) {
      collected += [...module.children.allTests()].length
    },
    onTestCaseResult() {
      onProgress(++done, total())
    },
  }
}

/** Accepts the generation output directory or its `replay/` folder. */
function testsFolder(dir: string): string {
  const nested = join(dir, 'replay')
  return existsSync(join(nested, MANIFEST_NAME)) ? nested : dir
}

function readManifest(testsDir: string): ReplayManifest {
  const path = join(testsDir, MANIFEST_NAME)
  if (!existsSync(path)) return { generatedBy: 'docspec', pages: [] }
  return JSON.parse(readFileSync(path, 'utf8')) as ReplayManifest
}

/** The suite's state-changing requests by the service they go to. */
function manifestWrites(manifest: ReplayManifest): { elasticsearch: string[]; kibana: string[] } {
  const kibana = manifest.pages.flatMap((page) => page.kibanaWrites ?? [])
  const toKibana = new Set(kibana)
  return { elasticsearch: manifest.pages.flatMap((page) => page.writes.filter((w) => !toKibana.has(w))), kibana }
}

/** The `--require` (`-r`) preloads among Node options, which worker threads can take. */
export function requirePreloads(execArgv: readonly string[]): string[] {
  return execArgv.flatMap((arg, i) => {
    if (arg.startsWith('--require=')) return [arg]
    return (arg === '--require' || arg === '-r') && execArgv[i + 1] !== undefined ? [arg, execArgv[i + 1]!] : []
  })
}

/** The runtime generated files import: the TypeScript source when running from source, else the build. */
function runtimeEntry(): string {
  const source = fileURLToPath(new URL('./index.ts', import.meta.url))
  return existsSync(source) ? source : fileURLToPath(new URL('./index.js', import.meta.url))
}

function collect(file: RunnerTestFile, path: string, filter: string | undefined, summary: ReplaySummary): void {
  summary.errors.push(...(file.result?.errors ?? []).map((error) => `${path}: ${messageOf(error)}`))
  const visit = (task: RunnerTask): void => {
    if (task.type === 'suite') return task.tasks.forEach(visit)
    if (filter && !task.name.includes(filter)) return
    const result = task.result
    const state: ReplayState = result?.state === 'pass' ? 'passed' : result?.state === 'fail' ? 'failed' : 'skipped'
    const note = (result as { note?: string } | undefined)?.note
    const message = state === 'failed' ? (result?.errors ?? []).map(messageOf).join('\n') : note
    summary.tests.push({ name: task.name, file: path, state, ...(message ? { message } : {}), ...(result?.duration !== undefined ? { durationMs: Math.round(result.duration) } : {}) })
    summary[state]++
  }
  file.tasks.forEach(visit)
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error)
}
