/**
 * Compares an actual response with a documented `// TESTRESPONSE`, with Elasticsearch's doc-test
 * semantics: the whole JSON body must match (object key order ignored, numbers compared as numbers),
 * `$body.path` / `$body.$_path` stand for the actual value at that path, `_cat` responses match as
 * whitespace-tolerant line patterns and `non_json` responses as text.
 */
import { createTwoFilesPatch } from 'diff'
import { parse as parseYaml } from 'yaml'
import { compileJavaRegex } from '../console/java-regex.js'
import { parseStashJson } from '../console/response-json.js'
import { expandTripleQuotes } from '../console/triple-quotes.js'
import { unstash, unstashInside, type Stash } from './stash.js'
import type { ResponseMode } from './types.js'

export interface ActualResponse {
  status: number
  /** The response body as text. */
  text: string
}

export interface ExpectedResponse {
  expected: string
  mode: ResponseMode
}

export type MatchResult = { ok: true } | { ok: false; message: string }

/** Where the expectation was documented, for `file:line` in messages. */
export interface DocLocation {
  file: string
  line: number
}

/**
 * `stash`: values kept by `set:` steps, for `$name` in the expectation; `build`: the server's own
 * `{version}`, `{lucene_version}`… (see `buildValues`).
 */
export function matchResponse(actual: ActualResponse, expected: ExpectedResponse, where: DocLocation, stash: Stash = new Map(), build: BuildValues = {}): MatchResult {
  const at = `${where.file}:${where.line}`
  const text = withBuildValues(expected.expected, expected.mode, build)
  if (expected.mode === 'cat') return matchCat(actual.text, unstashInside(text, stash), at)
  if (expected.mode === 'text') return matchText(actual.text, unstashInside(text, stash), at)
  return matchJson(actual.text, text, at, stash)
}

/**
 * What the doc build puts in every snippet before the page's own substitutions: `{version}` and its kin
 * stand for the build under test, which for a replay is the server answering it.
 */
export type BuildValues = Partial<Record<'version' | 'version_qualified' | 'lucene_version' | 'build_flavor' | 'build_type', string>>

/** The build values of a server, from its answer to `GET /` (`version.number`, `version.lucene_version`…). */
export function buildValues(root: unknown): BuildValues {
  const version = typeof root === 'object' && root !== null ? (root as { version?: Record<string, unknown> }).version : undefined
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
  const entries = Object.entries({
    version: text(version?.number)?.replace(/-.*$/, ''),
    version_qualified: text(version?.number),
    lucene_version: text(version?.lucene_version),
    build_flavor: text(version?.build_flavor),
    build_type: text(version?.build_type),
  })
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined))
}

/** The expectation with the build values put in; a `_cat` pattern gets them as literal text. */
function withBuildValues(text: string, mode: ExpectedResponse['mode'], build: BuildValues): string {
  return text.replace(/\{(version|version_qualified|lucene_version|build_flavor|build_type)\}/g, (all, name: keyof BuildValues) => {
    const value = build[name]
    if (value === undefined) return all
    return mode === 'cat' ? value.replace(/[\\^$.*+?()[\]{}|\s#]/g, (c) => `\\${c}`) : mode === 'json' ? JSON.stringify(value).slice(1, -1) : value
  })
}

// ---------------------------------------------------------------------------------------------- JSON

/**
 * Parses expected JSON as the doc tests read it: `"""` strings, comments, and `$body…` references that may
 * appear unquoted (they are YAML scalars in Elasticsearch). The doc tests paste the response into a YAML
 * test (`match: { $body: … }`), so what YAML's flow syntax reads and JSON does not (a trailing comma, a
 * string broken over lines, `00`) is read as YAML reads it. Throws with JSON's reason when neither reads it.
 */
export function parseExpectedJson(text: string): unknown {
  const parsed = parseStashJson(text)
  if (parsed.ok) return parsed.value
  const flow = parseFlowYaml(text)
  if (flow !== undefined) return flow
  throw new Error(parsed.message)
}

/** An object or array written in YAML's flow syntax, or undefined. */
function parseFlowYaml(text: string): unknown {
  const expanded = expandTripleQuotes(text)
  if (expanded.unterminated !== undefined || !/^\s*[{[]/.test(expanded.text)) return undefined
  try {
    const value: unknown = parseYaml(expanded.text, { uniqueKeys: false, prettyErrors: false })
    return typeof value === 'object' && value !== null ? value : undefined
  } catch {
    return undefined
  }
}

type Path = (string | number)[]

/** Renders a path the way `$body.` references are written: dots between segments, literal dots escaped. */
function formatPath(path: Path): string {
  return path.map((segment) => String(segment).replace(/\./g, '\\.')).join('.')
}

/**
 * Splits `a.b\.c.0` into `['a', 'b.c', '0']` as the YAML runner's object paths read it: backslashes are
 * dropped and make the next character literal, so `b\\.c` (a substitution's doubled backslash) is one key too.
 */
function splitPath(path: string): string[] {
  const segments: string[] = []
  let current = ''
  let escaped = false
  for (const c of path) {
    if (c === '\\') {
      escaped = true
      continue
    }
    if (c === '.' && !escaped) {
      if (current !== '') segments.push(current)
      current = ''
      continue
    }
    escaped = false
    current += c
  }
  if (current !== '') segments.push(current)
  return segments
}

const MISSING = Symbol('missing')

/** The value at a dotted path (`a.b\\.c.0`; `$body` or '' for the whole value); undefined when absent. */
export function valueAt(root: unknown, path: string): unknown {
  const rest = path === '$body' ? '' : path.replace(/^\$body\./, '')
  const value = lookup(root, splitPath(rest))
  return value === MISSING ? undefined : value
}

function lookup(root: unknown, segments: string[]): unknown {
  let node = root
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)]
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment]
    else return MISSING
    if (node === undefined) return MISSING
  }
  return node
}

/** Replaces every `$body…` string in `expected` with the actual value it names (left as is when missing). */
export function resolveReferences(expected: unknown, actual: unknown, path: Path = []): unknown {
  if (typeof expected === 'string' && (expected === '$body' || expected.startsWith('$body.'))) {
    const reference = expected.replace('$_path', formatPath(path))
    const value = lookup(actual, splitPath(reference.slice('$body.'.length)))
    return value === MISSING ? expected : value
  }
  if (Array.isArray(expected)) return expected.map((item, i) => resolveReferences(item, actual, [...path, i]))
  if (isObject(expected)) {
    return Object.fromEntries(
      Object.entries(expected).map(([key, value]) => [key, resolveReferences(value, actual, [...path, key])]),
    )
  }
  return expected
}

export interface Difference {
  path: Path
  message: string
}

/** The first place where `actual` differs from `expected`, walking expected's order. */
export function firstDifference(expected: unknown, actual: unknown, path: Path = []): Difference | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return { path, message: `expected an array, got ${describe(actual)}` }
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const difference = firstDifference(expected[i], actual[i], [...path, i])
      if (difference) return difference
    }
    if (expected.length !== actual.length) {
      return { path, message: `expected ${expected.length} items, got ${actual.length}` }
    }
    return undefined
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return { path, message: `expected an object, got ${describe(actual)}` }
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, key)) return { path: [...path, key], message: `missing; expected ${describe(value)}` }
      const difference = firstDifference(value, actual[key], [...path, key])
      if (difference) return difference
    }
    const extra = Object.keys(actual).find((key) => !Object.hasOwn(expected, key))
    if (extra !== undefined) return { path: [...path, extra], message: `unexpected; got ${describe(actual[extra])}` }
    return undefined
  }
  // JSON numbers have no int/float distinction once parsed, so 1 and 1.0 are already equal here.
  if (expected === actual) return undefined
  return { path, message: `expected ${describe(expected)}, got ${describe(actual)}` }
}

function matchJson(actualText: string, expectedText: string, at: string, stash: Stash): MatchResult {
  let expected: unknown
  try {
    expected = unstash(parseExpectedJson(expectedText), stash)
  } catch (error) {
    return { ok: false, message: `TESTRESPONSE at ${at} is not JSON (${(error as Error).message})` }
  }
  let actual: unknown
  try {
    actual = JSON.parse(actualText)
  } catch {
    return {
      ok: false,
      message: `response does not match TESTRESPONSE at ${at}: the response is not JSON\n\n${patch(canonical(expected), actualText)}`,
    }
  }
  const resolved = resolveReferences(expected, actual)
  const difference = firstDifference(resolved, actual)
  if (!difference) return { ok: true }
  const where = difference.path.length === 0 ? '$body' : `$body.${formatPath(difference.path)}`
  return {
    ok: false,
    message: `response does not match TESTRESPONSE at ${at}\nfirst difference at ${where}: ${difference.message}\n\n${patch(canonical(resolved), canonical(actual))}`,
  }
}

/** Pretty JSON with keys sorted, so that the diff shows only real differences, not key order. */
function canonical(value: unknown): string {
  const sort = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(sort)
    if (isObject(node)) {
      return Object.fromEntries(
        Object.keys(node)
          .sort()
          .map((key) => [key, sort(node[key])]),
      )
    }
    return node
  }
  return JSON.stringify(sort(value), null, 2)
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ----------------------------------------------------------------------------------------- _cat and text

/**
 * A `_cat` or `non_json` expectation is the pattern the doc tests build of the documented text (spaces match
 * any white space, line ends any blanks; the page's substitutions may add regex syntax such as `\d+`), read
 * with Java's COMMENTS flag and found anywhere in the answer, as Elasticsearch's YAML runner matches it.
 */
export function catPattern(source: string): RegExp {
  return compileJavaRegex(`(?x)${source}`)
}

function matchCat(actualText: string, source: string, at: string): MatchResult {
  let pattern: RegExp
  try {
    pattern = catPattern(source)
  } catch (error) {
    return { ok: false, message: `the TESTRESPONSE pattern at ${at} cannot run (${(error as Error).message})` }
  }
  if (pattern.test(actualText)) return { ok: true }
  const documented = source.split('\n').map((line) => line.replace(/\\s[*+]/g, ' ').trim()).filter((line) => line !== '')
  return {
    ok: false,
    message: `response does not match TESTRESPONSE at ${at} (as the doc tests match _cat and non_json text)\n\n${patch(squeeze(documented), squeeze(nonEmptyLines(actualText)))}`,
  }
}

function matchText(actualText: string, expectedText: string, at: string): MatchResult {
  const expected = normaliseText(expectedText)
  const actual = normaliseText(actualText)
  if (expected === actual) return { ok: true }
  return { ok: false, message: `response does not match TESTRESPONSE at ${at} (text)\n\n${patch(expected, actual)}` }
}

/** Column padding is not significant in `_cat` output; squeezing it keeps the diff to real changes. */
function squeeze(lines: string[]): string {
  return lines.map((line) => line.replace(/\s+/g, ' ')).join('\n')
}

function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

function normaliseText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
}

/** A unified diff from expected to actual, without the file header noise. */
function patch(expected: string, actual: string): string {
  const text = createTwoFilesPatch('expected', 'actual', `${expected}\n`, `${actual}\n`, undefined, undefined, {
    context: 3,
  })
  return text
    .split('\n')
    .filter((line) => !/^=+$/.test(line) && !line.startsWith('\\ No newline'))
    .map((line) => line.replace(/^(---|\+\+\+) (expected|actual)\t?$/, '$1 $2'))
    .join('\n')
    .trimEnd()
}
