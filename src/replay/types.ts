/**
 * The data a generated replay test holds. Generated files contain only values of these types and call
 * the runtime (`docspec/replay`); keeping them plain JSON-like values makes the files deterministic and
 * lets the runner read the same facts from the manifest without executing anything.
 */
import type { HttpMethod, SnippetTarget } from '../model/types.js'

export type ReplayBody =
  | { kind: 'json'; json: unknown }
  | { kind: 'ndjson'; lines: unknown[] }
  | { kind: 'text'; text: string }

export interface ReplayRequest {
  /** Line in the page (or in the setups file for a named setup) where the request starts. */
  line: number
  method: HttpMethod
  /** Path as written, leading `/`, without the query string. */
  path: string
  /** Decoded query parameters in order of appearance. */
  query: Record<string, string>
  /** `kibana`: sent to `KIBANA_URL` with `kbn-xsrf` (a `// KIBANA` example); absent: to `ES_URL`. */
  target?: SnippetTarget
  /** Headers the example sets (`curl -H`), sent but for credentials and the body's own headers. */
  headers?: Record<string, string>
  body?: ReplayBody
  /** Name of the named setup or teardown this request comes from. */
  from?: string
  /** Expected error (`catch:` value without the prefix), for the last request of a snippet only. */
  catch?: string
  /** Expected `Warning` header texts; absent for setup and teardown requests, which are not checked. */
  warnings?: string[]
}

export type ResponseMode = 'json' | 'cat' | 'text'

export interface ReplayResponse {
  /** First line of the TESTRESPONSE snippet. */
  line: number
  /** Expected text after substitutions; for `json`, may hold bare `$body.path` references. */
  expected: string
  mode: ResponseMode
}

export type ReplayStep = ({ kind: 'request' } & ReplayRequest) | ({ kind: 'response' } & ReplayResponse)

export interface ReplayPage {
  id: string
  /** Page path relative to the docs root, for `file:line` in messages. */
  file: string
  /** `// TESTSETUP` requests, run before every test of the page. */
  setup: ReplayRequest[]
  /** `// TEARDOWN` requests, run after every test of the page. */
  teardown: ReplayRequest[]
}

/** One line of the manifest written beside the generated tests. */
export interface ManifestPage {
  id: string
  file: string
  /** Test file path relative to the manifest. */
  test: string
  /** Requests that change state (`PUT`, `POST`, `DELETE`, `PATCH`), as `METHOD /path (file:line)`. */
  writes: string[]
  /** Those of `writes` sent to Kibana (`KIBANA_URL`), when there are any. */
  kibanaWrites?: string[]
}

export interface ReplayManifest {
  generatedBy: 'docspec'
  pages: ManifestPage[]
}

export const MANIFEST_NAME = 'manifest.json'

export const WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(['PUT', 'POST', 'DELETE', 'PATCH'])
