/** `docspec compare` and `docspec export`, run as the built CLI. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, runCli } from './run-cli.js'

beforeAll(() => ensureBuilt())

describe('docspec compare', () => {
  it('reports where pages disagree with a given specification, at their lines, and exits 1', () => {
    const { status, stderr } = runCli(['compare', 'test/compare/pages', '--spec', 'test/compare/spec.json', '--no-cache'])
    expect(status).toBe(1)
    expect(stderr).toContain('test/compare/pages/stop-gadget.asciidoc:13:2 warning spec-path-part-renamed `{gadget}` in POST /_gadgets/{gadget}/_stop is `{gadget_id}`')
    expect(stderr).toMatch(/stop-gadget\.asciidoc:24:1 warning spec-type-mismatch Query parameter `timeout`/)
    expect(stderr).toMatch(/compared 5 of 5 pages with the specification: 5 disagreement\(s\), 2 note\(s\)\n$/)
  })

  it('reads the specification @elastic/request-converter ships when no --spec is given', () => {
    const { status, stderr } = runCli(['compare', 'fixtures', '--no-cache'])
    expect(stderr).toMatch(/rollup-stop-job\.asciidoc:17:2 warning spec-path-part-renamed `\{job_id\}`/)
    expect(stderr).toMatch(/compared 4 of 8 pages with the specification/)
    expect(status).toBe(1)
  })

  it('refuses a file that is no compiled specification with exit 2', () => {
    const { status, stderr } = runCli(['compare', 'fixtures', '--spec', 'package.json', '--no-cache'])
    expect(status).toBe(2)
    expect(stderr).toMatch(/--spec: package\.json is not a compiled specification/)
  })
})

describe('docspec export', () => {
  it('prints the OpenAPI document and its figures', () => {
    const { status, stdout, stderr } = runCli(['export', 'test/compare/pages', '--format', 'openapi', '--title', 'Gadgets', '--no-cache'])
    expect(status).toBe(0)
    const doc = JSON.parse(stdout) as { openapi: string; info: { title: string }; paths: Record<string, unknown> }
    expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: 'Gadgets' } })
    expect(Object.keys(doc.paths).sort()).toEqual(['/_cat/gadgets', '/_gadgets', '/_gadgets/_stats', '/_gadgets/{gadget_id}', '/_gadgets/{gadget_id}/_stats', '/_gadgets/{gadget}/_stop'])
    expect(stderr).toMatch(/^exported 6 paths, 7 operations, \d+ parameters, \d+ examples\n$/)
  })

  it('writes --out atomically and refuses another format', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-export-')), 'openapi.json')
    expect(runCli(['export', 'fixtures', '-o', out, '-q', '--no-cache']).status).toBe(0)
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toHaveProperty('openapi', '3.1.0')
    const other = runCli(['export', 'fixtures', '--format', 'swagger', '--no-cache'])
    expect(other.status).toBe(2)
    expect(other.stderr).toMatch(/Allowed choices are openapi/)
  })
})
