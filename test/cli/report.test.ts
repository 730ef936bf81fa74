import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sarifErrors } from './report/sarif-schema.js'
import { ensureBuilt, ROOT, runCli } from './run-cli.js'

const FIXTURES = path.join(ROOT, 'fixtures')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-report-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
beforeAll(() => ensureBuilt(), 120_000)

/** A folder of its own (a CI checkout): the fixtures under `docs/`, maybe a config beside them. */
function checkout(config?: unknown, name = 'docspec.config.json'): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'checkout-'))
  fs.cpSync(FIXTURES, path.join(dir, 'docs'), { recursive: true })
  if (config !== undefined) fs.writeFileSync(path.join(dir, name), JSON.stringify(config))
  return dir
}

const SUMMARY = /^docspec: 8 pages, \d+ endpoints?, \d+ snippets?, (\d+) diagnostics? \((\d+) errors?, (\d+) warnings?\), [\d.]+ s$/m
const extract = (args: string[], cwd = ROOT) => runCli(['extract', ...args, '--no-cache'], { cwd })

describe('--format on extract (the fixtures: 9 warnings, 1 note)', () => {
  it('text is file:line:col severity rule message, as always', () => {
    const r = extract(['fixtures', '--format', 'text'])
    expect(r.status).toBe(0)
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines.slice(0, -1).every((l) => /^fixtures\/\S+\.asciidoc:\d+:\d+ (warning|info) [a-z-]+ /.test(l))).toBe(true)
    expect(lines).toHaveLength(11)
    expect(lines.at(-1)).toMatch(SUMMARY)
  })

  it('json on stderr is the JSON document alone: no summary, no progress', () => {
    const r = extract(['fixtures', '--format', 'json'])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stderr)
    expect(report.summary).toEqual({ errors: 0, warnings: 9, info: 1 })
    expect(report.diagnostics[0]).toMatchObject({ file: 'fixtures/stop-dfanalytics-damaged.asciidoc', line: 1, column: 1, rule: 'reflowed' })
    expect(JSON.parse(r.stdout)).toHaveLength(8)
  })

  it('github writes workflow commands, then the summary', () => {
    const r = extract(['fixtures', '--format', 'github'])
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines.filter((l) => /^::warning file=fixtures\/stop-dfanalytics-damaged\.asciidoc,line=1,col=\d+,title=[a-z-]+::\S/.test(l))).toHaveLength(9)
    expect(lines.filter((l) => l.startsWith('::notice file='))).toHaveLength(1)
    expect(lines.at(-1)).toMatch(SUMMARY)
  })

  it('sarif into --diagnostics-file validates against the SARIF 2.1.0 schema; stderr keeps the summary only', () => {
    const file = path.join(tmp, 'reports', 'docspec.sarif')
    const r = extract(['fixtures', '--format', 'sarif', '--diagnostics-file', file])
    expect(r.status).toBe(0)
    expect(r.stderr.trimEnd()).toMatch(SUMMARY)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    const log = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(sarifErrors(log)).toEqual([])
    expect(log.runs[0].results).toHaveLength(10)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['docspec.sarif'])
  })

  it('--diagnostics-file is written with --quiet too, and is text by default', () => {
    const file = path.join(tmp, 'quiet.txt')
    const r = extract(['fixtures', '--quiet', '--diagnostics-file', file])
    expect(r.stderr).toBe('')
    expect(fs.readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(10)
  })

  it('refuses an unknown format (exit 2)', () => {
    const r = extract(['fixtures', '--format', 'xml'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/Allowed choices are text, json, github, sarif/)
  })
})

describe('--max-warnings', () => {
  it.each([
    ['9', 0],
    ['8', 1],
  ])('--max-warnings %s exits %i', (limit, status) => {
    const r = extract(['fixtures', '--max-warnings', limit])
    expect(r.status).toBe(status)
    if (status === 1) expect(r.stderr).toMatch(/^docspec: 9 warnings, more than --max-warnings 8 allows$/m)
  })

  it('counts warnings after the config sets severities', () => {
    const dir = checkout({ rules: { 'misplaced-param': 'off', 'lost-placeholder': 'info' } })
    const r = extract(['docs', '--max-warnings', '3'], dir)
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/docspec: 8 pages, .* 7 diagnostics \(0 errors, 3 warnings\)/)
    expect(extract(['docs', '--max-warnings', '2'], dir).status).toBe(1)
  })

  it('refuses a limit that is not a whole number (exit 2)', () => {
    const r = extract(['fixtures', '--max-warnings', 'many'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--max-warnings must be a whole number: many/)
  })
})

describe('the config file', () => {
  it('sets severities: a rule made an error fails the run', () => {
    const dir = checkout({ rules: { reflowed: 'error' } })
    const r = extract(['docs'], dir)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^docs\/stop-dfanalytics-damaged\.asciidoc:1:1 error reflowed /m)
  })

  it('ignores paths, relative to its folder', () => {
    const dir = checkout({ ignore: ['docs/stop-*.asciidoc'] })
    const r = extract(['docs', '--format', 'json'], dir)
    expect(JSON.parse(r.stderr).diagnostics).toEqual([])
  })

  it('is read from package.json\'s docspec key, from the docs root, or from --config; --no-config reads none', () => {
    const dir = checkout({ name: 'docs', docspec: { rules: { reflowed: 'off' } } }, 'package.json')
    const rules = (r: { stderr: string }) => new Set((JSON.parse(r.stderr).diagnostics as { rule: string }[]).map((d) => d.rule))
    expect(rules(extract(['docs', '--format', 'json'], dir)).has('reflowed')).toBe(false)
    expect(rules(extract(['docs', '--format', 'json', '--no-config'], dir)).has('reflowed')).toBe(true)
    // From elsewhere, the docs root's own config applies (the working directory has none).
    fs.writeFileSync(path.join(dir, 'docs', 'docspec.config.json'), JSON.stringify({ rules: { 'misplaced-param': 'off' } }))
    const fromRoot = rules(extract([path.join(dir, 'docs'), '--format', 'json'], tmp))
    expect([fromRoot.has('misplaced-param'), fromRoot.has('reflowed')]).toEqual([false, true])
    const other = path.join(tmp, 'strict.json')
    fs.writeFileSync(other, JSON.stringify({ rules: { 'lost-markup': 'off' } }))
    const named = rules(extract(['docs', '--format', 'json', '--config', other], dir))
    expect([named.has('lost-markup'), named.has('reflowed')]).toEqual([false, true])
  })

  it('a bad one is a usage error (exit 2) naming the file, the place and the key, before anything is read', () => {
    const dir = checkout({ rules: { 'undefined-atribute': 'error', asciidoc: 'loud' } })
    const r = extract(['docs'], dir)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^docspec: docspec\.config\.json:1:11: rules\.undefined-atribute: unknown rule id/)
    expect(r.stderr).toMatch(/^docspec\.config\.json:1:\d+: rules\.asciidoc: must be one of off, info, warning, error, not "loud"$/m)
  })
})

describe('generate, compare and start report the same way', () => {
  const page = ['[[ping]]', '=== Ping API', '', '==== {api-request-title}', '', '`GET _ping`', '', '[source,console]', '----', 'GET _ping', '----', '// TEST[setup:my_index]', ''].join('\n')

  it('generate: a named setup without --setups is a warning; with a setups file lacking it, an error', () => {
    const src = fs.mkdtempSync(path.join(tmp, 'src-'))
    fs.writeFileSync(path.join(src, 'ping.asciidoc'), page)
    const out = path.join(tmp, 'gen-out')
    const without = runCli(['generate', src, '--out', out, '--no-cache', '--format', 'github'])
    expect(without.status).toBe(0)
    expect(without.stderr).toMatch(/^::warning file=.*ping\.asciidoc,line=10,col=1,title=unknown-setup::setup "my_index" cannot be run: no setups file was given/m)
    expect(fs.readFileSync(path.join(out, 'replay', 'root.json'), 'utf8')).toContain('"skip": "setup \\"my_index\\" needs a setups file"')
    fs.writeFileSync(path.join(src, 'setups.yml'), 'other: "PUT /other"\n')
    const unknown = runCli(['generate', src, '--out', out, '--no-cache', '--setups', path.join(src, 'setups.yml')])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/ping\.asciidoc:10:1 error unknown-setup setup "my_index" is not defined/)
    expect(runCli(['generate', src, '--out', out, '--no-cache', '--max-warnings', '0']).status).toBe(1)
  })

  it('compare: any disagreement fails unless --max-warnings allows it; sarif validates', () => {
    const spec = path.join(tmp, 'spec.json')
    fs.writeFileSync(spec, JSON.stringify({ endpoints: [{ name: 'rollup.stop_job', docId: 'rollup-stop-job', urls: [{ path: '/_rollup/job/{id}/_halt', methods: ['POST'] }], request: null }], types: [] }))
    const sarif = path.join(tmp, 'compare.sarif')
    const r = runCli(['compare', 'fixtures', '--spec', spec, '--no-cache', '--format', 'sarif', '--diagnostics-file', sarif])
    expect(r.status).toBe(1)
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8'))
    expect(sarifErrors(log)).toEqual([])
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('spec-endpoint-unknown')
    expect(runCli(['compare', 'fixtures', '--spec', spec, '--no-cache', '--max-warnings', '4']).status).toBe(0)
    expect(runCli(['compare', 'fixtures', '--spec', spec, '--no-cache', '--max-warnings', '3']).status).toBe(1)
  })

  it('start: lists the diagnostics only when asked, and fails on more warnings than --max-warnings', () => {
    const out = path.join(tmp, 'start-out')
    const file = path.join(tmp, 'start.json')
    const r = runCli(['start', 'fixtures', '--setups', 'fixtures/setups.yml', '--out', out, '--format', 'json', '--diagnostics-file', file, '--max-warnings', '8'])
    expect(r.stdout).toMatch(/^diagnostics: 10 \(/m)
    expect(r.stdout).toMatch(/passed, 0 failed/)
    expect(r.stderr).toBe('docspec: 9 warnings, more than --max-warnings 8 allows\n')
    expect(r.status).toBe(1)
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).summary).toEqual({ errors: 0, warnings: 9, info: 1 })
  })
})
