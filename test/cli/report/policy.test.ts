import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/cli/report/finding.js'
import { applyPolicy, NO_POLICY, verdict, type Policy } from '../../../src/cli/report/policy.js'
import { extractFiles } from '../../../src/extract/index.js'
import { FIXTURES } from '../../extract/pages.js'

const project = path.dirname(FIXTURES)
let findings: Finding[]

beforeAll(async () => {
  const { models } = await extractFiles([FIXTURES], { root: FIXTURES })
  findings = models.flatMap((m) => m.diagnostics)
})

const policy = (change: Partial<Policy>): Policy => ({ ...NO_POLICY, base: project, ...change })
const count = (list: Finding[], rule: string, severity?: string) => list.filter((f) => f.rule === rule && (!severity || f.severity === severity)).length

describe('rule severities', () => {
  it('changes every finding of a rule to its severity, drops those turned off, and keeps the others as they are', () => {
    const kept = applyPolicy(findings, policy({ rules: { 'lost-placeholder': 'error', 'misplaced-param': 'off', reflowed: 'info' } }), FIXTURES)
    expect(count(findings, 'lost-placeholder')).toBe(4)
    expect(count(kept, 'lost-placeholder', 'error')).toBe(4)
    expect(count(kept, 'misplaced-param')).toBe(0)
    expect(count(kept, 'reflowed', 'info')).toBe(1)
    expect(kept.filter((f) => f.rule === 'lost-markup')).toEqual(findings.filter((f) => f.rule === 'lost-markup'))
    expect(kept).toHaveLength(findings.length - 3)
    // The run's own list is left as it was.
    expect(count(findings, 'lost-placeholder', 'error')).toBe(0)
  })

  it('keeps everything without a policy', () => {
    expect(applyPolicy(findings, NO_POLICY, FIXTURES)).toEqual(findings)
  })

  it('keeps the pages a shared finding reaches', () => {
    const shared = { ...findings[0]!, pages: 4 }
    expect(applyPolicy([shared], policy({ rules: { reflowed: 'error' } }), FIXTURES)).toEqual([{ ...shared, severity: 'error' }])
  })
})

describe('ignored paths', () => {
  it.each([
    ['a file by name', ['fixtures/stop-dfanalytics-damaged.asciidoc'], 0],
    ['a glob of the folder', ['fixtures/*-damaged.asciidoc'], 0],
    ['a glob of every folder', ['**/stop-*.asciidoc'], 0],
    ['another folder', ['fixtures/widgets/**'], 10],
    ['a path relative to another base', ['stop-dfanalytics-damaged.asciidoc'], 10],
  ])('%s', (_name, ignore, left) => {
    expect(applyPolicy(findings, policy({ ignore }), FIXTURES)).toHaveLength(left)
  })

  it('are relative to the config file folder', () => {
    expect(applyPolicy(findings, policy({ ignore: ['stop-dfanalytics-damaged.asciidoc'], base: FIXTURES }), FIXTURES)).toEqual([])
  })
})

describe('the verdict', () => {
  it('counts errors and warnings, and the warnings over --max-warnings', () => {
    expect(verdict(findings)).toEqual({ errors: 0, warnings: 9, tooManyWarnings: false })
    expect(verdict(findings, 9).tooManyWarnings).toBe(false)
    expect(verdict(findings, 8).tooManyWarnings).toBe(true)
    expect(verdict(findings, 0).tooManyWarnings).toBe(true)
    expect(verdict([], 0)).toEqual({ errors: 0, warnings: 0, tooManyWarnings: false })
  })
})
