import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnostic } from '../../src/model/diagnostic.js'
import { RULE_TABLE, RULES } from '../../src/model/rules.js'

const root = path.resolve(import.meta.dirname, '../..')
const README = path.join(root, 'README.md')
const BEGIN = '<!-- rules table: generated from src/model/rules.ts -->'
const END = '<!-- end of rules table -->'

/** The README's Diagnostics table, one row per rule in table order. */
function rulesMarkdown(): string {
  const rows = RULE_TABLE.map((r) => `| ${r.stage} | \`${r.id}\` | ${r.severity} | ${r.description} |`)
  return [BEGIN, '| Stage | Rule | Severity | Meaning |', '| --- | --- | --- | --- |', ...rows, END].join('\n')
}

function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [{ file: path.relative(root, p), text: fs.readFileSync(p, 'utf8') }] : []
  })
}

describe('the rule table', () => {
  it('is the README Diagnostics table (UPDATE_README=1 rewrites it)', () => {
    let readme = fs.readFileSync(README, 'utf8')
    const start = readme.indexOf(BEGIN)
    const end = readme.indexOf(END)
    expect(start, 'the README marks its rules table').toBeGreaterThan(readme.indexOf('## Diagnostics'))
    if (process.env.UPDATE_README) {
      readme = readme.slice(0, start) + rulesMarkdown() + readme.slice(end + END.length)
      fs.writeFileSync(README, readme)
    }
    expect(readme.slice(start, end + END.length)).toBe(rulesMarkdown())
  })

  it('holds one line per rule: a known stage, an explicit severity and a one-line description', () => {
    for (const rule of RULE_TABLE) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(['load', 'extract', 'types', 'setups', 'replay-tests', 'compare', 'openapi']).toContain(rule.stage)
      expect(['error', 'warning', 'info']).toContain(rule.severity)
      expect(rule.description).toMatch(/^[^\n|]{10,160}$/)
    }
  })

  it('lists only rules some stage reports, and every rule a stage reports', () => {
    const code = sources(path.join(root, 'src')).filter((s) => !s.file.endsWith(path.join('model', 'rules.ts')))
    const quoted = new Set(code.flatMap((s) => [...s.text.matchAll(/'([a-z0-9]+(?:-[a-z0-9]+)*)'/g)].map((m) => m[1]!)))
    expect(RULE_TABLE.filter((r) => !quoted.has(r.id)).map((r) => r.id)).toEqual([])
    // Every finding is built by `diagnostic()` (or a stage's report() around it) with an id from the table.
    const reported = code.flatMap((s) => [...s.text.matchAll(/\b(?:diagnostic|report)\(\s*'([^']+)'/g)].map((m) => m[1]!))
    expect(reported.length).toBeGreaterThan(40)
    expect(reported.filter((id) => !(id in RULES))).toEqual([])
    const literals = code.filter((s) => /\bseverity: '(?:error|warning|info)'/.test(s.text)).map((s) => s.file)
    expect(literals, 'diagnostics built as object literals instead of through diagnostic()').toEqual([])
  })
})

describe('diagnostic()', () => {
  const at = { file: 'a.asciidoc', line: 3, column: 7 }
  it.each([
    ['the rule’s severity by default', diagnostic('invalid-json', at, 'bad'), { ...at, severity: 'error', rule: 'invalid-json', message: 'bad' }],
    ['a severity the finding gives', diagnostic('lost-placeholder', at, 'guess', 'info'), { ...at, severity: 'info', rule: 'lost-placeholder', message: 'guess' }],
    ['only the place of a richer position', diagnostic('reflowed', { ...at, extra: 1 } as typeof at, 'x'), { ...at, severity: 'warning', rule: 'reflowed', message: 'x' }],
  ])('%s', (_title, got, want) => {
    expect(got).toEqual(want)
    expect(Object.keys(got)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message'])
  })
})
