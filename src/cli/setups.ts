import fs from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { UsageError } from './inputs.js'

/** `--setups FILE`: a JSON or YAML mapping of setup names to console text (`PUT /index` …). */
export function readSetups(file: string | undefined): Record<string, string> {
  if (!file) return {}
  let value: unknown
  try {
    value = parseYaml(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`cannot read --setups ${file}: ${(error as Error).message}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`--setups ${file} must map setup names to console text`)
  const out: Record<string, string> = {}
  for (const [name, text] of Object.entries(value)) {
    if (typeof text !== 'string') throw new UsageError(`--setups ${file}: setup '${name}' must be console text (a string)`)
    out[name] = text
  }
  return out
}
