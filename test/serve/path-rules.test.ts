import { describe, expect, it } from 'vitest'
import { breaksRule, pathRule } from '../../src/serve/path-rules.js'
import { param } from './models.js'

const ML_ID =
  'Identifier for the job. This identifier can contain lowercase alphanumeric characters (a-z and 0-9), ' +
  'hyphens, and underscores. It must start and end with alphanumeric characters.'
const TRANSFORM_ID =
  'Identifier for the transform. This identifier can contain lowercase alphanumeric characters (a-z and 0-9), ' +
  'hyphens, and underscores. It has a 64 character limit and must start and end with alphanumeric characters.'
const LIST_ID = `${ML_ID} You can use a comma-separated list or a wildcard expression.`

describe('pathRule', () => {
  it.each([
    ['no rule in plain prose', 'Identifier for the rollup job.'],
    [
      'no rule in "any alphanumeric string" prose',
      'This can be any alphanumeric string and uniquely identifies the job.',
    ],
  ])('finds %s', (_, description) => {
    expect(pathRule(param('id', 'string', description))).toBeUndefined()
  })

  it('quotes the sentences it read the rule from', () => {
    expect(pathRule(param('id', 'string', `The job. ${TRANSFORM_ID.slice(25)}`))?.text).toBe(
      'This identifier can contain lowercase alphanumeric characters (a-z and 0-9), hyphens, and underscores. ' +
        'It has a 64 character limit and must start and end with alphanumeric characters.',
    )
  })

  const rules: Record<string, string> = {
    ml: ML_ID,
    transform: TRANSFORM_ID,
    'letters and digits': 'Names may contain only letters and digits.',
    'lowercase start': 'The name must start with a lowercase letter.',
    'at most 3': 'The name cannot be longer than 3 characters.',
  }
  it.each([
    ['ml', 'abc', true],
    ['ml', 'a_b-c9', true],
    ['ml', 'a', true],
    ['ml', 'Abc', false],
    ['ml', '-abc', false],
    ['ml', 'abc_', false],
    ['ml', 'a.c', false],
    ['ml', '', false],
    ['transform', 'a'.repeat(64), true],
    ['transform', 'a'.repeat(65), false],
    ['letters and digits', 'AbC9', true],
    ['letters and digits', 'a-b', false],
    ['lowercase start', 'aB-', true],
    ['lowercase start', 'Ab', false],
    ['at most 3', 'abc', true],
    ['at most 3', 'abcd', false],
  ])('%s rule: %j follows it → %s', (name, value, ok) => {
    const rule = pathRule(param('id', 'string', rules[name]))!
    expect(rule.test(value)).toBe(ok)
  })
})

describe('breaksRule', () => {
  it.each([
    ['single', 'a,b', true],
    ['list', 'a,b', false],
    ['list', 'a,B', true],
    ['list', 'job-*', false],
    ['list', '*', false],
    ['list', '_all', false],
    ['list', 'Job-*', true],
  ])('%s id: %j breaks the rule → %s', (kind, value, breaks) => {
    const p = param('id', 'string', kind === 'list' ? LIST_ID : ML_ID)
    expect(breaksRule(p, pathRule(p)!, value)).toBe(breaks)
  })
})
