import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatFindings, githubCommand, textLine, type JsonReport } from '../../../src/cli/report/formats.js'
import type { Finding } from '../../../src/cli/report/finding.js'
import { SARIF_SCHEMA } from '../../../src/cli/report/sarif.js'
import { extractFiles } from '../../../src/extract/index.js'
import { RULE_TABLE } from '../../../src/model/rules.js'
import { FIXTURES } from '../../extract/pages.js'
import { sarifErrors } from './sarif-schema.js'

const cwd = path.dirname(FIXTURES)
const context = { root: FIXTURES, cwd }
let findings: Finding[]

beforeAll(async () => {
  const { models } = await extractFiles([FIXTURES], { root: FIXTURES })
  findings = models.flatMap((m) => m.diagnostics)
  // The fixtures' findings: nine warnings and one note, all on the damaged page.
  expect(findings.map((f) => f.severity).sort()).toEqual(['info', ...Array(9).fill('warning')])
})

const shared: Finding = { file: 'shared/params.asciidoc', line: 4, column: 3, severity: 'error', rule: 'undefined-attribute', message: 'The attribute {x} is not defined.', pages: 3 }

describe('text', () => {
  it('is file:line:col severity rule message, the file relative to the working directory', () => {
    const lines = formatFindings(findings, 'text', context).split('\n')
    expect(lines).toHaveLength(findings.length + 1)
    expect(lines[0]).toBe(`fixtures/stop-dfanalytics-damaged.asciidoc:1:1 warning reflowed ${findings[0]!.message}`)
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^fixtures\/[\w/-]+\.asciidoc:\d+:\d+ (error|warning|info) [a-z-]+ \S/)
  })

  it('says how many pages a finding in a shared fragment reaches', () => {
    expect(textLine(shared, context)).toBe('fixtures/shared/params.asciidoc:4:3 error undefined-attribute The attribute {x} is not defined. (in 3 pages)')
    expect(textLine({ ...shared, pages: 1 }, context)).toMatch(/\(in 1 page\)$/)
  })

  it('is empty without findings', () => {
    expect(formatFindings([], 'text', context)).toBe('')
  })
})

describe('json', () => {
  it('lists every finding with its place, severity, rule and message, and sums them up', () => {
    const report = JSON.parse(formatFindings(findings, 'json', context)) as JsonReport
    expect(report.tool.name).toBe('docspec')
    expect(report.summary).toEqual({ errors: 0, warnings: 9, info: 1 })
    expect(report.diagnostics).toHaveLength(findings.length)
    expect(report.diagnostics[0]).toEqual({ file: 'fixtures/stop-dfanalytics-damaged.asciidoc', line: 1, column: 1, severity: 'warning', rule: 'reflowed', message: findings[0]!.message })
    expect(report.diagnostics.every((d) => !('pages' in d))).toBe(true)
  })

  it('gives the pages a shared finding reaches', () => {
    const report = JSON.parse(formatFindings([shared], 'json', context)) as JsonReport
    expect(report.diagnostics[0]).toMatchObject({ file: 'fixtures/shared/params.asciidoc', pages: 3 })
    expect(report.summary).toEqual({ errors: 1, warnings: 0, info: 0 })
  })
})

describe('github', () => {
  it('writes one workflow command per finding: ::warning, ::error, or ::notice for info', () => {
    const lines = formatFindings(findings, 'github', context).trimEnd().split('\n')
    expect(lines).toHaveLength(findings.length)
    expect(lines[0]).toBe(`::warning file=fixtures/stop-dfanalytics-damaged.asciidoc,line=1,col=1,title=reflowed::${findings[0]!.message}`)
    expect(lines.filter((l) => l.startsWith('::notice file='))).toHaveLength(1)
    expect(githubCommand(shared, context)).toBe('::error file=fixtures/shared/params.asciidoc,line=4,col=3,title=undefined-attribute::The attribute {x} is not defined. (in 3 pages)')
  })

  it('escapes % CR LF in the message, and also : and , in properties, as the Actions toolkit does', () => {
    const odd: Finding = { file: 'a,b:c%.asciidoc', line: 2, column: 5, severity: 'warning', rule: 'invalid-json', message: '100% sure: a,b\r\nnext line' }
    expect(githubCommand(odd, { root: '/docs', cwd: '/docs' })).toBe('::warning file=a%2Cb%3Ac%25.asciidoc,line=2,col=5,title=invalid-json::100%25 sure: a,b%0D%0Anext line')
  })
})

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const log = JSON.parse(formatFindings(findings, 'sarif', context))
    expect(sarifErrors(log)).toEqual([])
    expect(log.$schema).toBe(SARIF_SCHEMA)
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
  })

  it('names the tool and lists every rule of the rule table with its description and default level', () => {
    const { driver } = JSON.parse(formatFindings([], 'sarif', context)).runs[0].tool
    expect(driver).toMatchObject({ name: 'docspec', version: expect.any(String), informationUri: expect.stringMatching(/^https:\/\//) })
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULE_TABLE.map((r) => r.id))
    const level = { error: 'error', warning: 'warning', info: 'note' }
    for (const [i, rule] of RULE_TABLE.entries()) {
      expect(driver.rules[i]).toMatchObject({ id: rule.id, shortDescription: { markdown: rule.description }, defaultConfiguration: { level: level[rule.severity] } })
    }
    expect(driver.rules.find((r: { id: string }) => r.id === 'include-not-found').shortDescription.text).toBe('An include:: target does not exist.')
  })

  it('gives each result its rule, level, message and place relative to the docs root', () => {
    const run = JSON.parse(formatFindings(findings, 'sarif', context)).runs[0]
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${FIXTURES}/`)
    expect(run.results).toHaveLength(findings.length)
    expect(run.results[0]).toEqual({
      ruleId: 'reflowed',
      ruleIndex: RULE_TABLE.findIndex((r) => r.id === 'reflowed'),
      level: 'warning',
      message: { text: findings[0]!.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'stop-dfanalytics-damaged.asciidoc', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } } }],
    })
    expect(run.results.filter((r: { level: string }) => r.level === 'note')).toHaveLength(1)
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
  })

  it('keeps the pages in properties, and encodes file names as URIs', () => {
    const odd: Finding = { ...shared, file: 'shared/my params #2.asciidoc', line: 0, column: 0 }
    const log = JSON.parse(formatFindings([shared, odd], 'sarif', context))
    expect(sarifErrors(log)).toEqual([])
    const [first, second] = log.runs[0].results
    expect(first.properties).toEqual({ pages: 3 })
    expect(second.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'shared/my%20params%20%232.asciidoc', uriBaseId: '%SRCROOT%' } })
  })

  it('is checked for real: a log the schema refuses is caught', () => {
    const log = JSON.parse(formatFindings(findings, 'sarif', context))
    log.runs[0].results[0].level = 'fatal'
    delete log.runs[0].tool.driver.name
    expect(sarifErrors(log)).toEqual(expect.arrayContaining(['/runs/0/results/0/level must be equal to one of the allowed values', "/runs/0/tool/driver must have required property 'name'"]))
  })
})
