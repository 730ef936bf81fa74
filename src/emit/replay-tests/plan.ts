/**
 * Turns a page's snippets into replay tests with the docs build's rules: a request snippet starts a test,
 * `TEST[continued]` chains onto the previous one, a response checks the last answer of the test holding
 * the snippet it answers, `TESTSETUP`/`TEARDOWN` wrap every test, and named setups come from a setups file.
 */
import { exactBodyText } from '../../console/body.js'
import { snippetContents } from '../../console/callouts.js'
import { positionAtLines } from '../../console/position.js'
import { parseKibana } from '../../console/kibana.js'
import { parseConsole } from '../../console/requests.js'
import { applySubstitutions } from '../../console/substitute.js'
import { compileJavaRegex } from '../../console/java-regex.js'
import { replaceTripleQuotes } from '../../console/triple-quotes.js'
import { diagnostic } from '../../model/diagnostic.js'
import type { ConsoleRequest, Diagnostic, PageModel, RuleId, Severity, Snippet, SnippetTarget, Substitution, TestOptions } from '../../model/types.js'
import { isKnownCatch } from '../../replay/expect.js'
import { parseExpectedJson } from '../../replay/match.js'
import type { NamedScript, ReplayPage, ReplayRequest, ReplayStep, ResponseMode, ScriptSource } from '../../replay/types.js'

export interface PlannedTest {
  name: string
  /** `TEST[skip:…]` reason, or why docspec cannot run the test. */
  skip?: string
  steps: ReplayStep[]
  /** Requests of named teardowns, run after the test whatever happened. */
  teardown: ReplayRequest[]
}

export interface PagePlan {
  page: ReplayPage
  tests: PlannedTest[]
}

/** The key of a named setup read from a setups file: the file and the name (two files may share a name). */
export function scriptKey(steps: readonly ReplayStep[], name: string): string {
  const file = steps.map((s) => ('file' in s ? s.file : undefined)).find((f) => f !== undefined)
  return file ? `${file}#${name}` : name
}

/** Plans the tests of one page; `plan` is absent when the page has nothing to replay. */
export function planPage(model: PageModel, scripts: readonly ScriptSource[]): { plan?: PagePlan; diagnostics: Diagnostic[] } {
  const planner = new PagePlanner(model, scripts)
  for (const snippet of model.examples) {
    if (snippet.testSetup || snippet.teardown) planner.setupOrTeardown(snippet)
    else if (snippet.role === 'response') planner.response(snippet)
    else if (snippet.role === 'request' && !snippet.notConsole && (snippet.console || snippet.test || snippet.target === 'kibana')) planner.request(snippet)
  }
  return planner.finish()
}

/** The tests of one page as its snippets are read in order, and what the doc-test rules found. */
class PagePlanner {
  readonly diagnostics: Diagnostic[] = []
  private readonly page: ReplayPage
  private readonly tests: PlannedTest[] = []
  /** The test holding each snippet, by snippet index. */
  private readonly testOf = new Map<number, PlannedTest>()
  private readonly setupSnippets = new Set<number>()
  private readonly columns = new Map<PlannedTest, number>()
  /** The test a `TEST[continued]` snippet continues. */
  private current: PlannedTest | undefined

  constructor(
    private readonly model: PageModel,
    private readonly scripts: readonly ScriptSource[],
  ) {
    this.page = { id: model.id, file: model.file, setup: [], teardown: [] }
  }

  readonly report: Report = (rule, snippet, message, severity) => {
    this.diagnostics.push(diagnostic(rule, { ...snippet.position, file: this.model.file }, message, severity))
  }

  /** `TESTSETUP` / `TEARDOWN`: run before / after every test of the page. */
  setupOrTeardown(snippet: Snippet): void {
    if (snippet.testSetup && this.tests.length > 0) {
      this.report('testsetup-not-first', snippet, `TESTSETUP at line ${snippet.position.line} comes after the first test; it still runs before every test`)
    }
    // Setup and teardown answers are not checked for warnings, as in the docs build.
    const requests = (snippetRequests(snippet, snippet.test, this.report, this.model.file) ?? []).map(({ warnings: _, ...request }) => ordered(request))
    if (snippet.testSetup) this.page.setup.push(...requests)
    else this.page.teardown.push(...requests)
    this.setupSnippets.add(snippet.index)
    this.current = undefined
  }

  /** A response checks the last answer of the test holding the snippet it answers. */
  response(snippet: Snippet): void {
    if (snippet.answers !== undefined && this.setupSnippets.has(snippet.answers)) {
      this.report('response-after-testsetup', snippet, 'a TESTRESPONSE cannot check a TESTSETUP snippet; use TEST[continued] instead')
      return
    }
    const test = snippet.answers === undefined ? undefined : this.testOf.get(snippet.answers)
    if (!test) {
      const answered = this.model.examples.find((s) => s.index === snippet.answers)
      if (answered) this.report('response-not-replayed', snippet, `the response answers line ${answered.position.line}, which is not replayed`)
      else this.report('response-without-request', snippet, `the response at line ${snippet.position.line} answers no request snippet`)
      return
    }
    if (snippet.testResponse?.skip === undefined) {
      const response = expectedResponse(snippet, this.report)
      const file = snippet.position.file !== this.model.file ? { file: snippet.position.file } : {}
      if (response) test.steps.push({ kind: 'response', line: response.line, ...file, expected: response.expected, mode: response.mode })
      else test.skip ??= UNUSABLE_SUBSTITUTION
    }
    this.testOf.set(snippet.index, test)
  }

  /** A request snippet starts a test, or continues the last one (`TEST[continued]`). */
  request(snippet: Snippet): void {
    const test = this.testFor(snippet)
    const options = snippet.test
    if (options?.skip !== undefined) test.skip ??= options.skip
    const setup = this.named(snippet, 'setup', options?.setup ?? [])
    const teardown = this.named(snippet, 'teardown', options?.teardown ?? [])
    if (typeof setup === 'string' || typeof teardown === 'string') test.skip ??= typeof setup === 'string' ? setup : (teardown as string)
    const requests = snippetRequests(snippet, options, this.report, this.model.file)
    if (!requests) test.skip ??= UNUSABLE_SUBSTITUTION
    if (typeof setup !== 'string') test.steps.push(...setup)
    test.steps.push(...(requests ?? []).map((r) => toStep(ordered(r))))
    if (typeof teardown !== 'string') test.teardown.push(...teardown.flatMap((step) => (step.kind === 'request' ? [ordered(step)] : [])))
    this.testOf.set(snippet.index, test)
  }

  finish(): { plan?: PagePlan; diagnostics: Diagnostic[] } {
    const { tests } = this
    // Damaged pages can hold several snippets on one line; the column then tells their tests apart.
    const shared = tests.filter((test) => tests.some((other) => other !== test && other.name === test.name))
    for (const test of shared) test.name += `:${this.columns.get(test)}`
    return { plan: tests.length > 0 ? { page: this.page, tests } : undefined, diagnostics: this.diagnostics }
  }

  private testFor(snippet: Snippet): PlannedTest {
    const line = snippet.position.line
    const options = snippet.test
    if (options?.continued && !this.current) {
      this.report('continued-without-test', snippet, `TEST[continued] at line ${line} has no earlier test to continue; it starts a new one`)
    }
    if (options?.continued && this.current) {
      if (this.current.skip !== undefined && options.skip === undefined) {
        this.report('continues-skipped-test', snippet, `line ${line} continues a skipped test, so it is skipped too`)
      }
      return this.current
    }
    this.current = { name: `${this.model.id} › ${snippet.position.file}:${line}`, steps: [], teardown: [] }
    this.tests.push(this.current)
    this.columns.set(this.current, snippet.position.column)
    return this.current
  }

  /**
   * The steps of named setups or teardowns, or why the test cannot run (reported). Without any setups file a
   * named setup is a warning: the docs name setups their build defines elsewhere.
   */
  private named(snippet: Snippet, kind: 'setup' | 'teardown', names: string[]): ReplayStep[] | string {
    const steps: ReplayStep[] = []
    for (const name of names) {
      const script = this.script(kind, name)
      if (script === undefined && kind === 'setup' && !this.hasSetups()) {
        this.report('unknown-setup', snippet, `setup "${name}" cannot be run: no setups file was given (--setups); the test is skipped`, 'warning')
        return `setup "${name}" needs a setups file`
      }
      if (script === undefined) {
        this.report(kind === 'setup' ? 'unknown-setup' : 'unknown-teardown', snippet, `${kind} "${name}" is not defined in the ${kind}s file`)
        return `${kind} "${name}" is not defined`
      }
      if (typeof script !== 'string' && 'unusable' in script) return script.unusable
      if (typeof script !== 'string') {
        // Kept once per page file and referred to by key: a build.gradle setup may hold thousands of documents.
        const key = scriptKey(script.steps, name)
        ;(this.page.scripts ??= {})[key] = script.steps
        steps.push({ kind: 'script', script: key })
        continue
      }
      // Lines of a named script count from 1 within the script.
      const parsed = parseConsole(script, positionAtLines(this.model.file, 1))
      steps.push(...parsed.requests.map((request) => toStep(ordered({ ...fromModel(request, this.model.file), from: name }))))
    }
    return steps
  }

  /** A named script: from the first source whose tree holds the page, else from the first that defines it. */
  private script(kind: 'setup' | 'teardown', name: string): NamedScript | string | undefined {
    const table = (source: ScriptSource) => (kind === 'setup' ? source.setups : source.teardowns)
    const own = this.scripts.find((source) => source.covers?.(this.model.file) && Object.hasOwn(table(source), name))
    const any = own ?? this.scripts.find((source) => Object.hasOwn(table(source), name))
    return any && table(any)[name]
  }

  /** Whether any setups were given at all (a setups file, or setups handed to the emitter). */
  private hasSetups(): boolean {
    return this.scripts.some((source) => !source.teardownsOnly)
  }
}

type Report = (rule: RuleId, snippet: Snippet, message: string, severity?: Severity) => void

const UNUSABLE_SUBSTITUTION = 'a substitution cannot be applied'

/**
 * Applies a snippet's substitutions to its contents as the doc tests build them (callouts removed); undefined
 * (reported) when a pattern cannot run in JavaScript.
 */
function substitute(snippet: Snippet, substitutions: readonly Substitution[], report: Report): string | undefined {
  const result = applySubstitutions(snippetContents(snippet.text), substitutions)
  if (!result.ok) {
    report('invalid-substitution', snippet, `a substitution cannot be applied: ${result.message}`)
    return undefined
  }
  // `startyaml … endyaml` holds doc-test YAML steps (docs/README.asciidoc), often added by a substitution:
  // they are no console text, and left in they turn the request body into text no server accepts.
  const text = result.text.replace(/^startyaml\n[\s\S]*?^endyaml$\n?/gm, '')
  if (text !== result.text) report('yaml-not-replayed', snippet, `the doc-test YAML steps (startyaml … endyaml) of the snippet at line ${snippet.position.line} are not replayed`)
  return text
}

/**
 * The requests of a request snippet, with substitutions, `catch:` and `warning:` applied; undefined when
 * a substitution cannot be applied.
 */
function snippetRequests(snippet: Snippet, options: TestOptions | undefined, report: Report, pageFile: string): ReplayRequest[] | undefined {
  const substitutions = options?.substitutions ?? []
  const replayed = (request: ConsoleRequest) => fromModel(request, pageFile, snippet.target)
  let requests = snippet.requests.map(replayed)
  // A NOTCONSOLE snippet has no requests in the model, yet the doc tests run it when it is a TESTSETUP or
  // TEARDOWN (pages hide their setup in a comment block that way): its text is read here.
  const hidden = requests.length === 0 && (snippet.testSetup || snippet.teardown)
  if (substitutions.length > 0 || hidden || /^startyaml$/m.test(snippet.text)) {
    const text = substitute(snippet, substitutions, report)
    if (text === undefined) return undefined
    const parse = snippet.target === 'kibana' ? parseKibana : parseConsole
    requests = parse(text, positionAtLines(snippet.position.file, snippet.position.line)).requests.map(replayed)
  }
  if (requests.length === 0) {
    report('no-requests', snippet, `the snippet at line ${snippet.position.line} holds no request to replay`)
    return []
  }
  for (const request of requests) request.warnings = [...(options?.warnings ?? [])]
  if (options?.catch !== undefined) {
    if (!isKnownCatch(options.catch)) report('unknown-catch', snippet, `catch:${options.catch} is not a known error class`)
    if (requests.length > 1) {
      report('catch-last-request-only', snippet, `catch:${options.catch} applies to the last of ${requests.length} requests only; the others must succeed`)
    }
    requests[requests.length - 1]!.catch = options.catch
  }
  return requests
}

/** A request of the page; `file` is set when it is written in another file (an include). */
function fromModel(request: ConsoleRequest, pageFile: string, target?: SnippetTarget): ReplayRequest {
  const file = request.position.file !== pageFile ? { file: request.position.file } : {}
  const replay: ReplayRequest = { line: request.position.line, ...file, method: request.method, path: request.path, query: { ...request.query } }
  if (target === 'kibana') replay.target = target
  if (request.headers) replay.headers = { ...request.headers }
  const body = request.body
  const exact = body ? exactBodyText(body) : undefined
  if (body?.kind === 'json' && body.json !== undefined) replay.body = { kind: 'json', json: body.json, ...(exact !== undefined && { exact }) }
  else if (body?.kind === 'ndjson' && Array.isArray(body.json)) replay.body = { kind: 'ndjson', lines: body.json, ...(exact !== undefined && { exact }) }
  // Text, or JSON that does not parse: sent as written, as the doc tests would.
  else if (body) replay.body = { kind: 'text', text: replaceTripleQuotes(body.raw) }
  return replay
}

/** Fixed key order, so generated files read the same whichever parser produced the request. */
function ordered({ line, file, method, path, query, target, headers, body, from, catch: expectError, warnings }: ReplayRequest): ReplayRequest {
  return {
    line,
    ...(file !== undefined && { file }),
    method,
    path,
    query,
    ...(target && { target }),
    ...(headers && { headers }),
    ...(body && { body }),
    ...(from !== undefined && { from }),
    ...(expectError !== undefined && { catch: expectError }),
    ...(warnings && { warnings }),
  }
}

function toStep(request: ReplayRequest): ReplayStep {
  return { kind: 'request', ...request }
}

/**
 * What `TESTRESPONSE[_cat]` and `TESTRESPONSE[non_json]` add after the page's own substitutions (the doc
 * build's SnippetsTask): the text becomes a `/…/` pattern in which runs of spaces match any white space and
 * line ends any blanks. The YAML runner then matches it with Java's COMMENTS flag, somewhere in the answer.
 */
const CAT_SUBSTITUTIONS: readonly Substitution[] = [
  { pattern: '^', replacement: '/' },
  { pattern: '\n$', replacement: '\\\\s*/' },
  { pattern: '( +)', replacement: '$1\\\\s+' },
  { pattern: '\n', replacement: '\\\\s*\\n ' },
]

/** The doc tests' pattern for a `_cat` or `non_json` response (without its slashes), or why it cannot run. */
export function catPatternSource(text: string): { ok: true; source: string } | { ok: false; message: string } {
  // Blank lines around the text are not part of the answer the page shows.
  const withEnd = text.replace(/^(?:[ \t]*\n)+/, '').replace(/\s*$/, '') + '\n'
  const result = applySubstitutions(withEnd, CAT_SUBSTITUTIONS)
  if (!result.ok) return result
  const source = result.text.trim().slice(1, -1)
  try {
    compileJavaRegex(`(?x)${source}`)
    return { ok: true, source }
  } catch (error) {
    return { ok: false, message: `the response pattern is not a valid regular expression: ${(error as Error).message}` }
  }
}

function expectedResponse(snippet: Snippet, report: Report): { line: number; expected: string; mode: ResponseMode } | undefined {
  const options = snippet.testResponse
  const substituted = substitute(snippet, options?.substitutions ?? [], report)
  if (substituted === undefined) return undefined
  if (options?.cat || options?.nonJson) {
    const pattern = catPatternSource(substituted)
    if (pattern.ok) return { line: snippet.position.line, expected: pattern.source, mode: 'cat' }
    report('invalid-substitution', snippet, `${pattern.message}`)
    return undefined
  }
  const expected = substituted.trim()
  try {
    parseExpectedJson(expected)
    return { line: snippet.position.line, expected, mode: 'json' }
  } catch (error) {
    report('unparsable-response', snippet, `the response is not JSON (${(error as Error).message}); it is compared as text`)
    return { line: snippet.position.line, expected, mode: 'text' }
  }
}
