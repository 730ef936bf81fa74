import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeFixture } from '../setups/gradle-fixture.js'
import { ensureBuilt, ROOT, runCli } from './run-cli.js'

beforeAll(() => ensureBuilt(), 120_000)

describe('docspec start (the main job)', () => {
  it('extracts, generates, replays against the embedded server and summarises', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-start-'))
    const r = runCli(['start', 'fixtures', '--setups', 'fixtures/setups.yml', '--out', out])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const pages = fs.readdirSync(ROOT + '/fixtures', { recursive: true }).filter((f) => String(f).endsWith('.asciidoc') && !String(f).startsWith('shared')).length
    expect(r.stdout).toMatch(new RegExp(`^pages: ${pages}, endpoints: \\d+, parameters: \\d+, snippets: \\d+$`, 'm'))
    const replayed = /replayed (\d+) snippet test\(s\) against http:\/\/127\.0\.0\.1:\d+ \(embedded server\): (\d+) passed, 0 failed, (\d+) skipped/.exec(r.stdout)
    expect(replayed).not.toBeNull()
    expect(Number(replayed![2])).toBeGreaterThan(0)
    expect(r.stdout).toMatch(/^  skipped 1: TBD$/m)
    expect(r.stdout).toMatch(/^diagnostics: \d+ \(.*reflowed 1.*\)$/m)
    expect(fs.existsSync(path.join(out, 'endpoints.json'))).toBe(true)
  })

  it('fails when the server answers differently from the docs', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-start-'))
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-src-'))
    fs.writeFileSync(
      path.join(src, 'ping.asciidoc'),
      ['[[ping]]', '=== Ping API', '', '==== {api-request-title}', '', '`GET _ping`', '', '[source,console]', '----', 'GET _ping', '----', '', '[source,console-result]', '----', '{"ok": true}', '----', ''].join('\n'),
    )
    expect(runCli(['generate', src, '--out', out]).status).toBe(0)
    // Replay the same tests against the docs of another API: every answer differs.
    fs.writeFileSync(path.join(out, 'endpoints.json'), JSON.stringify(JSON.parse(fs.readFileSync(path.join(out, 'endpoints.json'), 'utf8')).map((m: { examples: { responseJson?: unknown }[] }) => ({ ...m, examples: m.examples.map((e) => (e.responseJson ? { ...e, responseJson: { ok: false }, text: '{"ok": false}' } : e)) }))))
    const r = runCli(['replay', out])
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/FAIL ping › ping.asciidoc:10/)
    expect(r.stdout).toMatch(/ok/)
  })
})

describe('docspec replay against a named server', () => {
  it('fails with the reason when ES_URL does not answer, and writes the JUnit report it was asked for', async () => {
    const closed = net.createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as net.AddressInfo).port
    await new Promise((done) => closed.close(done))
    const junit = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-junit-')), 'replay.xml')
    const r = runCli(['replay', 'generated', '--reporter', 'default', '--reporter', 'junit', '--output-file', `junit=${junit}`], { env: { ES_URL: `http://127.0.0.1:${port}` } })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`UNREACHABLE no server reachable at http://127.0.0.1:${port} (ECONNREFUSED)`)
    expect(fs.readFileSync(junit, 'utf8')).toContain('errors="1"')
  })
})

describe('docspec start with the doc build\'s own build.gradle', () => {
  it('replays a page whose examples need a named setup, each step sent to the embedded server', () => {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-gradle-'))
    const fixture = writeFixture(src)
    fs.writeFileSync(
      path.join(fixture.root, 'search.asciidoc'),
      ['[[logs-search]]', '=== Search logs API', '', '==== {api-request-title}', '', '`GET /<index>/_search`', '', '[source,console]', '----', 'GET /logs/_search', '----', '// TEST[setup:logs]', ''].join('\n'),
    )
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-start-'))
    const r = runCli(['start', fixture.root, '--setups', fixture.gradle, '--api-spec', fixture.apiSpec, '--out', out])
    // The embedded server knows only this page: the setup's first step (PUT /logs) is no API of it.
    expect(r.stdout).toContain('0 passed, 0 failed, 1 skipped\n  skipped 1: the pages do not document PUT /logs, which a setup sends (setup logs, ../build.gradle:9)')
    // The fixture's own unknown API and missing path part are errors: start fails on them.
    expect(r.stdout).toMatch(/diagnostics: \d+ \(.*setup-step 2/)
    expect(r.status).toBe(1)
  })
})

describe('docspec serve', () => {
  it('serves the documented API on loopback, logs each request and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'serve', 'fixtures', '--port', '0'], { cwd: ROOT })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL in: ${stderr}`)), 20_000)
      child.stderr.on('data', () => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)
        if (m) {
          clearTimeout(timer)
          resolve(m[1]!)
        }
      })
    })
    const ok = await fetch(`${url}/_rollup/job/sensor/_stop?timeout=10s`, { method: 'POST' })
    expect(ok.status).toBe(200)
    const bad = await fetch(`${url}/_rollup/job/sensor/_stop?bogus=1`, { method: 'POST' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.root_cause[0].reason).toMatch(/bogus/)
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toMatch(/POST \/_rollup\/job\/sensor\/_stop\?timeout=10s 200/)
  })
})
