import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, ROOT, runCli } from './run-cli.js'

let dir: string
const page = 'p.asciidoc'
const pageText = fs.readFileSync(path.join(ROOT, 'fixtures/rollup-stop-job.asciidoc'), 'utf8')

beforeAll(() => {
  ensureBuilt()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-outputs-'))
  fs.writeFileSync(path.join(dir, page), pageText)
  fs.mkdirSync(path.join(dir, 'folder'))
  fs.writeFileSync(path.join(dir, 'file'), 'x')
}, 120_000)

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// Each refusal comes before the run, as a usage problem (exit 2, one line, no stack), and leaves the page as it was.
describe('files the CLI is asked to write', () => {
  it.each([
    ['extract over its own page', ['extract', page, '--out', page], '--out p.asciidoc is a page docspec reads; refusing to write over it'],
    ['export over a page', ['export', page, '--out', 'other.adoc'], '--out other.adoc is a page docspec reads; refusing to write over it'],
    ['extract into a folder', ['extract', page, '--out', 'folder'], '--out folder is a folder; give a file name'],
    ['diagnostics into a folder', ['extract', page, '--diagnostics-file', 'folder'], '--diagnostics-file folder is a folder; give a file name'],
    ['generate into a file', ['generate', page, '--out', 'file'], '--out file is a file; give a folder'],
    ['a report file for a reporter not asked for', ['replay', 'folder', '--output-file', 'junit=x.xml'], '--output-file junit=x.xml: add --reporter junit, or the report is never written'],
  ])('%s', (_name, args, message) => {
    const r = runCli(args, { cwd: dir })
    expect(r).toMatchObject({ status: 2, stderr: `docspec: ${message}\n` })
    expect(fs.readFileSync(path.join(dir, page), 'utf8')).toBe(pageText)
  })
})

describe('servers the CLI is pointed at', () => {
  it.each([
    ['ES_URL', ['replay', 'generated'], { ES_URL: 'not a url' }],
    ['--target', ['replay', 'generated', '--target', 'ftp://127.0.0.1/'], {}],
    ['KIBANA_URL', ['replay', 'generated'], { KIBANA_URL: 'user:secret@nowhere' }],
  ])('%s that is no http(s) URL is a usage error that does not repeat it', (name, args, env) => {
    const r = runCli(args, { cwd: ROOT, env })
    expect(r).toMatchObject({ status: 2, stderr: `docspec: ${name} must be an http:// or https:// URL\n` })
  })

  it('a port already in use is named, without a stack trace', async () => {
    const taken = net.createServer()
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done))
    const port = (taken.address() as net.AddressInfo).port
    try {
      const r = runCli(['serve', page, '--port', String(port)], { cwd: dir })
      expect(r).toMatchObject({ status: 2, stderr: `docspec: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n` })
    } finally {
      await new Promise((done) => taken.close(done))
    }
  })
})

describe('inputs that hold no page', () => {
  it.each([['extract'], ['generate'], ['export']])('%s on a folder of other files is a usage error', (command) => {
    fs.mkdirSync(path.join(dir, 'notes'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'notes/readme.txt'), 'not a page\n')
    const r = runCli([command, 'notes', ...(command === 'generate' ? ['--out', 'out-notes'] : [])], { cwd: dir })
    expect(r).toMatchObject({ status: 2, stderr: 'docspec: no AsciiDoc pages (*.asciidoc, *.adoc) under notes\n' })
    expect(fs.existsSync(path.join(dir, 'out-notes'))).toBe(false)
  })
})

describe('export of a page that cannot be read', () => {
  it('lists its error and exits 1, as extract does', () => {
    fs.writeFileSync(path.join(dir, 'empty.asciidoc'), '')
    const r = runCli(['export', 'empty.asciidoc', '--no-cache'], { cwd: dir })
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('empty.asciidoc:1:1 error empty-file The file is empty.\nexported 0 paths, 0 operations, 0 parameters, 0 examples\n')
  })
})

describe('replay --filter naming no test', () => {
  it('says so and exits 1', () => {
    const r = runCli(['replay', 'generated', '--filter', 'no-such-page ›'], { cwd: ROOT })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('docspec: no test name contains "no-such-page ›"\n')
  })
})

describe('serve with a page that cannot be read', () => {
  it('lists its error before serving the others', async () => {
    const folder = path.join(dir, 'serve-pages')
    fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(path.join(folder, 'empty.asciidoc'), '')
    fs.writeFileSync(path.join(folder, page), pageText)
    const guard = path.join(ROOT, 'test/support/loopback-only.cjs')
    const child = spawn(process.execPath, ['--require', guard, path.join(ROOT, 'dist/cli/main.js'), 'serve', '.', '--port', '0', '--no-cache'], { cwd: folder })
    let stderr = ''
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`not serving: ${stderr}`)), 20_000)
      child.stderr.on('data', (d) => {
        stderr += d
        if (stderr.includes('(Ctrl-C stops)')) done(clearTimeout(timer))
      })
    })
    child.kill('SIGTERM')
    expect(stderr).toMatch(/^empty\.asciidoc:1:1 error empty-file The file is empty\.\ndocspec: serving 1 endpoint of 2 pages at http:\/\/127\.0\.0\.1:\d+ \(Ctrl-C stops\)\n$/)
  })
})
