import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, ROOT, runCli } from './run-cli.js'

const PAGE = `[[widget-close]]
=== Close widget API

Closes a widget.

[[widget-close-request]]
==== {api-request-title}

\`POST _widget/<widget_id>/_close\`

[[widget-close-query-parms]]
==== {api-query-parms-title}

\`timeout\`::
(Optional, time value) How long to wait. Defaults to \`30s\`.
`

const BROKEN = `${PAGE}
[source,console]
----
POST _widget/w1/_close
{
  "force": true
  "reason": "x"
}
----
`

let dir: string
beforeAll(() => {
  ensureBuilt()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-cli-'))
  fs.writeFileSync(path.join(dir, 'close.asciidoc'), PAGE)
  fs.mkdirSync(path.join(dir, 'broken'))
  fs.writeFileSync(path.join(dir, 'broken', 'close.asciidoc'), BROKEN)
}, 120_000)

describe('docspec extract', () => {
  it('prints the models as a JSON array and exits 0 without error diagnostics', () => {
    const r = runCli(['extract', path.join(dir, 'close.asciidoc')])
    expect(r.status).toBe(0)
    const models = JSON.parse(r.stdout)
    expect(models).toHaveLength(1)
    expect(models[0]).toMatchObject({ id: 'widget-close', title: 'Close widget API', endpoints: [{ method: 'POST', path: '/_widget/{widget_id}/_close' }] })
    expect(models[0].queryParams[0]).toMatchObject({ name: 'timeout', type: 'time value', default: '30s', required: false })
  })

  it('walks folders and reports invalid JSON as file:line:col with exit 1', () => {
    const r = runCli(['extract', '--root', dir, path.join(dir, 'broken')])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/broken\/close\.asciidoc:22:3 error invalid-json /)
    expect(JSON.parse(r.stdout)[0].examples[0].requests[0].body.kind).toBe('json')
  })

  it('writes --out atomically and prints nothing on stdout', () => {
    const out = path.join(dir, 'models.json')
    const r = runCli(['extract', path.join(dir, 'close.asciidoc'), '--out', out])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))[0].id).toBe('widget-close')
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it.each([
    [['extract'], /missing required argument/],
    [['extract', '--bogus', 'x'], /unknown option/],
    [['extract', '/no/such/page.asciidoc'], /no such file or folder/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const r = runCli(args)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('shows help with every command', () => {
    const r = runCli(['--help'])
    expect(r.status).toBe(0)
    for (const command of ['extract', 'generate', 'replay', 'serve', 'start']) expect(r.stdout).toContain(command)
  })
})

describe('docspec generate', () => {
  it('writes types and tests, then --check passes; a changed page makes --check fail and list the stale file', () => {
    const src = path.join(dir, 'gen-src')
    const out = path.join(dir, 'gen-out')
    fs.mkdirSync(src)
    fs.writeFileSync(path.join(src, 'close.asciidoc'), PAGE)
    fs.mkdirSync(out)
    fs.writeFileSync(path.join(out, 'NOTES.md'), 'mine')

    expect(runCli(['generate', src, '--out', out, '--check']).status).toBe(1)
    const first = runCli(['generate', src, '--out', out])
    expect(first.status).toBe(0)
    const files = fs.readdirSync(path.join(out, 'types'))
    expect(files.some((f) => /Widget.*\.ts$/.test(f))).toBe(true)
    expect(runCli(['generate', src, '--out', out, '--check']).status).toBe(0)

    fs.writeFileSync(path.join(src, 'close.asciidoc'), PAGE.replace('How long to wait.', 'How long to wait for the close.'))
    const stale = runCli(['generate', src, '--out', out, '--check'])
    expect(stale.status).toBe(1)
    expect(stale.stderr).toMatch(/stale: .*types\/.*\.ts/)
    expect(fs.readFileSync(path.join(out, 'NOTES.md'), 'utf8')).toBe('mine')
  })

  it('keeps the committed generated/ folder current for fixtures/', () => {
    const r = runCli(['generate', 'fixtures', '--out', 'generated', '--setups', 'fixtures/setups.yml', '--check', '--quiet'], { cwd: ROOT })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('the committed generated/ folder compiles under tsc --strict, replay tests included', () => {
    const files = ['generated/index.ts', ...fs.readdirSync(path.join(ROOT, 'generated/replay')).filter((f) => f.endsWith('.ts')).map((f) => `generated/replay/${f}`)]
    const r = spawnSync('npx', ['tsc', '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck', ...files], { cwd: ROOT, encoding: 'utf8' })
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
