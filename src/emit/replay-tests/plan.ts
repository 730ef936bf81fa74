/**
 * Turns a page's snippets into replay tests with the docs build's rules: a request snippet starts a test,
 * `TEST[continued]` chains onto the previous one, a response checks the last answer of the test holding
 * the snippet it answers, `TESTSETUP`/`TEARDOWN` wrap every test, and named setups come from a setups file.
 */
import { snippetContents } from '../../console/callouts.js'
import { positionAtLines } from '../../console/position.js'
import { parseKibana } from '../../console/kibana.js'
import { parseConsole } from '../../console/requests.js'
import { applySubstitutions } from '../../console/substitute.js'
import { replaceTripleQuotes } from '../../console/triple-quotes.js'
import { diagnostic } from '../../model/diagnostic.js'
import type { ConsoleRequest, Diagnostic, PageModel, RuleId, Severity, Snippet, SnippetTarget, Substitution, TestOptions } from '../../model/types.js'
import { isKnownCatch } from '../../replay/expect.js'
import { parseExpectedJson } from '../../replay/match.js'
import type { ReplayPage, ReplayRequest, ReplayStep, ResponseMode } from '../../replay/types.js'

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

export interface NamedScripts {
  /** Undefined when no setups file was given: a named setup then skips its test with a warning. */
  setups?: Record<string, string>
  teardowns: Record<string, string>
}

/** Plans the tests of one page; `plan` is absent when the page has nothing to replay. */
export function planPage(model: PageModel, scripts: NamedScripts): { plan?: PagePlan; diagnostics: Diagnostic[] } {
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
    private readonly scripts: NamedScripts,
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
    const requests = (snippetRequests(snippet, snippet.test, this.report) ?? []).map(({ warnings: _, ...request }) => ordered(request))
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
      if (response) test.steps.push({ kind: 'response', ...response })
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
    for (const named of [setup, teardown]) if ('missing' in named) test.skip ??= named.missing
    const requests = snippetRequests(snippet, options, this.report)
    if (!requests) test.skip ??= UNUSABLE_SUBSTITUTION
    test.steps.push(...[...('requests' in setup ? setup.requests : []), ...(requests ?? [])].map((r) => toStep(ordered(r))))
    test.teardown.push(...('requests' in teardown ? teardown.requests : []).map(ordered))
    this.testOf.set(snippet.index, test)
  }

  finish(): { plan?: PagePlan; diagnostics: Diagnostic[] } {
    const { tests } = this
    // Damaged pages can hold several snippets on one line; the column then tells their tests apart.
    const shared = tests.filter((test) => tests.some((other) => other !== test && other.name === test.name))
    for (const test of shared) test.name += `:${this.columns.get(test)}`
    for (const test of tests) if (test.skip !== undefined) test.name += ` (skipped: ${test.skip})`
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
    this.current = { name: `${this.model.id} › line ${line}`, steps: [], teardown: [] }
    this.tests.push(this.current)
    this.columns.set(this.current, snippet.position.column)
    return this.current
  }

  /**
   * The requests of named setups or teardowns, or why the test is skipped (reported) when one is not defined.
   * Without a setups file a named setup is a warning: the docs name setups their build defines elsewhere.
   */
  private named(snippet: Snippet, kind: 'setup' | 'teardown', names: string[]): { requests: ReplayRequest[] } | { missing: string } {
    const table = kind === 'setup' ? this.scripts.setups : this.scripts.teardowns
    const requests: ReplayRequest[] = []
    for (const name of names) {
      const text = table?.[name]
      if (text === undefined && !table) {
        this.report('unknown-setup', snippet, `setup "${name}" cannot be run: no setups file was given (--setups); the test is skipped`, 'warning')
        return { missing: `setup "${name}" needs a setups file` }
      }
      if (text === undefined) {
        this.report(kind === 'setup' ? 'unknown-setup' : 'unknown-teardown', snippet, `${kind} "${name}" is not defined in the ${kind}s file`)
        return { missing: `${kind} "${name}" is not defined` }
      }
      // Lines of a named script count from 1 within the script.
      const parsed = parseConsole(text, positionAtLines(this.model.file, 1))
      requests.push(...parsed.requests.map((request) => ({ ...fromModel(request), from: name })))
    }
    return { requests }
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
function snippetRequests(snippet: Snippet, options: TestOptions | undefined, report: Report): ReplayRequest[] | undefined {
  const substitutions = options?.substitutions ?? []
  const replayed = (request: ConsoleRequest) => fromModel(request, snippet.target)
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

function fromModel(request: ConsoleRequest, target?: SnippetTarget): ReplayRequest {
  const replay: ReplayRequest = { line: request.position.line, method: request.method, path: request.path, query: { ...request.query } }
  if (target === 'kibana') replay.target = target
  if (request.headers) replay.headers = { ...request.headers }
  const body = request.body
  if (body?.kind === 'json' && body.json !== undefined) replay.body = { kind: 'json', json: body.json }
  else if (body?.kind === 'ndjson' && Array.isArray(body.json)) replay.body = { kind: 'ndjson', lines: body.json }
  // Text, or JSON that does not parse: sent as written, as the doc tests would.
  else if (body) replay.body = { kind: 'text', text: replaceTripleQuotes(body.raw) }
  return replay
}

/** Fixed key order, so generated files read the same whichever parser produced the request. */
function ordered({ line, method, path, query, target, headers, body, from, catch: expectError, warnings }: ReplayRequest): ReplayRequest {
  return {
    line,
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

function expectedResponse(snippet: Snippet, report: Report): { line: number; expected: string; mode: ResponseMode } | undefined {
  const options = snippet.testResponse
  const expected = substitute(snippet, options?.substitutions ?? [], report)?.trim()
  if (expected === undefined) return undefined
  // non_json adds the substitutions that make the response a whitespace-tolerant regex, as _cat does
  // (docs/README.asciidoc): the pages' own substitutions put \d+ and .+ into it.
  let mode: ResponseMode = options?.cat || options?.nonJson ? 'cat' : 'json'
  if (mode === 'json') {
    try {
      parseExpectedJson(expected)
    } catch (error) {
      report('unparsable-response', snippet, `the response is not JSON (${(error as Error).message}); it is compared as text`)
      mode = 'text'
    }
  }
  return { line: snippet.position.line, expected, mode }
}
