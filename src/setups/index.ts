/**
 * Named setups and teardowns for `// TEST[setup:NAME]` and `// TEST[teardown:NAME]`: from the doc build's
 * own `build.gradle` (Groovy building REST-test YAML, translated into requests through an API table), or
 * from a JSON/YAML mapping of names to console text. Each source keeps the folder it is for: a page takes a
 * name from the `build.gradle` of its own tree first, as the doc build does.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, RuleId } from '../model/types.js'
import type { NamedScript, ScriptSource } from '../replay/types.js'
import { apiTable, type ApiTable } from './api-table.js'
import { evaluateGradle, Unknown, type ScriptValue } from './groovy-eval.js'
import { parseGroovy } from './groovy-parse.js'
import { restSteps } from './rest-steps.js'

export type { ScriptSource } from '../replay/types.js'

export interface SetupsOptions {
  /** Docs root: page files and setups files are named relative to it. */
  root: string
  /** The API table: a compiled `schema.json`, or a rest-api-spec folder; default: `@elastic/request-converter`'s. */
  apiSpec?: string
  /** Translations of earlier runs (the CLI's cache), used with the default API table only. */
  store?: SetupsStore
}

/** What a `build.gradle` translates into: its named scripts and the findings about them. */
export interface GradleScripts {
  setups: Record<string, NamedScript>
  teardowns: Record<string, NamedScript>
  diagnostics: Diagnostic[]
}

/** Translated `build.gradle` files, addressed by the file's name (relative to the root) and text. */
export interface SetupsStore {
  get(key: string[]): GradleScripts | undefined
  set(key: string[], scripts: GradleScripts): void
}

/** Thrown when a setups file cannot be read at all. */
export class SetupsFileError extends Error {}

/** Reads every setups file; findings about their content are diagnostics at their lines. */
export function readSetupsFiles(files: readonly string[], options: SetupsOptions): { sources: ScriptSource[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const api = lazy(() => apiTable(options.apiSpec))
  const sources = files.map((file) => {
    let text: string
    try {
      text = fs.readFileSync(file, 'utf8')
    } catch (error) {
      throw new SetupsFileError(`cannot read --setups ${file}: ${(error as Error).message}`)
    }
    const shown = path.relative(options.root, path.resolve(file)).split(path.sep).join('/')
    if (!isGradle(file, text)) return consoleSource(text, file)
    const dir = path.dirname(path.resolve(file))
    const covers = (page: string) => path.resolve(options.root, page).startsWith(dir + path.sep)
    // Translating a doc build's setups (hundreds of YAML steps) takes a good part of a rebuild after one page changed.
    const store = options.apiSpec === undefined ? options.store : undefined
    const key = [shown, text]
    let scripts = store?.get(key)
    if (!scripts) {
      scripts = gradleScripts(text, shown, api)
      store?.set(key, scripts)
    }
    diagnostics.push(...scripts.diagnostics)
    return { setups: scripts.setups, teardowns: scripts.teardowns, covers }
  })
  return { sources, diagnostics }
}

function isGradle(file: string, text: string): boolean {
  return file.endsWith('.gradle') || /\bbuildRestTests\b/.test(text)
}

function gradleScripts(text: string, file: string, api: () => ApiTable): GradleScripts {
  const diagnostics: Diagnostic[] = []
  const report = (rule: RuleId, line: number, message: string) => diagnostics.push(diagnostic(rule, { file, line, column: 1 }, message))
  let evaluated
  try {
    evaluated = evaluateGradle(parseGroovy(text), file)
  } catch (error) {
    throw new SetupsFileError(`cannot read --setups ${file}: ${(error as Error).message}`)
  }
  for (const { line, reason } of evaluated.unread) report('gradle-statement', line, `a statement naming setups cannot be read: ${reason}`)
  if (evaluated.setups.size + evaluated.teardowns.size === 0) report('setups-empty', 1, `${file} defines no buildRestTests.setups or teardowns`)
  const translate = (table: Map<string, ScriptValue>) => {
    const out: Record<string, NamedScript> = {}
    for (const [name, value] of table) out[name] = namedScript(name, value, file, api, report)
    return out
  }
  return { setups: translate(evaluated.setups), teardowns: translate(evaluated.teardowns), diagnostics }
}

function namedScript(name: string, value: ScriptValue, file: string, api: () => ApiTable, report: (rule: RuleId, line: number, message: string) => void): NamedScript {
  if (value instanceof Unknown) {
    report('setup-unreadable', lineOf(value.why), `setup '${name}' cannot be built from ${file}: ${value.why}`)
    return { unusable: `setup ${name} cannot be built from ${file}: ${value.why}` }
  }
  const { steps, problems } = restSteps(value, { file, name, api })
  for (const problem of problems) report('setup-step', problem.line, `setup '${name}': ${problem.message}`)
  if (problems.length > 0) return { unusable: `setup ${name} has a step docspec cannot replay (${file}:${problems[0]!.line}: ${problems[0]!.message})` }
  return { steps }
}

/** The last line a reason names (`… (docs/build.gradle:357)`), else 1. */
function lineOf(why: string): number {
  const match = /.*:(\d+)\)/.exec(why)
  return match ? Number(match[1]) : 1
}

/** A JSON or YAML mapping of setup names to console text (`PUT /index` …). */
function consoleSource(text: string, file: string): ScriptSource {
  let value: unknown
  try {
    value = parseYaml(text)
  } catch (error) {
    throw new SetupsFileError(`cannot read --setups ${file}: ${(error as Error).message}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SetupsFileError(`--setups ${file} must map setup names to console text`)
  const setups: Record<string, string> = {}
  for (const [name, script] of Object.entries(value)) {
    if (typeof script !== 'string') throw new SetupsFileError(`--setups ${file}: setup '${name}' must be console text (a string)`)
    setups[name] = script
  }
  return { setups, teardowns: {} }
}

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined
  return () => (value ??= { v: make() }).v
}
