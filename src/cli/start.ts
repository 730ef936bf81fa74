import type { PageModel } from '../model/types.js'
import { countByRule } from './diagnostics.js'
import { generate } from '../run/index.js'
import { runOptions, type InputOptions } from './options.js'
import { replayAgainst, replayFailed, reportPlan, writeReports, type ReplayOptions } from './replay.js'

export interface StartOptions extends InputOptions, Pick<ReplayOptions, 'filter' | 'reporter' | 'outputFile' | 'requestTimeout'> {
  out: string
  setups?: string[]
  apiSpec?: string
  allowWrites?: boolean
}

/**
 * The main job: extract the pages, generate types and replay tests, replay every documented example
 * against `ES_URL` or the embedded server, and print a summary. Exit 0 only when nothing failed.
 */
export async function startCommand(inputs: string[], options: StartOptions): Promise<number> {
  const started = Date.now()
  const reports = reportPlan(options)
  const { models, diagnostics, result } = await generate(inputs, {
    ...runOptions({ ...options, quiet: true }),
    out: options.out,
    ...(options.setups?.length && { setupsFile: options.setups }),
    ...(options.apiSpec !== undefined && { apiSpec: options.apiSpec }),
  })
  const { setups: _, apiSpec: __, ...replay } = options
  const summary = await replayAgainst(options.out, models, replay)
  const out = reports.some((r) => r.reporter !== 'default' && r.file === undefined) ? process.stderr : process.stdout
  out.write(
    [
      `pages: ${models.length}, endpoints: ${count(models, (m) => m.endpoints.length)}, parameters: ${count(models, (m) => m.pathParams.length + m.queryParams.length + m.bodyParams.length)}, snippets: ${count(models, (m) => m.examples.length)}`,
      `generated into ${options.out}: ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged.length} unchanged`,
    ].join('\n') + '\n',
  )
  writeReports(summary, reports)
  out.write(
    [
      `diagnostics: ${diagnostics.length}${diagnostics.length ? ` (${countByRule(diagnostics).map(([rule, n]) => `${rule} ${n}`).join(', ')})` : ''}`,
      `done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ].join('\n') + '\n',
  )
  return replayFailed(summary) ? 1 : 0
}

function count(models: PageModel[], f: (m: PageModel) => number): number {
  return models.reduce((n, m) => n + f(m), 0)
}
