/**
 * Status and header expectations of a replayed request: `catch:` values as the Elasticsearch REST test
 * runner defines them, and `warning:` texts (missing and unexpected warnings both fail).
 */
import { CATCH_STATUS } from '../console/catch.js'
import { compileJavaRegex } from '../console/java-regex.js'

/** Statuses that `catch:request` does not accept because they have a name of their own (400 stays). */
const NAMED_ELSEWHERE = new Set([401, 403, 404, 408, 409])

/** True when `value` is a `catch:` value the runtime understands. */
export function isKnownCatch(value: string): boolean {
  return value === 'request' || value in CATCH_STATUS || /^\/.*\/$/s.test(value)
}

/** Returns why the answer does not satisfy `catch:<value>`, or undefined when it does. */
export function checkCatch(value: string, status: number, text: string): string | undefined {
  const regex = /^\/(.*)\/$/s.exec(value)
  if (regex) {
    if (status < 400) return `expected an error matching /${regex[1]}/, got status ${status}`
    return compileJavaRegex(regex[1]!).test(text) ? undefined : `expected an error matching /${regex[1]}/, got ${status}`
  }
  if (value === 'request') {
    return status >= 400 && !NAMED_ELSEWHERE.has(status) ? undefined : `expected a request error (4xx/5xx), got ${status}`
  }
  const expected = CATCH_STATUS[value]
  if (expected === undefined) return `unknown catch:${value}`
  return status === expected ? undefined : `expected ${expected} (catch:${value}), got ${status}`
}

/** Returns why the received warnings differ from the documented ones, or undefined when they agree. */
export function checkWarnings(expected: readonly string[], actual: readonly string[]): string | undefined {
  const missing = expected.filter((text) => !actual.includes(text))
  const unexpected = actual.filter((text) => !expected.includes(text))
  const problems = [
    ...missing.map((text) => `missing warning: ${JSON.stringify(text)}`),
    ...unexpected.map((text) => `unexpected warning: ${JSON.stringify(text)}`),
  ]
  return problems.length === 0 ? undefined : problems.join('\n')
}
