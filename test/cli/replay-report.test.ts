/**
 * Replay reports: JUnit XML in the shape vitest, Jenkins and GitLab read (checked with an XML parser: one
 * testsuite per page file, testcases `page-id › file:line` with the failure or the skip reason, counts that
 * add up), the JSON summary, the default text with skips grouped by reason, and which report goes where.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { formatReplay, jsonReport, junitReport, skipReasons } from '../../src/cli/replay-report.js'
import { reportPlan } from '../../src/cli/replay.js'
import type { ReplaySummary } from '../../src/replay/run.js'

const summary: ReplaySummary = {
  target: 'http://127.0.0.1:9200',
  passed: 1,
  failed: 1,
  skipped: 3,
  errors: [],
  tests: [
    { name: 'search › search/search.asciidoc:10', file: 'search.test.ts', state: 'passed', durationMs: 12 },
    { name: 'search › search/search.asciidoc:20', file: 'search.test.ts', state: 'failed', message: 'response does not match TESTRESPONSE at search/search.asciidoc:24\n<"hits"> & more', durationMs: 3 },
    { name: 'cat › cat/indices.asciidoc:5', file: 'cat.test.ts', state: 'skipped', message: 'setup bank cannot be built' },
    { name: 'cat › cat/indices.asciidoc:9', file: 'cat.test.ts', state: 'skipped', message: 'setup bank cannot be built' },
    { name: 'cat › cat/indices.asciidoc:15', file: 'cat.test.ts', state: 'skipped', message: 'TBD' },
  ],
}

type Attributes = Record<string, string>
type Case = Attributes & {
  failure?: Attributes & { '#text': string }
  skipped?: Attributes
}

describe('JUnit report', () => {
  const xml = junitReport(summary)
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
    testsuites: Attributes & { testsuite: (Attributes & { testcase: Case[] })[] }
  }

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true)
  })

  it('has the JUnit shape: testsuites › testsuite per page file › testcase, with counts that add up', () => {
    const { testsuites } = parsed
    expect(testsuites).toMatchObject({ name: 'docspec replay', tests: '5', failures: '1', errors: '0', skipped: '3' })
    expect(testsuites.testsuite.map((s) => [s.name, s.tests, s.failures, s.skipped])).toEqual([
      ['search.test.ts', '2', '1', '0'],
      ['cat.test.ts', '3', '0', '3'],
    ])
    for (const suite of testsuites.testsuite) {
      expect(Number(suite.tests)).toBe(suite.testcase.length)
      for (const testcase of suite.testcase) {
        expect(testcase.classname).toBe(testcase.name!.split(' › ')[0])
        expect(testcase.time).toMatch(/^\d+\.\d{3}$/)
      }
    }
  })

  it('names testcases page-id › file:line, with the failure message and diff or the skip reason', () => {
    const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase)
    expect(cases.map((c) => c.name)).toEqual(summary.tests.map((t) => t.name))
    expect(cases[1]!.failure).toEqual({
      message: 'response does not match TESTRESPONSE at search/search.asciidoc:24',
      type: 'AssertionError',
      '#text': 'response does not match TESTRESPONSE at search/search.asciidoc:24\n<"hits"> & more',
    })
    expect(cases[2]!.skipped).toEqual({ message: 'setup bank cannot be built' })
  })

  it('reports a run that could not start as an error', () => {
    const failed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junitReport({ ...summary, tests: [], unreachable: 'no server reachable at http://127.0.0.1:1 (ECONNREFUSED)' }))
    expect(failed.testsuites.testsuite.testcase.error.message).toBe('no server reachable at http://127.0.0.1:1 (ECONNREFUSED)')
  })
})

describe('other reports', () => {
  it('groups skips by reason with counts, most frequent first', () => {
    expect(skipReasons(summary.tests)).toEqual([
      ['setup bank cannot be built', 2],
      ['TBD', 1],
    ])
    expect(formatReplay(summary)).toContain(
      'replayed 5 snippet test(s) against http://127.0.0.1:9200: 1 passed, 1 failed, 3 skipped\n  skipped 2: setup bank cannot be built\n  skipped 1: TBD\n',
    )
  })

  it('gives the summary as JSON', () => {
    expect(JSON.parse(jsonReport(summary))).toMatchObject({ passed: 1, failed: 1, skipped: 3, skipReasons: { 'setup bank cannot be built': 2, TBD: 1 } })
  })

  it('sends each report where --output-file says', () => {
    expect(reportPlan({})).toEqual([{ reporter: 'default' }])
    expect(reportPlan({ reporter: ['junit'], outputFile: ['out.xml'] })).toEqual([{ reporter: 'junit', file: 'out.xml' }])
    expect(reportPlan({ reporter: ['default', 'junit', 'json'], outputFile: ['junit=a.xml'] })).toEqual([{ reporter: 'default' }, { reporter: 'junit', file: 'a.xml' }, { reporter: 'json' }])
    expect(() => reportPlan({ reporter: ['junit', 'json'], outputFile: ['a'] })).toThrow(/say which reporter/)
    expect(() => reportPlan({ reporter: ['tap'] })).toThrow(/--reporter must be one of default, junit, json/)
  })
})
