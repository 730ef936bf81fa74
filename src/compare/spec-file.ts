/** Finding and reading the compiled specification `compare` checks pages against. */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Spec } from './schema.js'

/** The compiled specification `@elastic/request-converter` ships, when it is installed. */
export const DEFAULT_SPEC = '@elastic/request-converter/dist/schema.json'

/** The path of the installed default specification, or undefined when the package is not installed. */
export function defaultSpecPath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(DEFAULT_SPEC)
  } catch {
    return undefined
  }
}

/** Reads a compiled specification; throws with a readable reason when the file is no such thing. */
export function readSpec(file: string): Spec {
  let value: Partial<Spec>
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Spec>
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`)
  }
  if (!Array.isArray(value.endpoints) || !Array.isArray(value.types)) throw new Error(`${file} is not a compiled specification (endpoints and types)`)
  return value as Spec
}
