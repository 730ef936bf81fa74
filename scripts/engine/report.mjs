/**
 * The verify:engine report: outcomes per chapter and every failure classified as
 *   engine  — the engine differs from Elasticsearch 7.10 (an x-pack API or type, a module Maven
 *             Central does not publish, OpenSearch's own names, mapping types removed in 2.x);
 *   page    — the page is wrong (its example cannot pass on any 7.10 server);
 *   docspec — docspec is wrong (matching, substitutions, setups, clean state);
 *   unclassified — not yet looked at.
 * Rules read the failure message; `hand` holds decisions taken by reading a failure (test name →
 * class, reason, note) and wins over the rules.
 */

/** Elasticsearch 7.10 APIs that exist only in the default (x-pack) distribution. */
const XPACK_PATH = /^\/?(_xpack|_ml|_security|_license|_ilm|_slm|_rollup|_transform|_data_frame|_sql|_eql|_ccr|_enrich|_watcher|_graph|_searchable_snapshots|_autoscaling|_async_search|_monitoring|_migration|_ssl|_text_structure|_logstash|_snapshot_lifecycle|_frozen|_pit|[^/]*\/_(ilm|ccr|rollup|freeze|unfreeze|graph|eql|xpack|searchable_snapshots|async_search|ml|rollup_search|reload_search_analyzers|pit)\b|_snapshot\/[^/]+\/[^/]+\/_mount\b|_template\/\.monitoring)/
/** Field types of 7.10's x-pack (OpenSearch 2 has `flat_object` for `flattened`, none of the others). */
const XPACK_TYPES = /No handler for type \[(flattened|shape|point|wildcard|constant_keyword|histogram|aggregate_metric_double|version|dense_vector|sparse_vector|unsigned_long)\]/
/** Aggregations of 7.10's x-pack analytics plugin. */
const XPACK_AGGS = /Unknown aggregation type \[(string_stats|top_metrics|boxplot|t_test|rate|inference|cumulative_cardinality|moving_percentiles|normalize|geo_line)\]/

const RULES = [
  { klass: 'engine', reason: 'x-pack API (not in OpenSearch)', test: (m, path) => XPACK_PATH.test(path ?? '') || /no handler found for uri \[\/?_(xpack|ml|security|license|ilm|slm|rollup|transform|sql|eql|ccr|enrich|watcher|graph|autoscaling|async_search)/.test(m) },
  { klass: 'engine', reason: 'x-pack field type or aggregation', test: (m) => XPACK_TYPES.test(m) || XPACK_AGGS.test(m) || /unknown setting \[(xpack|index\.lifecycle)\./.test(m) || /unknown query \[pinned\]/.test(m) || /setting \[xpack\.[^\]]*\], not recognized/.test(m) },
  { klass: 'engine', reason: 'module not on Maven Central: ingest-common', test: (m, path) => /No processor type exists with name \[/.test(m) || /^\/?_ingest\/processor\//.test(path ?? '') },
  { klass: 'engine', reason: 'module not on Maven Central: geo', test: (m) => /No handler for type \[geo_shape\]|invalid source type: (geotile_grid|geohash_grid)|Unknown aggregation type \[(geo_bounds|geo_centroid|geohash_grid|geotile_grid)\]/.test(m) },
  { klass: 'engine', reason: 'module not on Maven Central: lang-expression', test: (m) => /script_lang not supported \[expression\]/.test(m) },
  { klass: 'engine', reason: 'mapping types removed in OpenSearch 2', test: (m, path) => /unknown field \[_type\]|"_type"|invalid_type_name|\[types removal\]|Types cannot be provided|include_type_name|nested under a type|unknown query \[type\]|No mapping found for \[_type\]/.test(m) || (/no handler found for uri/.test(m) && /^\/[^_/][^/]*\/[^_/][^/]*(\/[^/]*)?$/.test(path ?? '')) || /^\/[^_/][^/]*\/_doc\/_(bulk|mget)$|^\/[^_/][^/]*\/_mapping\/[^_/]/.test(path ?? '') },
  { klass: 'engine', reason: 'painless extensions of analysis-common not loaded (classpath plugins)', test: (m) => /\[token\] is of unknown type \[org\.opensearch\.analysis\.common/.test(m) },
  { klass: 'engine', reason: 'test-cluster config file not in the book (hunspell dictionary)', test: (m) => /Failed to load hunspell dictionary/.test(m) },
  { klass: 'engine', reason: "7.10's deprecation warnings not sent (OpenSearch 2.19 answers boost, common terms, moving_avg without a Warning header)", test: (m) => /^missing warning: /m.test(m) },
  { klass: 'engine', reason: 'OpenSearch answers with fields 7.10 has not', test: (m) => /first difference at \S+: unexpected/.test(m) && /^\+.*"(remote_store\w*|cluster_manager\w*|discovered_cluster_manager|(inbound|outbound)_network_time_in_millis|isSearchableSnapshot|remoteStoreIndexShallowCopy|index\.replication\.type)"/m.test(m) },
  { klass: 'engine', reason: "x-pack's data tiers (index.routing.allocation.include._tier_preference)", test: (m) => /^-.*_tier_preference/m.test(m) },
  { klass: 'engine', reason: 'OpenSearch has no build_flavor', test: (m) => /first difference at \S*build_flavor: missing/.test(m) },
  { klass: 'engine', reason: "OpenSearch's own node attribute (shard_indexing_pressure_enabled)", test: (m) => /^\+.* shard_indexing_pressure_enabled true$/m.test(m) },
  { klass: 'engine', reason: "the doc-test cluster's keystore (x-pack distribution) is not set up", test: (m) => /Keystore is missing/.test(m) },
  { klass: 'engine', reason: 'OpenSearch naming and version', test: (m) => /^response does not match/.test(m) && /^[-+].*(opensearch|cluster_manager|OpenSearch|"2\.19\.\d|7\.10\.\d)/m.test(m) },
  { klass: 'docspec', reason: 'a body that is not JSON sent as text/plain', test: (m) => /Content-Type header \[text\/plain\] is not supported/.test(m) },
  { klass: 'docspec', reason: 'clean state: a resource an earlier test made is still there', test: (m) => /resource_already_exists_exception|version_conflict_engine_exception[^\n]*document already exists|invalid_snapshot_name_exception[^\n]*already exists|repository_exception[^\n]*already exists/.test(m) },
]

/** The request a failure message names first (`PUT /x/_doc/1 (file:line): …`), if any. */
export function failedRequestPath(message) {
  const match = /^(GET|PUT|POST|DELETE|HEAD|PATCH) (\S+)/m.exec(message ?? '')
  return match?.[2]
}

/** `{ klass, reason, note? }` for a failed test. */
export function classify(test, hand = {}) {
  const decided = hand[test.name]
  if (decided) return { klass: decided.class, reason: decided.reason, ...(decided.note ? { note: decided.note } : {}) }
  const message = test.message ?? ''
  const path = failedRequestPath(message)
  for (const rule of RULES) if (rule.test(message, path)) return { klass: rule.klass, reason: rule.reason }
  return { klass: 'unclassified', reason: 'not yet looked at' }
}

/**
 * Why a test fails on the embedded server, which answers every request with an example of the pages (the one
 * sending that very request, else the endpoint's closest) and keeps no state: the pages' own gaps, or what a
 * stateless server cannot do. Classes: `page` (the pages do not document what the test sends, or an example
 * disagrees with its own TESTRESPONSE), `embedded` (a limit of answering from examples).
 */
const EMBEDDED_RULES = [
  { klass: 'page', reason: 'a path or method no API page documents (typed APIs, POST /{index}/_doc/{id}, PUT _bulk, a misspelt request line)', test: (m) => /answered 40[45]\n[\s\S]*(no handler found for uri|Incorrect HTTP method)/.test(m) },
  { klass: 'page', reason: 'a query parameter the API page does not document', test: (m) => /contains unrecognized parameters?: /.test(m) },
  { klass: 'embedded', reason: "a build.gradle setup reads what the documented answer does not hold (the node's master_node)", test: (m) => /^setup \S+, [^:]*build\.gradle:\d+: (set|is_true|is_false|match|length)\b/.test(m) },
  { klass: 'page', reason: "a _cat or non_json example does not match its own TESTRESPONSE pattern (written for the test cluster)", test: (m) => /\(as the doc tests match _cat and non_json text\)/.test(m) },
  { klass: 'embedded', reason: 'deprecation warnings differ', test: (m) => /^(missing|unexpected) warning: /m.test(m) },
  { klass: 'embedded', reason: "the answer depends on state (documents indexed, a job paused) or is another example's: the server keeps none", test: (m) => /^response does not match TESTRESPONSE/.test(m) },
]

/** `{ klass, reason }` for a test failed on the embedded server. */
export function classifyEmbedded(test) {
  const message = test.message ?? ''
  for (const rule of EMBEDDED_RULES) if (rule.test(message)) return { klass: rule.klass, reason: rule.reason }
  return { klass: 'unclassified', reason: 'not yet looked at' }
}

/** The file a test's snippet is written in, from its name (`page-id › docs/reference/x.asciidoc:12`). */
export function fileOfTest(name) {
  const match = / › (.+?):\d+(?::\d+)?$/.exec(name)
  return match?.[1]
}

/** The chapter of a page file: the folder under docs/reference it sits in, or the file itself. */
export function chapterOf(file) {
  const inside = file.replace(/^(docs\/)?reference\//, '')
  const slash = inside.indexOf('/')
  return slash === -1 ? inside : inside.slice(0, slash)
}

/**
 * Per-run figures. `runs` maps a run name (e.g. `engine`, `embedded`) to `{ tests: [{ name, state, message }] }`
 * as `docspec replay --reporter json` writes them; a test's chapter comes from the file its name gives.
 * Returns totals and per-chapter counts of each run, and the classified failures of the runs in `classifyRuns`
 * (by `classifiers[run]` when given, else by the engine rules and `hand`).
 */
export function summarize(runs, { hand = {}, classifyRuns = Object.keys(runs), classifiers = {} } = {}) {
  const chapters = new Map()
  const totals = {}
  const failures = {}
  for (const [run, result] of Object.entries(runs)) {
    totals[run] = { passed: 0, failed: 0, skipped: 0 }
    failures[run] = []
    for (const test of result.tests) {
      const page = fileOfTest(test.name) ?? test.file ?? test.name
      const chapter = chapterOf(page)
      const row = chapters.get(chapter) ?? {}
      row[run] ??= { passed: 0, failed: 0, skipped: 0 }
      row[run][test.state]++
      chapters.set(chapter, row)
      totals[run][test.state]++
      if (test.state !== 'failed' || !classifyRuns.includes(run)) continue
      const classified = classifiers[run] ? classifiers[run](test) : classify(test, hand)
      failures[run].push({ name: test.name, page, chapter, ...classified, message: trim(test.message) })
    }
  }
  const classes = {}
  for (const [run, list] of Object.entries(failures)) {
    const counts = {}
    for (const failure of list) {
      const key = `${failure.klass}: ${failure.reason}`
      counts[key] ??= { klass: failure.klass, reason: failure.reason, count: 0, examples: [] }
      counts[key].count++
      if (counts[key].examples.length < 2) counts[key].examples.push(failure)
    }
    classes[run] = Object.values(counts).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1))
  }
  const byChapter = [...chapters].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([chapter, row]) => ({ chapter, ...row }))
  return { totals, chapters: byChapter, classes, failures }
}

function trim(message = '') {
  const lines = message.split('\n')
  const text = lines.slice(0, 12).join('\n')
  return text.length > 1200 ? `${text.slice(0, 1200)}…` : text
}

const cell = (counts) => (counts ? `${counts.passed} / ${counts.failed} / ${counts.skipped}` : '–')

/** The Markdown report: figures side by side, classes with two examples, then the chapters. */
export function formatMarkdown(summary, { title, runs, notes = [] }) {
  const out = [`# ${title}`, '']
  for (const note of notes) out.push(`- ${note}`)
  if (notes.length) out.push('')
  out.push('| run | passed | failed | skipped |', '| --- | ---: | ---: | ---: |')
  for (const run of runs) {
    const t = summary.totals[run.key]
    if (t) out.push(`| ${run.label} | ${t.passed} | ${t.failed} | ${t.skipped} |`)
  }
  out.push('')
  for (const run of runs) {
    const classes = summary.classes[run.key]
    if (!classes?.length) continue
    out.push(`## Failures on ${run.label}, by class`, '', '| class | reason | failures |', '| --- | --- | ---: |')
    for (const c of classes) out.push(`| ${c.klass} | ${c.reason} | ${c.count} |`)
    out.push('')
    for (const c of classes) {
      out.push(`### ${c.klass}: ${c.reason} (${c.count})`, '')
      for (const example of c.examples) {
        out.push(`- \`${example.name}\` (${example.page})${example.note ? ` — ${example.note}` : ''}`, '', '  ```', ...example.message.split('\n').map((l) => `  ${l}`), '  ```', '')
      }
    }
  }
  out.push('## Per chapter (passed / failed / skipped)', '', `| chapter | ${runs.map((r) => r.label).join(' | ')} |`, `| --- | ${runs.map(() => '---').join(' | ')} |`)
  for (const row of summary.chapters) out.push(`| ${row.chapter} | ${runs.map((r) => cell(row[r.key])).join(' | ')} |`)
  return out.join('\n') + '\n'
}
