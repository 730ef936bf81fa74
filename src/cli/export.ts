import { writeFileAtomic } from '../emit/atomic-write.js'
import { exportOpenApi, type OpenApiDocument } from '../emit/openapi/index.js'
import { extractInputs } from '../run/index.js'
import { pageErrors } from './diagnostics.js'
import { counted } from './summary.js'
import { textLine } from './report/formats.js'
import { runOptions, UsageError, type InputOptions } from './options.js'
import { checkOutputFile } from './output-file.js'

export interface ExportOptions extends InputOptions {
  format: string
  out?: string
  title?: string
  apiVersion?: string
  server?: string
}

/**
 * `docspec export --format openapi`: the models as one OpenAPI 3.1 document, on stdout or in `--out`. Exit 1
 * when a page had an error (it is listed, and the document lacks what it would have given).
 */
export async function exportCommand(inputs: string[], options: ExportOptions): Promise<number> {
  if (options.format !== 'openapi') throw new UsageError(`--format must be openapi: ${options.format}`)
  if (options.out) checkOutputFile(options.out, '--out', inputs)
  const { models, root } = await extractInputs(inputs, runOptions(options))
  const { document, diagnostics } = exportOpenApi(models, {
    ...(options.title !== undefined && { title: options.title }),
    ...(options.apiVersion !== undefined && { version: options.apiVersion }),
    ...(options.server !== undefined && { server: options.server }),
  })
  const json = JSON.stringify(document, null, 2) + '\n'
  if (options.out) await writeFileAtomic(options.out, json)
  else process.stdout.write(json)
  const errors = pageErrors(models)
  if (!options.quiet) {
    for (const d of [...errors, ...diagnostics]) process.stderr.write(textLine(d, { root }) + '\n')
    process.stderr.write(`${openApiFigures(document)}\n`)
  }
  return errors.length > 0 ? 1 : 0
}

/** `exported 4 paths, 5 operations, 12 parameters, 6 examples`. */
export function openApiFigures(document: OpenApiDocument): string {
  const operations = Object.values(document.paths).flatMap((item) => Object.values(item) as Record<string, unknown>[])
  const parameters = operations.reduce((n, op) => n + ((op.parameters as unknown[] | undefined)?.length ?? 0), 0)
  let examples = 0
  JSON.stringify(document, (key, value: unknown) => {
    if (key === 'examples' && value && typeof value === 'object') examples += Object.keys(value).length
    return value
  })
  return `exported ${counted(Object.keys(document.paths).length, 'path')}, ${counted(operations.length, 'operation')}, ${counted(parameters, 'parameter')}, ${counted(examples, 'example')}`
}
