/**
 * The data a generated replay test holds. Generated files contain only values of these types and call
 * the runtime (`docspec/replay`); keeping them plain JSON-like values makes the files deterministic and
 * lets the runner read the same facts from the manifest without executing anything.
 */
import type { HttpMethod, SnippetTarget } from '../model/types.js'

/**
 * `exact` is the body as written (compact) when it holds an integer a JavaScript number cannot hold exactly
 * (18446744073709551615): it is sent in place of the serialized value unless a reference changes the body.
 */
export type ReplayBody =
  | { kind: 'json'; json: unknown; exact?: string }
  | { kind: 'ndjson'; lines: unknown[]; exact?: string }
  | { kind: 'text'; text: string }

export interface ReplayRequest {
  /** Line in the page (or in the setups file for a named setup) where the request starts. */
  line: number
  /** The file it is written in, relative to the docs root, when not the page's own (an include, a build.gradle). */
  file?: string
  method: HttpMethod
  /** Path as written, leading `/`, without the query string. */
  path: string
  /** Decoded query parameters in order of appearance. */
  query: Record<string, string>
  /** `kibana`: sent to `KIBANA_URL` with `kbn-xsrf` (a `// KIBANA` example); absent: to `ES_URL`. */
  target?: SnippetTarget
  /** Headers the example sets (`curl -H`) or a REST-test step's `headers:`, sent but for credentials and the body's own. */
  headers?: Record<string, string>
  body?: ReplayBody
  /** Name of the named setup or teardown this request comes from. */
  from?: string
  /** Expected error (`catch:` value without the prefix), for the last request of a snippet only. */
  catch?: string
  /** Expected `Warning` header texts; absent for setup and teardown requests, which are not checked. */
  warnings?: string[]
}

/** Where a step of a named setup (REST-test YAML) is written. */
interface StepPlace {
  line: number
  file?: string
  from?: string
}

/** `set: {path: name}`: keeps a value of the last answer as `$name` for later steps. */
export interface ReplaySet extends StepPlace {
  /** Dotted path into the last answer (`$body` for all of it); may hold `$name` references. */
  path: string
  variable: string
}

/** `is_true`, `is_false`, `match`, `length`, `gt`, `gte`, `lt`, `lte` on a value of the last answer. */
export interface ReplayAssert extends StepPlace {
  check: 'is_true' | 'is_false' | 'match' | 'length' | 'gt' | 'gte' | 'lt' | 'lte'
  path: string
  value?: unknown
}

export type ResponseMode = 'json' | 'cat' | 'text'

export interface ReplayResponse {
  /** First line of the TESTRESPONSE snippet. */
  line: number
  /** The file it is written in, relative to the docs root, when not the page's own (an include). */
  file?: string
  /** Expected text after substitutions; for `json`, may hold bare `$body.path` references. */
  expected: string
  mode: ResponseMode
}

export type ReplayStep =
  | ({ kind: 'request' } & ReplayRequest)
  | ({ kind: 'response' } & ReplayResponse)
  | ({ kind: 'set' } & ReplaySet)
  | ({ kind: 'assert' } & ReplayAssert)
  /** The steps of a named setup, kept once in the page's `scripts` (build.gradle setups can be long). */
  | { kind: 'script'; script: string }

/** A named setup or teardown: its steps, or why it cannot be replayed (said with the file and line). */
export type NamedScript = { steps: ReplayStep[] } | { unusable: string }

/** One setups file's named setups and teardowns (steps, or console text), and the pages it is for first. */
export interface ScriptSource {
  setups: Record<string, NamedScript | string>
  teardowns: Record<string, NamedScript | string>
  /** Whether a page (its file relative to the docs root) is in this source's own tree. */
  covers?: (file: string) => boolean
  /** Only teardowns were given: a named setup then needs a setups file (a warning, not an error). */
  teardownsOnly?: boolean
}

export interface ReplayPage {
  id: string
  /** Page path relative to the docs root, for `file:line` in messages. */
  file: string
  /** `// TESTSETUP` requests, run before every test of the page. */
  setup: ReplayRequest[]
  /** `// TEARDOWN` requests, run after every test of the page. */
  teardown: ReplayRequest[]
  /** Named setups' steps by key, for the `script` steps of the page's tests. */
  scripts?: Record<string, ReplayStep[]>
}

/** One test of a replay data file: its steps, or why it does not run (`TEST[skip:…]`, or one docspec cannot run). */
export type ReplayTestData = { name: string; steps: ReplayStep[]; teardown?: ReplayRequest[] } | { name: string; skip: string }

/**
 * A replay data file (`replay/<group>.json`), read by the test file of the same name through `replayPages`:
 * the pages of one group and their tests, in order.
 */
export interface ReplayData {
  generatedBy: 'docspec'
  pages: { page: ReplayPage; tests: ReplayTestData[] }[]
}

/** One line of the manifest written beside the generated tests. */
export interface ManifestPage {
  id: string
  file: string
  /** Test file path relative to the manifest. */
  test: string
  /** Requests that change state (`PUT`, `POST`, `DELETE`, `PATCH`), as `METHOD /path (file:line)`. */
  writes: string[]
  /** How many tests the page has, skipped ones included. */
  tests?: number
  /** Those of `writes` sent to Kibana (`KIBANA_URL`), when there are any. */
  kibanaWrites?: string[]
}

export interface ReplayManifest {
  generatedBy: 'docspec'
  pages: ManifestPage[]
}

export const MANIFEST_NAME = 'manifest.json'

export const WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(['PUT', 'POST', 'DELETE', 'PATCH'])
