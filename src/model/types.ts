/**
 * The endpoint model: the one contract between docspec's stages.
 *
 * `extract` produces one `PageModel` per AsciiDoc page; `emit/*`, `replay/` and `serve/` read it and
 * never the AsciiDoc. `schema.json` beside this file is the same contract as a JSON Schema; keep the two
 * in step (the test suite validates every fixture model against the schema).
 */

import type { RuleId, Severity } from './rules.js'

export type { RuleId, Severity } from './rules.js'

/** Bumped whenever the shape below changes incompatibly; part of every cache key. */
export const MODEL_VERSION = 1

/** A place in a source file. `file` is relative to the docs root, with `/` separators; line and column start at 1. */
export interface SourcePosition {
  file: string
  line: number
  column: number
}

/** A finding about a page, travelling with the page it is about. */
export interface Diagnostic extends SourcePosition {
  severity: Severity
  /** Stable rule id, e.g. `invalid-json`, `undefined-attribute`, `reflowed` (see `rules.ts`). */
  rule: RuleId
  message: string
}

export type StabilityLevel = 'stable' | 'experimental' | 'beta' | 'deprecated'

export interface Stability {
  level: StabilityLevel
  /** Version given in the macro, e.g. `deprecated[7.10.0]`. */
  version?: string
  /** Text given in the macro, e.g. `deprecated[7.10.0, "Use X instead"]`. */
  note?: string
}

/** The HTTP methods a page may document, in the order the docs list them. */
export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH'] as const

export type HttpMethod = (typeof HTTP_METHODS)[number]

/** `GET|PUT|…`, for patterns that match a request line. */
export const HTTP_METHOD_PATTERN = HTTP_METHODS.join('|')

export interface Endpoint {
  method: HttpMethod
  /** Path template with a leading `/` and placeholders written `{name}`, e.g. `/_rollup/job/{job_id}/_stop`. */
  path: string
  position: SourcePosition
}

export interface Prerequisite {
  /** The requirement as plain text. */
  text: string
  /** Privileges named (cluster or index), e.g. `manage_rollup`. */
  privileges: string[]
  /** Built-in roles named, e.g. `machine_learning_admin`. */
  roles: string[]
  position: SourcePosition
}

/** How a lost placeholder name was filled in (damaged pages). */
export interface Recovery {
  /** `evidence`: the page names it elsewhere; `neutral`: nothing to go on, a neutral name was used. */
  kind: 'evidence' | 'neutral'
  /** What the name was recovered from, in words. */
  from: string
}

export interface Param {
  name: string
  /**
   * A body or response property written as a placeholder (`<node_id>`): the keys of the object holding
   * it are values (node ids, the `create` or `index` of a bulk item), not this name.
   */
  placeholder?: boolean
  required: boolean
  /** The type as documented (`string`, `boolean`, `TimeValue`, `integer`, `array of strings`, …). */
  type?: string
  /**
   * Allowed values when the text gives them ("one of `a`, `b`", "Valid values: `a`, `b`", a list of
   * values, or nested definitions under a scalar: `status` (string) with `green`:::, `yellow`:::, …).
   */
  values?: string[]
  /** The text allows any number besides the listed values ("Set to `all` or any positive integer"). */
  anyNumber?: boolean
  /**
   * The value takes several values: the text says it is a comma-separated list ("a comma-separated list of
   * job identifiers", "Multiple indices may be specified"), or a request line writes the placeholder as a
   * comma list of itself (`GET _transform/<transform_id>,<transform_id>`).
   */
  list?: boolean
  /**
   * The text says the property is present only in some cases ("only returned for successful
   * operations", "omitted if there are no forecasts", "For open jobs only", a response property
   * flagged `(Optional, …)`); read for response properties.
   */
  conditional?: boolean
  /** Default as stated by the text ("Defaults to `30s`" → `30s`). */
  default?: string
  /** Plain text, AsciiDoc markup and attributes resolved. */
  description: string
  deprecated?: boolean
  /** Nested properties (request or response body objects). */
  children?: Param[]
  recovered?: Recovery
  position: SourcePosition
}

export interface ResponseCode {
  code: number
  description: string
  position: SourcePosition
}

/** A substitution `s/pattern/replacement/` from `// TEST[...]` or `// TESTRESPONSE[...]`. */
export interface Substitution {
  /** A Java-flavoured regular expression, as written (escaped slashes unescaped). */
  pattern: string
  replacement: string
}

/** Options of a `// TEST[...]` or `// TESTRESPONSE[...]` marker (docs/README.asciidoc). */
export interface TestOptions {
  continued: boolean
  setup: string[]
  teardown: string[]
  skip?: string
  /** `catch:request`, `catch:missing`, `catch:/regex/` … */
  catch?: string
  warnings: string[]
  substitutions: Substitution[]
  /** `_cat`: compare as a whitespace-tolerant `_cat` table. */
  cat: boolean
  /** `non_json`: compare as text. */
  nonJson: boolean
  /** Options docspec does not know, kept verbatim. */
  unknown: string[]
}

export type BodyKind = 'json' | 'ndjson' | 'text'

export interface RequestBody {
  kind: BodyKind
  /** The body text as written in the snippet (triple-quoted strings kept). */
  raw: string
  /** Parsed value: a JSON value (`json`), an array of JSON values (`ndjson`), absent for `text` or invalid JSON. */
  json?: unknown
}

/** One request of a console snippet, or of a Kibana example (`curl` command or bare request line). */
export interface ConsoleRequest {
  method: HttpMethod
  /** Path as written, with a leading `/`, without the query string and without a host (`localhost:5601`). */
  path: string
  /** Decoded query parameters, in order of appearance. A flag without a value maps to `""`. */
  query: Record<string, string>
  /**
   * Headers the example sets (`curl -H 'kbn-xsrf: true'`), names lower-cased, in order; absent when it sets
   * none. Console requests never set any.
   */
  headers?: Record<string, string>
  body?: RequestBody
  position: SourcePosition
}

/** The service a snippet's requests go to; Elasticsearch unless a marker says otherwise. */
export type SnippetTarget = 'elasticsearch' | 'kibana'

export type SnippetRole =
  /** A console request snippet (`// CONSOLE`, `[source,console]` or `// TEST`). */
  | 'request'
  /** A response to match (`// TESTRESPONSE` or `[source,console-result]`). */
  | 'response'
  /** Anything else (`// NOTCONSOLE`, plain `[source,js]`, other languages). */
  | 'other'

export interface Snippet {
  /** Order on the page, from 0. */
  index: number
  role: SnippetRole
  /** The source language: `js`, `console`, `console-result`, `json`, `sh`, … */
  language: string
  /** The snippet's text as written (attributes not substituted). */
  text: string
  /** First line of the snippet's content. */
  position: SourcePosition
  /** Line of the last marker comment after the block (or of the block's closing delimiter). */
  endLine: number
  /** Marker comments found after the block, verbatim and in order. */
  markers: string[]
  console: boolean
  notConsole: boolean
  /** `// TESTSETUP`: runs before each test of the page. */
  testSetup: boolean
  /** `// TEARDOWN`: runs after each test of the page. */
  teardown: boolean
  /**
   * `kibana` for a `// KIBANA` snippet (Kibana's HTTP API: `curl … api/…` or `GET api/…`, replayed against
   * `KIBANA_URL` with `kbn-xsrf`), and for the response shown after one; absent for Elasticsearch.
   */
  target?: SnippetTarget
  /** Options from `// TEST[...]` (present when the marker is). */
  test?: TestOptions
  /**
   * Options from `// TESTRESPONSE[...]` (present when the marker is). On a response snippet they also hold
   * the substitutions and skip of its `// TEST[...]` lines, in the order written, as the doc build reads them.
   */
  testResponse?: TestOptions
  /** Requests parsed from a request snippet, in order. */
  requests: ConsoleRequest[]
  /** Parsed response body of a response snippet (absent when it is not JSON). */
  responseJson?: unknown
  /** For a response snippet: index of the request snippet it answers. */
  answers?: number
}

export interface PageModel {
  /** The model version this page was produced with. */
  modelVersion: number
  /** Path of the page relative to the docs root, with `/` separators. */
  file: string
  /** The page's `[[anchor]]` id (the docs' page id). */
  id: string
  /** Page title, attributes resolved. */
  title: string
  titleabbrev?: string
  role?: string
  testenv?: string
  stability: Stability
  /** Plain-text description of what the API does. */
  description: string
  endpoints: Endpoint[]
  prerequisites: Prerequisite[]
  pathParams: Param[]
  queryParams: Param[]
  bodyParams: Param[]
  responseBody: Param[]
  /**
   * The response body section documents the elements of an array ("The API returns an array of bucket
   * objects, which have the following properties:"): `responseBody` describes one element, and `of`
   * names it as the page does (`bucket objects`).
   */
  responseArray?: { of: string; position: SourcePosition }
  responseCodes: ResponseCode[]
  examples: Snippet[]
  /**
   * What the file is when it is no API page: `book` (a book's root) or `container` (a chapter or section
   * index, which includes pages of the run whole). Absent for a page. Either keeps its own sections and
   * snippets, and takes no endpoints from its examples.
   */
  kind?: 'book' | 'container'
  /** The book that includes the page (or is the page), relative to the docs root; absent when no book does. */
  book?: string
  diagnostics: Diagnostic[]
}
