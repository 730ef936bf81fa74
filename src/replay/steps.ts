/** `set:` and the assertions of REST-test steps (`is_true`, `match`, `length`, …) run on the last answer. */
import { isDeepStrictEqual } from 'node:util'
import { compileJavaRegex } from '../console/java-regex.js'
import { valueAt } from './match.js'
import { unstash, unstashPath, type Stash } from './stash.js'
import type { ReplayAssert, ReplaySet } from './types.js'

/** Keeps the value at the step's path as `$variable`; returns what went wrong, if anything. */
export function runSet(step: ReplaySet, answer: unknown, stash: Stash): string | undefined {
  const value = valueAt(answer, unstashPath(step.path, stash))
  if (value === undefined) return `set: the last answer has nothing at ${step.path}`
  stash.set(step.variable, value)
  return undefined
}

/** Why the assertion does not hold, or undefined when it does. */
export function runAssert(step: ReplayAssert, answer: unknown, stash: Stash): string | undefined {
  const actual = valueAt(answer, unstashPath(step.path, stash))
  const expected = unstash(step.value, stash)
  const shown = `${step.check} ${step.path}: got ${JSON.stringify(actual) ?? 'nothing'}`
  switch (step.check) {
    case 'is_true':
      return isFalsy(actual) ? `${shown}, expected a true value` : undefined
    case 'is_false':
      return isFalsy(actual) ? undefined : `${shown}, expected a false value`
    case 'match':
      return matches(actual, expected) ? undefined : `${shown}, expected ${JSON.stringify(expected)}`
    case 'length': {
      const length = Array.isArray(actual) || typeof actual === 'string' ? actual.length : actual && typeof actual === 'object' ? Object.keys(actual).length : undefined
      return length === Number(expected) ? undefined : `${shown}, expected ${String(expected)} items`
    }
    default:
      return compare(step.check, actual, expected) ? undefined : `${shown}, expected ${step.check} ${String(expected)}`
  }
}

function isFalsy(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === '' || value === 'false' || value === 0
}

/** Equal values (numbers as numbers), or a `/regex/` (Java, whitespace-insensitive) the text contains. */
function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'string' && /^\/[\s\S]*\/$/.test(expected.trim()) && typeof actual === 'string') {
    return compileJavaRegex(`(?x)${expected.trim().slice(1, -1)}`).test(actual)
  }
  if (typeof expected === 'number' || typeof actual === 'number') return Number(actual) === Number(expected)
  return isDeepStrictEqual(actual, expected)
}

function compare(check: string, actual: unknown, expected: unknown): boolean {
  const a = Number(actual)
  const b = Number(expected)
  if (Number.isNaN(a) || Number.isNaN(b)) return false
  return check === 'gt' ? a > b : check === 'gte' ? a >= b : check === 'lt' ? a < b : a <= b
}
