import type { PageModel } from '../model/types.js'
import { countByRule } from './diagnostics.js'
import { generate } from '../run/index.js'
import { runOptions, type InputOptions } from './options.js'
import { failsOn, report, reporting, type ReportOptions } from './report/index.js'
import { replayAgainst, replayFailed, reportPlan, writeReports, type ReplayOptions } from './replay.js'
import { checkOutputFolder } from './output-file.js'

export interface StartOptions extends InputOptions, ReportOptions, Pick<ReplayOptions, 'filter' | 'reporter' | 'outputFile' | 'requestTimeout'> {
  out: string
  setups?: string[]
  apiSpec?: string
  allowWrites?: boolean
}

/**
 * The main job: extract the pages, generate types and replay tests, replay every documented example
 * against `ES_URL` or the embedded server, and print a summary. The diagnostics are counted, and listed
 * when `--format` or `--diagnostics-file` asks for them. Exit 0 only when nothing failed: no replay
 * failure, no error diagnostic, no more warnings than `--max-warnings`.
 */
export async function startCommand(inputs: string[], options: StartOptions): Promise<number> {
  const started = Date.now()
  checkOutputFolder(options.out)
  const how = reporting(options, inputs)
  const reports = reportPlan(options)
  const generated = await generate(inputs, {
    ...runOptions({ ...options, quiet: true }),
    out: options.out,
    ...(options.setups?.length && { setupsFile: options.setups }),
    ...(options.apiSpec !== undefined && { apiSpec: options.apiSpec }),
  })
  const { models, result } = generated
  const diagnostics = await report(generated.diagnostics, how, generated.root, how.formatGiven)
  const summary = await replayAgainst(options.out, models, {
    ...(options.allowWrites && { allowWrites: true }),
    ...(options.filter !== undefined && { filter: options.filter }),
    ...(options.requestTimeout !== undefined && { requestTimeout: options.requestTimeout }),
    ...(options.quiet && { quiet: true }),
  })
  // A machine report on stdout keeps stdout to itself.
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
  return replayFailed(summary) || failsOn(diagnostics, how) ? 1 : 0
}

function count(models: PageModel[], f: (m: PageModel) => number): number {
  return models.reduce((n, m) => n + f(m), 0)
}
