/**
 * The project's docspec settings: `docspec.config.json`, or the `docspec` key of a `package.json`. Looked up
 * in the working directory, then in the docs root (the first found wins; `--config FILE` names one,
 * `--no-config` uses none). Checked against a JSON Schema built from the rule table: an unknown rule id or
 * severity is a usage error naming the file, the place and the key.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'
import { RULE_TABLE, type RuleId } from '../../model/rules.js'
import { UsageError } from '../options.js'
import { RULE_SETTINGS, type Policy, type RuleSetting } from './policy.js'

export const CONFIG_FILE = 'docspec.config.json'

/** What a config file may hold. */
interface DocspecConfig {
  $schema?: string
  rules?: Partial<Record<RuleId, RuleSetting>>
  ignore?: string[]
}

const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'docspec configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      description: 'A severity for every finding of a rule, or off to drop them.',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RULE_TABLE.map((rule) => [rule.id, { description: rule.description, enum: RULE_SETTINGS }])),
    },
    ignore: {
      description: 'Globs of files whose findings are not reported, relative to the folder of the config file.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
  },
} as const

let validator: ValidateFunction<DocspecConfig> | undefined
/** Compiled on first use: most runs have no config file. */
const validate = () => (validator ??= new Ajv({ allErrors: true, strict: true }).compile<DocspecConfig>(CONFIG_SCHEMA))

/** A config as read: where it came from and the policy it sets. */
export interface LoadedConfig {
  file: string
  policy: Policy
}

/**
 * The config of a run: `explicit` is `--config` (a file, or `false` for `--no-config`); otherwise the first
 * of `docspec.config.json` or a `package.json` with a `docspec` key in `cwd`, then in `root`.
 */
export function loadConfig(explicit: string | false | undefined, root: string, cwd = process.cwd()): LoadedConfig | undefined {
  if (explicit === false) return undefined
  if (explicit !== undefined) {
    const found = readConfig(explicit, path.basename(explicit) === 'package.json', cwd)
    if (!found) throw new UsageError(`--config ${explicit}: the file has no "docspec" key`)
    return found
  }
  for (const dir of new Set([path.resolve(cwd), path.resolve(root)])) {
    for (const [name, inPackage] of [[CONFIG_FILE, false], ['package.json', true]] as const) {
      const file = path.join(dir, name)
      const found = fs.existsSync(file) ? readConfig(file, inPackage, cwd) : undefined
      if (found) return found
    }
  }
  return undefined
}

/** Reads and checks one config file; undefined for a `package.json` without a `docspec` key. */
function readConfig(file: string, inPackage: boolean, cwd = process.cwd()): LoadedConfig | undefined {
  const shown = path.relative(cwd, file) || file
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read config ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { allowTrailingComma: false, allowEmptyContent: false })
  if (errors.length > 0 || !tree) {
    const first = errors[0]
    throw new UsageError(`${shown}:${at(text, first?.offset ?? 0)}: not JSON (${first ? printParseErrorCode(first.error) : 'empty file'})`)
  }
  const prefix = inPackage ? ['docspec'] : []
  const node = inPackage ? findNodeAtLocation(tree, prefix) : tree
  if (!node) return undefined
  const value: unknown = getNodeValue(node)
  const check = validate()
  if (!check(value)) {
    throw new UsageError(check.errors!.map((e) => problem(e, tree, prefix, text, shown)).join('\n'))
  }
  return { file, policy: { rules: value.rules ?? {}, ignore: value.ignore ?? [], base: path.dirname(path.resolve(file)) } }
}

/** `file:line:col: key: what is wrong`, at the key or value the schema refused. */
function problem(error: ErrorObject, tree: Node, prefix: string[], text: string, shown: string): string {
  // The JSON pointer of the refused value as a path into the tree: array indexes are numbers.
  const keys: (string | number)[] = [...prefix, ...error.instancePath.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, '/').replace(/~0/g, '~')))]
  let what = error.message ?? 'is not valid'
  let node = findNodeAtLocation(tree, keys)
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty)
    what = keys.at(-1) === 'rules' ? 'unknown rule id (the rule ids are those of the README\'s Diagnostics table)' : `unknown key (expected ${Object.keys(CONFIG_SCHEMA.properties).join(', ')})`
    keys.push(key)
    // The key itself, not its value.
    node = findNodeAtLocation(tree, keys)?.parent?.children?.[0] ?? node
  } else if (error.keyword === 'enum') {
    what = `must be one of ${RULE_SETTINGS.join(', ')}, not ${JSON.stringify(node ? getNodeValue(node) : undefined)}`
  }
  const key = keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i > 0 ? `.${k}` : k)).join('')
  return `${shown}:${at(text, node?.offset ?? 0)}: ${key || '(top level)'}: ${what}`
}

/** `line:col` (from 1) of an offset. */
function at(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n')
  return `${before.length}:${before.at(-1)!.length + 1}`
}
