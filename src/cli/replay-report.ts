/**
 * Reports of a replay: the default text (failures in full, skips grouped by reason with counts, the counts),
 * JUnit XML (one testsuite per test file, which holds the pages of a folder; testcases named
 * `page-id › file:line`, with the failure or the skip reason) for CI servers, and the summary as JSON.
 */
import type { ReplayOutcome, ReplaySummary } from '../replay/run.js'

export type ReporterName = 'default' | 'junit' | 'json'

export const REPORTERS: readonly ReporterName[] = ['default', 'junit', 'json']

/** How many skip reasons the default report lists before it sums up the rest. */
const REASONS_SHOWN = 25

export function formatReplay(summary: ReplaySummary & { embedded?: boolean }): string {
  const lines: string[] = []
  for (const test of summary.tests.filter((t) => t.state === 'failed')) lines.push(`FAIL ${test.name}\n${indent(test.message ?? '')}`)
  for (const error of summary.errors) lines.push(`ERROR ${error}`)
  if (summary.refused) lines.push(`REFUSED ${summary.refused}`)
  if (summary.unreachable) lines.push(`UNREACHABLE ${summary.unreachable}`)
  const total = summary.passed + summary.failed + summary.skipped
  lines.push(`replayed ${total} snippet test(s) against ${summary.target}${summary.embedded ? ' (embedded server)' : ''}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`)
  const reasons = skipReasons(summary.tests)
  for (const [reason, count] of reasons.slice(0, REASONS_SHOWN)) lines.push(`  skipped ${count}: ${reason}`)
  const rest = reasons.slice(REASONS_SHOWN)
  if (rest.length > 0) lines.push(`  skipped ${rest.reduce((n, [, c]) => n + c, 0)}: ${rest.length} other reasons`)
  return lines.join('\n') + '\n'
}

/** Skip reasons with how many tests each skipped, most frequent first. */
export function skipReasons(tests: readonly ReplayOutcome[]): [string, number][] {
  const reasons = new Map<string, number>()
  for (const test of tests.filter((t) => t.state === 'skipped')) {
    const reason = test.message ?? (/\(skipped: (.*)\)$/.exec(test.name)?.[1] || 'skipped')
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  }
  return [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

/** JUnit XML as vitest, Jenkins and GitLab read it. */
export function junitReport(summary: ReplaySummary): string {
  const byFile = new Map<string, ReplayOutcome[]>()
  for (const test of summary.tests) byFile.set(test.file, [...(byFile.get(test.file) ?? []), test])
  const seconds = (tests: readonly ReplayOutcome[]) => (tests.reduce((n, t) => n + (t.durationMs ?? 0), 0) / 1000).toFixed(3)
  const counts = (tests: readonly ReplayOutcome[]) =>
    `tests="${tests.length}" failures="${tests.filter((t) => t.state === 'failed').length}" errors="0" skipped="${tests.filter((t) => t.state === 'skipped').length}" time="${seconds(tests)}"`
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="docspec replay" ${counts(summary.tests)}>`]
  for (const [file, tests] of byFile) {
    out.push(`  <testsuite name="${xml(file)}" ${counts(tests)}>`)
    for (const test of tests) out.push(...testcase(test))
    out.push('  </testsuite>')
  }
  if (summary.errors.length > 0 || summary.refused || summary.unreachable) {
    const problems = [...summary.errors, summary.refused, summary.unreachable].filter((p): p is string => !!p)
    out.push(`  <testsuite name="docspec" tests="1" failures="0" errors="1" skipped="0" time="0.000">`)
    out.push(`    <testcase classname="docspec" name="replay" time="0.000">`, `      <error message="${xml(problems[0]!)}">${xml(problems.join('\n'))}</error>`, '    </testcase>', '  </testsuite>')
  }
  out.push('</testsuites>')
  return out.join('\n') + '\n'
}

function testcase(test: ReplayOutcome): string[] {
  const page = test.name.split(' › ')[0]!
  const open = `    <testcase classname="${xml(page)}" name="${xml(test.name)}" time="${((test.durationMs ?? 0) / 1000).toFixed(3)}"`
  if (test.state === 'passed') return [`${open}/>`]
  if (test.state === 'skipped') return [`${open}>`, `      <skipped message="${xml(test.message ?? 'skipped')}"/>`, '    </testcase>']
  const message = test.message ?? 'failed'
  return [`${open}>`, `      <failure message="${xml(message.split('\n')[0]!)}" type="AssertionError">${xml(message)}</failure>`, '    </testcase>']
}

/** The summary as JSON: counts, target, problems and every test's outcome. */
export function jsonReport(summary: ReplaySummary & { embedded?: boolean }): string {
  return `${JSON.stringify({ ...summary, skipReasons: Object.fromEntries(skipReasons(summary.tests)) }, null, 2)}\n`
}

/** Text as XML attribute or element content: markup escaped, characters XML 1.0 forbids dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')
}
