import fs from 'node:fs'
import path from 'node:path'
import type { PageModel } from '../model/types.js'
import { runReplay, type ReplaySummary } from '../replay/run.js'
import { createDocServer, type DocServer } from '../serve/index.js'
import { UsageError } from './options.js'

export interface ReplayOptions {
  target?: string
  allowWrites?: boolean
  filter?: string
  quiet?: boolean
}

/**
 * Replays generated tests against `--target`, else `ES_URL`, else the embedded server built from the
 * models the tests were generated from (`endpoints.json` beside them). Kibana examples go to `KIBANA_URL`,
 * else to the embedded server when it serves the rest.
 */
export async function replayAgainst(dir: string, models: PageModel[] | undefined, options: ReplayOptions): Promise<ReplaySummary & { embedded: boolean }> {
  const explicit = options.target ?? process.env.ES_URL
  let server: DocServer | undefined
  let target = explicit
  if (!target) {
    const served = models ?? readModels(dir)
    server = createDocServer(served)
    target = await server.listen(0, '127.0.0.1')
  }
  const kibanaTarget = process.env.KIBANA_URL || (server ? target : undefined)
  try {
    const summary = await runReplay({ dir, target, ...(kibanaTarget && { kibanaTarget }), ...(options.allowWrites ? { allowWrites: true } : {}), ...(options.filter ? { filter: options.filter } : {}) })
    return { ...summary, embedded: server !== undefined }
  } finally {
    await server?.close()
  }
}

function readModels(dir: string): PageModel[] {
  const file = path.join(dir, 'endpoints.json')
  if (!fs.existsSync(file)) throw new UsageError(`${file} not found: run docspec generate first, or set ES_URL / --target`)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PageModel[]
}

/** `docspec replay [DIR]`: exit 1 when a test failed, the run was refused, or a file did not load. */
export async function replayCommand(dir: string, options: ReplayOptions): Promise<number> {
  if (!fs.existsSync(dir)) throw new UsageError(`no such folder: ${dir}`)
  const summary = await replayAgainst(dir, undefined, options)
  if (!options.quiet) process.stdout.write(formatReplay(summary))
  return replayFailed(summary) ? 1 : 0
}

export function replayFailed(summary: ReplaySummary): boolean {
  return summary.failed > 0 || summary.refused !== undefined || summary.errors.length > 0
}

/** Failures in full, skips grouped by reason, then the counts. */
export function formatReplay(summary: ReplaySummary & { embedded?: boolean }): string {
  const lines: string[] = []
  for (const test of summary.tests.filter((t) => t.state === 'failed')) lines.push(`FAIL ${test.name}\n${indent(test.message ?? '')}`)
  for (const error of summary.errors) lines.push(`ERROR ${error}`)
  if (summary.refused) lines.push(`REFUSED ${summary.refused}`)
  const reasons = new Map<string, number>()
  for (const test of summary.tests.filter((t) => t.state === 'skipped')) {
    const reason = test.message ?? test.name.replace(/^.*?\[skip: ?(.*)\]$/, '$1')
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  }
  const total = summary.passed + summary.failed + summary.skipped
  lines.push(`replayed ${total} snippet test(s) against ${summary.target}${summary.embedded ? ' (embedded server)' : ''}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`)
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`  skipped ${count}: ${reason}`)
  return lines.join('\n') + '\n'
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n')
}
