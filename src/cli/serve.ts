import { createDocServer } from '../serve/index.js'
import type { PageModel } from '../model/types.js'
import { extractInputs } from '../run/index.js'
import { pageErrors } from './diagnostics.js'
import { runOptions, UsageError, type InputOptions } from './options.js'
import { textLine } from './report/formats.js'
import { untilSignal } from './signals.js'
import { counted } from './summary.js'

export interface ServeOptions extends InputOptions {
  port?: string
  host?: string
  quiet?: boolean
}

/** `docspec serve`: the documented API, answered from the pages' examples, until SIGINT/SIGTERM. */
export async function serveCommand(inputs: string[], options: ServeOptions): Promise<number> {
  const port = options.port === undefined ? 9200 : Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number: ${options.port}`)
  const { models, root } = await extractInputs(inputs, runOptions(options))
  if (!options.quiet) for (const d of pageErrors(models)) process.stderr.write(textLine(d, { root }) + '\n')
  const server = createDocServer(models, { log: options.quiet ? undefined : (line) => process.stderr.write(line + '\n') })
  const url = await server.listen(port, options.host ?? '127.0.0.1')
  process.stderr.write(`docspec: serving ${counted(countEndpoints(models), 'endpoint')} of ${counted(models.length, 'page')} at ${url} (Ctrl-C stops)\n`)
  await untilSignal()
  await server.close()
  return 0
}

export function countEndpoints(models: PageModel[]): number {
  return models.reduce((n, m) => n + m.endpoints.length, 0)
}
