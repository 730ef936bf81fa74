import fs from 'node:fs'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'

const schema: object = JSON.parse(fs.readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'))

// The official schema states "one of these properties is required" as `anyOf: [{ required: [...] }]`,
// which ajv's strict mode would refuse (strictRequired); everything else is checked strictly, formats included.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false })
addFormats.default(ajv)
const validate = ajv.compile(schema)

/** What the SARIF 2.1.0 JSON Schema finds wrong with a log: empty when it validates. */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)
}
