import fs from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { InputError } from './options.js'

/** `--setups FILE`: a JSON or YAML mapping of setup names to console text (`PUT /index` …). */
export function readSetups(file: string | undefined): Record<string, string> {
  if (!file) return {}
  let value: unknown
  try {
    value = parseYaml(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new InputError(`cannot read --setups ${file}: ${(error as Error).message}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`--setups ${file} must map setup names to console text`)
  const out: Record<string, string> = {}
  for (const [name, text] of Object.entries(value)) {
    if (typeof text !== 'string') throw new InputError(`--setups ${file}: setup '${name}' must be console text (a string)`)
    out[name] = text
  }
  return out
}
