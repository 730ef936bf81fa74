import fs from 'node:fs'
import path from 'node:path'
import type { PageModel } from '../model/types.js'
import { runReplay, type ReplaySummary } from '../replay/run.js'
import { serverUrl } from '../replay/target.js'
import { createDocServer, type DocServer } from '../serve/index.js'
import { UsageError } from './options.js'
import { checkOutputFile } from './output-file.js'
import { formatReplay, jsonReport, junitReport, REPORTERS, type ReporterName } from './replay-report.js'

export { formatReplay } from './replay-report.js'

export interface ReplayOptions {
  target?: string
  allowWrites?: boolean
  filter?: string
  quiet?: boolean
  /** `default`, `junit`, `json` (repeatable). */
  reporter?: string[]
  /** `FILE`, or `REPORTER=FILE` when several reporters write files. */
  outputFile?: string[]
  /** Seconds (`30`, `2.5s`) or milliseconds (`500ms`) for each answer. */
  requestTimeout?: string
}

/**
 * Replays generated tests against `--target`, else `ES_URL`, else the embedded server built from the
 * models the tests were generated from (`endpoints.json` beside them). Kibana examples go to `KIBANA_URL`,
 * else to the embedded server when it serves the rest.
 */
export async function replayAgainst(dir: string, models: PageModel[] | undefined, options: ReplayOptions): Promise<ReplaySummary & { embedded: boolean }> {
  const explicit = options.target ?? process.env.ES_URL
  checkServerUrl(explicit, options.target !== undefined ? '--target' : 'ES_URL')
  checkServerUrl(process.env.KIBANA_URL, 'KIBANA_URL')
  const requestTimeoutMs = options.requestTimeout === undefined ? undefined : timeoutMs(options.requestTimeout)
  let server: DocServer | undefined
  let target = explicit
  if (!target) {
    server = createDocServer(models ?? readModels(dir))
    target = await server.listen(0, '127.0.0.1')
  }
  const kibanaTarget = process.env.KIBANA_URL || (server ? target : undefined)
  const progress = options.quiet ? undefined : progressLines()
  try {
    const summary = await runReplay({
      dir,
      target,
      ...(kibanaTarget && { kibanaTarget }),
      ...(options.allowWrites && { allowWrites: true }),
      ...(options.filter && { filter: options.filter }),
      ...(requestTimeoutMs && { requestTimeoutMs }),
      ...(progress && { onProgress: progress }),
      ...(server && { stateless: true }),
    })
    return { ...summary, embedded: server !== undefined }
  } finally {
    await server?.close()
  }
}

function checkServerUrl(value: string | undefined, name: string): void {
  if (!value) return
  try {
    serverUrl(value, name)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function readModels(dir: string): PageModel[] {
  const file = path.join(dir, 'endpoints.json')
  if (!fs.existsSync(file)) throw new UsageError(`${file} not found: run docspec generate first, or set ES_URL / --target`)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PageModel[]
}

/** `docspec replay [DIR]`: exit 1 when a test failed, the run was refused, the server was unreachable or a file did not load. */
export async function replayCommand(dir: string, options: ReplayOptions): Promise<number> {
  if (!fs.existsSync(dir)) throw new UsageError(`no such folder: ${dir}`)
  const reports = reportPlan(options)
  const summary = await replayAgainst(dir, undefined, options)
  writeReports(summary, reports, options.quiet)
  // A filter that names no test is a typo more often than a wish to run nothing.
  if (options.filter !== undefined && summary.tests.length === 0) {
    process.stderr.write(`docspec: no test name contains ${JSON.stringify(options.filter)}\n`)
    return 1
  }
  return replayFailed(summary) ? 1 : 0
}

export function replayFailed(summary: ReplaySummary): boolean {
  return summary.failed > 0 || summary.refused !== undefined || summary.unreachable !== undefined || summary.errors.length > 0
}

export interface ReportPlan {
  reporter: ReporterName
  /** Where it goes; undefined: stdout. */
  file?: string
}

/** Which reports go where: `--output-file FILE` is the one non-default reporter's, `junit=FILE` names it. */
export function reportPlan(options: Pick<ReplayOptions, 'reporter' | 'outputFile'>): ReportPlan[] {
  const names = [...new Set(options.reporter?.length ? options.reporter : ['default'])]
  for (const name of names) if (!(REPORTERS as readonly string[]).includes(name)) throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}: ${name}`)
  const files = new Map<string, string>()
  const machine = names.filter((n) => n !== 'default')
  for (const spec of options.outputFile ?? []) {
    const named = /^(default|junit|json)=(.+)$/.exec(spec)
    if (named) files.set(named[1]!, named[2]!)
    else if (machine.length === 1) files.set(machine[0]!, spec)
    else throw new UsageError(`--output-file ${spec}: say which reporter it is for (junit=FILE, json=FILE)`)
  }
  for (const [reporter, file] of files) {
    if (!names.includes(reporter)) throw new UsageError(`--output-file ${reporter}=${file}: add --reporter ${reporter}, or the report is never written`)
    checkOutputFile(file, '--output-file')
  }
  return names.map((reporter) => ({ reporter: reporter as ReporterName, ...(files.has(reporter) && { file: files.get(reporter)! }) }))
}

/** Writes each report; the default one goes to stderr when a machine report has stdout. */
export function writeReports(summary: ReplaySummary & { embedded?: boolean }, plan: readonly ReportPlan[], quiet = false): void {
  const stdoutTaken = plan.some((p) => p.reporter !== 'default' && p.file === undefined)
  for (const { reporter, file } of plan) {
    if (reporter === 'default' && quiet && file === undefined) continue
    const text = reporter === 'junit' ? junitReport(summary) : reporter === 'json' ? jsonReport(summary) : formatReplay(summary)
    if (file !== undefined) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
      fs.writeFileSync(file, text)
    } else if (reporter === 'default' && stdoutTaken) process.stderr.write(text)
    else process.stdout.write(text)
  }
}

/** `30`, `2.5s`, `500ms` → milliseconds. */
export function timeoutMs(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim())
  const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : 1000) : NaN
  if (!(ms >= 1)) throw new UsageError(`--request-timeout must be a time such as 30, 2.5s or 500ms: ${value}`)
  return ms
}

/** A line on stderr every few seconds on long runs: tests done of those collected. */
function progressLines(everyMs = 5_000): (done: number, total: number) => void {
  const started = Date.now()
  let last = started
  return (done, total) => {
    const now = Date.now()
    if (now - last < everyMs || done >= total) return
    last = now
    process.stderr.write(`replay: ${done}/${total} tests, ${((now - started) / 1000).toFixed(1)} s\n`)
  }
}
