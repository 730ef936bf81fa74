/**
 * Every diagnostic rule docspec reports: its stable id, default severity, the stage that reports it and
 * what it means, in one line. Plain data: the README's Diagnostics table is generated from it (and a test
 * keeps the two in step), and every stage builds its findings through `diagnostic()` with these ids.
 * Adding a rule is one line here.
 */
export type Severity = 'error' | 'warning' | 'info'

/** The stage that reports a rule, as `src/` names it. */
export type RuleStage = 'load' | 'extract' | 'types' | 'setups' | 'replay-tests' | 'compare' | 'openapi'

export interface RuleInfo {
  stage: RuleStage
  /** Severity unless a finding gives its own (`asciidoc` takes Asciidoctor's; a few rules vary with the case). */
  severity: Severity
  /** What the rule finds, in one line. */
  description: string
}

export const RULES = {
  'empty-file': { stage: 'load', severity: 'error', description: 'The file is empty: it holds no page text.' },
  'binary-file': { stage: 'load', severity: 'error', description: 'The file is not text (NUL bytes or invalid UTF-8); it is not parsed.' },
  'unreadable-file': { stage: 'load', severity: 'error', description: 'The file cannot be read, or is no regular file (a FIFO, a device).' },
  'page-outside-root': { stage: 'load', severity: 'error', description: 'A page file inside the docs root is a symbolic link to a file outside it; it is not read.' },
  'file-too-large': { stage: 'load', severity: 'error', description: 'The file is larger than 16 MiB; it is not parsed.' },
  'utf16-file': { stage: 'load', severity: 'info', description: 'The file is UTF-16 (with its byte order mark) and is read as such.' },
  'include-not-found': { stage: 'load', severity: 'error', description: 'An `include::` target does not exist.' },
  'include-outside-root': { stage: 'load', severity: 'error', description: 'An `include::` target resolves outside the docs root; it is not read.' },
  'include-cycle': { stage: 'load', severity: 'error', description: 'An `include::` would include its own file (or nests too deep); it is skipped.' },
  'include-unresolved': { stage: 'load', severity: 'error', description: 'An `include::` target uses an attribute nobody defines.' },
  'include-too-large': { stage: 'load', severity: 'error', description: 'Includes grew the page past 250,000 lines or 10,000 include directives, or repeated included text past 128 KiB; the rest are skipped.' },
  'include-tag-missing': { stage: 'load', severity: 'warning', description: 'An `include::` asks for a `tag=` its file lacks.' },
  'line-too-long': { stage: 'load', severity: 'warning', description: 'A line is longer than 16,384 characters; only its start is read.' },
  'docs-build-stand-in': { stage: 'load', severity: 'info', description: "An `include::{docs-root}/…` of the docs build's shared files, without a docs-root: built-in values stand in for it." },
  reflowed: { stage: 'load', severity: 'warning', description: 'The page lost its newlines and was reflowed; positions still point into the original text.' },
  asciidoc: { stage: 'extract', severity: 'warning', description: "Asciidoctor's own message, at the severity Asciidoctor gives it." },
  'no-page-title': { stage: 'extract', severity: 'warning', description: 'The file has no page title: it is not a page, or damage hid its title.' },
  'missing-page-id': { stage: 'extract', severity: 'warning', description: 'The page title has no `[[id]]` anchor.' },
  'lost-markup': { stage: 'extract', severity: 'warning', description: 'The pass block under the title lost its `<titleabbrev>` element.' },
  'unclosed-titleabbrev': { stage: 'extract', severity: 'warning', description: 'The pass block holding `<titleabbrev>` lost its closing `++++`.' },
  'missing-section': { stage: 'extract', severity: 'warning', description: 'An API page has no Request section.' },
  'no-endpoint': { stage: 'extract', severity: 'warning', description: 'The Request section names no `METHOD /path` request line.' },
  'duplicate-id': { stage: 'extract', severity: 'warning', description: 'Two pages of the run declare one page id.' },
  'path-typo': { stage: 'extract', severity: 'warning', description: "A request path word is one letter away from a word of the page's id or title." },
  'undefined-attribute': { stage: 'extract', severity: 'warning', description: 'An `{attribute}` Asciidoctor leaves unresolved: nobody defines it (built-in, `--attributes`/`--attribute`, the book or the page); once per line.' },
  'missing-dlist-delimiter': { stage: 'extract', severity: 'warning', description: 'A definition lacks the `::` that makes it a definition-list entry; read as one.' },
  'unclosed-param-facts': { stage: 'extract', severity: 'warning', description: "A parameter's `(Required, type` group is never closed." },
  'unknown-param-flag': { stage: 'extract', severity: 'warning', description: "A parameter's flag is neither Required nor Optional." },
  'misplaced-param': { stage: 'extract', severity: 'warning', description: 'A path parameter is in no request path (read as a query parameter, or a name is wrong).' },
  'bad-response-code': { stage: 'extract', severity: 'warning', description: 'A Response codes entry names no HTTP status code.' },
  'body-param-in-query': { stage: 'extract', severity: 'info', description: "A GET API's scalar request-body parameter is also listed as a query parameter." },
  'lost-placeholder': { stage: 'extract', severity: 'warning', description: 'A `<name>` was lost from a path, a term or prose: where, and the name recovered with its evidence (info when only a guess).' },
  'host-in-path': { stage: 'extract', severity: 'warning', description: "A request line's path or an example's URL opens with a placeholder naming a host (`{kibana}`); kept as written." },
  'unclosed-placeholder': { stage: 'extract', severity: 'warning', description: 'A path placeholder lacks its `<` or `>`.' },
  'invalid-json': { stage: 'extract', severity: 'error', description: 'A request body is not valid JSON (exact line and column).' },
  'console-syntax': { stage: 'extract', severity: 'error', description: 'A console snippet holds a line that is no request line (a warning for text after a request path).' },
  'curl-syntax': { stage: 'extract', severity: 'warning', description: 'A `curl` example lacks its URL or the method after `-X` (an error when no request is left), or uses an option replay cannot send (`--form`, `-d @file`: info).' },
  'malformed-marker': { stage: 'extract', severity: 'error', description: 'A `// TEST[...]` or `// TESTRESPONSE[...]` marker does not parse.' },
  'delimiter-length': { stage: 'extract', severity: 'warning', description: "A listing block's closing line is not as long as its opening one: Asciidoctor runs the block on, the doc build ends it there." },
  'invalid-response-json': { stage: 'extract', severity: 'warning', description: 'A response snippet is not valid JSON.' },
  'orphan-response': { stage: 'extract', severity: 'warning', description: 'A response snippet follows no request snippet on the page.' },
  'unknown-test-option': { stage: 'extract', severity: 'warning', description: 'A `// TEST[...]` option docspec does not know; ignored.' },
  'endpoint-mismatch': { stage: 'extract', severity: 'warning', description: 'An example calls an API the page does not list, one word away from a listed one.' },
  'method-mismatch': { stage: 'extract', severity: 'warning', description: 'An example calls a listed action path with a method the page does not give it.' },
  'endpoint-from-example': { stage: 'extract', severity: 'info', description: 'An endpoint is taken from an example, as the page lists no such request line.' },
  'example-request-line': { stage: 'extract', severity: 'info', description: "A request line fills another's placeholder with values: an example, not an endpoint." },
  'unknown-type': { stage: 'types', severity: 'warning', description: "A parameter's documented type is one the types emitter does not know." },
  'duplicate-param': { stage: 'types', severity: 'warning', description: 'Two parameters of one request type share a name.' },
  'name-collision': { stage: 'types', severity: 'warning', description: "A page's type names are already taken; they get a numeric suffix." },
  'untyped-param': { stage: 'types', severity: 'info', description: 'A parameter has no documented type; typed as unknown.' },
  'setups-empty': { stage: 'setups', severity: 'error', description: 'A `--setups` file defines no named setups or teardowns.' },
  'gradle-statement': { stage: 'setups', severity: 'warning', description: 'A `build.gradle` statement naming setups is Groovy docspec does not read.' },
  'setup-unreadable': { stage: 'setups', severity: 'warning', description: "A named setup is built from what `build.gradle` does not hold (another file's data); tests using it are skipped." },
  'setup-step': { stage: 'setups', severity: 'error', description: 'A setup step cannot become a request (an API the API table lacks, a path part not given, an unknown step); the setup is not replayed.' },
  'continued-without-test': { stage: 'replay-tests', severity: 'error', description: '`TEST[continued]` has no earlier test to continue.' },
  'response-after-testsetup': { stage: 'replay-tests', severity: 'error', description: 'A `TESTRESPONSE` follows a `TESTSETUP` snippet.' },
  'invalid-substitution': { stage: 'replay-tests', severity: 'error', description: 'A `s/…/…/` substitution cannot be applied (a warning for a response snippet).' },
  'unknown-setup': { stage: 'replay-tests', severity: 'error', description: '`TEST[setup:NAME]` names a setup the `--setups` file does not define (a warning when no setups file is given; the test is skipped).' },
  'unknown-teardown': { stage: 'replay-tests', severity: 'error', description: '`TEST[teardown:NAME]` names a teardown docspec was not given.' },
  'testsetup-not-first': { stage: 'replay-tests', severity: 'warning', description: '`TESTSETUP` comes after the first test; it still runs before every test.' },
  'continues-skipped-test': { stage: 'replay-tests', severity: 'warning', description: 'A snippet continues a skipped test, so it is skipped too.' },
  'no-requests': { stage: 'replay-tests', severity: 'warning', description: 'A test snippet holds no request to replay.' },
  'response-without-request': { stage: 'replay-tests', severity: 'warning', description: 'A response answers no request snippet.' },
  'unparsable-response': { stage: 'replay-tests', severity: 'warning', description: 'A response is not JSON; it is compared as text.' },
  'unknown-catch': { stage: 'replay-tests', severity: 'warning', description: '`catch:` names no known error class.' },
  'catch-last-request-only': { stage: 'replay-tests', severity: 'info', description: '`catch:` applies to the last request of the snippet only.' },
  'response-not-replayed': { stage: 'replay-tests', severity: 'info', description: 'A response answers a snippet that is not replayed.' },
  'yaml-not-replayed': { stage: 'replay-tests', severity: 'info', description: 'Doc-test YAML steps (`startyaml … endyaml`) in a snippet are left out of the request.' },
  'spec-endpoint-unknown': { stage: 'compare', severity: 'warning', description: 'The specification does not have an endpoint the page lists.' },
  'spec-path-part-renamed': { stage: 'compare', severity: 'warning', description: 'A path placeholder the page names otherwise than the specification (`{job_id}` where it has `{id}`).' },
  'spec-param-unknown': { stage: 'compare', severity: 'warning', description: 'The specification does not know a path or query parameter the page documents.' },
  'spec-type-mismatch': { stage: 'compare', severity: 'warning', description: "A parameter's or response property's type or value list differs from the specification's." },
  'spec-required-mismatch': { stage: 'compare', severity: 'warning', description: 'A parameter or response property is required on one side and optional on the other.' },
  'spec-default-mismatch': { stage: 'compare', severity: 'warning', description: "A parameter's default differs from the specification's." },
  'spec-field-unknown': { stage: 'compare', severity: 'warning', description: "The specification's response has no property the page documents or shows." },
  'spec-endpoint-undocumented': { stage: 'compare', severity: 'info', description: 'The specification has endpoints the page does not document.' },
  'spec-param-undocumented': { stage: 'compare', severity: 'info', description: 'The specification has path or query parameters the page does not document.' },
  'spec-field-undocumented': { stage: 'compare', severity: 'info', description: "The specification's response has properties the page neither documents nor shows." },
  'openapi-duplicate-operation': { stage: 'openapi', severity: 'info', description: 'Two pages document one method and path; the OpenAPI export keeps the first.' },
  'openapi-path-renamed': { stage: 'openapi', severity: 'info', description: 'A path is exported with other placeholder names: OpenAPI takes one template per shape and one name per placeholder.' },
} as const satisfies Record<string, RuleInfo>

/** A rule id: a misspelt one fails the type check. */
export type RuleId = keyof typeof RULES

/** The rules in table order (by stage), each with its id. */
export const RULE_TABLE: readonly (RuleInfo & { id: RuleId })[] = Object.entries(RULES).map(([id, info]) => ({ id: id as RuleId, ...info }))
