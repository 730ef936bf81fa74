import fs from 'node:fs'
import path from 'node:path'
import { extractFiles, type ExtractResult } from '../extract/index.js'
import { parseAttributesText, resolveRoot } from '../load/index.js'

export interface InputOptions {
  root?: string
  attributes?: string
}

/** A usage problem: reported on stderr with exit code 2. */
export class UsageError extends Error {}

/** Extracts the models of every page under the inputs with the command's `--root` / `--attributes`. */
export async function extractInputs(inputs: string[], options: InputOptions, onPage?: (file: string) => void): Promise<ExtractResult & { root: string }> {
  for (const input of inputs) if (!fs.existsSync(input)) throw new UsageError(`no such file or folder: ${input}`)
  const root = resolveRoot(options.root, inputs[0]!)
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root is not a folder: ${options.root}`)
  const attributes = options.attributes ? readAttributes(options.attributes) : {}
  const result = await extractFiles(inputs, { root, attributes }, onPage)
  return { ...result, root }
}

function readAttributes(file: string): Record<string, string> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new UsageError(`cannot read --attributes file: ${file}`)
  }
  const parsed = parseAttributesText(text)
  if (parsed.errors.length > 0) {
    throw new UsageError(parsed.errors.map((e) => `${path.relative(process.cwd(), file)}:${e.line}: ${e.message}`).join('\n'))
  }
  return parsed.attributes
}
