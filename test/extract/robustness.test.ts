import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPage } from '../../src/extract/index.js'
import { loadPage, loadText, MAX_LINE_CHARS } from '../../src/load/index.js'
import { apiPage, docsRoot, extractModel, FIXTURES } from './pages.js'

const MB = 1 << 20

describe('encodings', () => {
  const page = apiPage('==== {api-query-parms-title}\n\n`q`::\n(Optional, string) Q. Defaults to `x`.\n\n==== {api-examples-title}\n\n[source,console]\n----\nGET _demo/1?q=y\n----\n')

  it.each([
    ['CRLF', Buffer.from(page.replace(/\n/g, '\r\n'))],
    ['BOM', Buffer.concat([Buffer.from('\ufeff'), Buffer.from(page)])],
    ['BOM + CRLF', Buffer.concat([Buffer.from('\ufeff'), Buffer.from(page.replace(/\n/g, '\r\n'))])],
  ])('%s → the same model as LF, positions included', async (_name, bytes) => {
    const root = docsRoot()
    const want = await extractModel(Buffer.from(page), { root })
    const got = await extractModel(bytes, { root })
    expect(got).toEqual(want)
    expect(got.examples[0]!.text).toBe('GET _demo/1?q=y')
  })

  it('the CRLF fixture with a BOM reads like an LF page', async () => {
    const file = path.join(FIXTURES, 'widgets/delete-widget.asciidoc')
    const bytes = fs.readFileSync(file)
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(bytes.includes('\r\n')).toBe(true)
    const got = (await extractPage(loadPage(file, { root: FIXTURES })))!
    const root = docsRoot()
    const lf = await extractModel(bytes.toString('utf8').replace(/^\ufeff/, '').replace(/\r\n/g, '\n'), { root, file: 'widgets/delete-widget.asciidoc' })
    expect(got).toEqual(lf)
    expect(JSON.stringify(got)).not.toMatch(/\\r|\ufeff/)
  })
})

describe('files that are not pages', () => {
  it.each([
    ['empty', new Uint8Array(0), 'empty-file'],
    ['binary', Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 2654435761) >>> 24), 'binary-file'],
  ])('%s file → a model holding only the error', async (_name, bytes, rule) => {
    const root = docsRoot({ 'x.asciidoc': bytes })
    const model = (await extractPage(loadPage(path.join(root, 'x.asciidoc'), { root })))!
    expect(model).toMatchObject({ file: 'x.asciidoc', id: '', title: '', endpoints: [], examples: [] })
    expect(model.diagnostics).toMatchObject([{ rule, severity: 'error', line: 1, column: 1 }])
  })
})

describe('large pages finish quickly', () => {
  // Asciidoctor's own parse (it converts every list item's text while loading) is most of the time here.
  const entry = (i: number) => `\`param_${i}\`::\n(Optional, string) Parameter number ${i} of this page, with some words to make the line longer. Defaults to \`v${i}\`.\n\n`
  const example = (i: number) => `[source,console]\n----\nPUT _demo/${i}\n{\n  "n": ${i},\n  "text": "${'x'.repeat(40)}"\n}\n----\n// TEST[continued]\n\n`
  const build = (unit: (i: number) => string, size: number) => {
    let body = ''
    for (let i = 0; body.length < size; i++) body += unit(i)
    return body
  }
  const seconds = (since: number) => (performance.now() - since) / 1000

  it('5 MB of parameters and examples', async () => {
    const page = apiPage(`==== {api-query-parms-title}\n\n${build(entry, 2.5 * MB)}==== {api-examples-title}\n\n${build(example, 2.5 * MB)}`)
    expect(page.length).toBeGreaterThanOrEqual(5 * MB)
    const started = performance.now()
    const model = await extractModel(page)
    expect(model.queryParams.length).toBeGreaterThan(19_000)
    expect(model.queryParams.at(-1)).toMatchObject({ type: 'string', default: `v${model.queryParams.length - 1}` })
    expect(model.examples.length).toBeGreaterThan(15_000)
    expect(model.diagnostics).toEqual([])
    expect(seconds(started)).toBeLessThan(20)
  })

  it('5 MB of one paragraph on one line: its first 16,384 characters, and a warning', async () => {
    const prose = 'A sentence of prose about {es} with `code` and <<links,links>>. '.repeat((5 * MB) / 60)
    const started = performance.now()
    const model = await extractModel(`[[p]]\n=== P API\n\n${prose}\n\n==== {api-request-title}\n\n\`GET /p\`\n`)
    expect(model.description.length).toBeGreaterThan(MAX_LINE_CHARS * 0.9)
    expect(model.diagnostics.map((d) => d.rule)).toContain('line-too-long')
    expect(model.endpoints.map((e) => e.path)).toEqual(['/p'])
    expect(seconds(started)).toBeLessThan(10)
  })

  it('5 MB of one paragraph on many lines', async () => {
    const prose = 'A sentence of prose about {es} with `code` and <<links,links>>.\n'.repeat((5 * MB) / 60)
    const started = performance.now()
    const model = await extractModel(`[[p]]\n=== P API\n\n${prose}\n\n==== {api-request-title}\n\n\`GET /p\`\n`)
    expect(model.description.length).toBeGreaterThan(4 * MB)
    expect(seconds(started)).toBeLessThan(10)
  })

  it('5 MB flattened to one line is reflowed quickly', () => {
    const page = apiPage(`==== {api-query-parms-title}\n\n${build(entry, 5.5 * MB)}`).replace(/\s+/g, ' ')
    expect(page.length).toBeGreaterThanOrEqual(5 * MB)
    const root = docsRoot()
    const started = performance.now()
    const source = loadText(page, path.join(root, 'p.asciidoc'), { root })
    expect(source.lines.filter((l) => /^`param_\d+`::$/.test(l)).length).toBeGreaterThan(40_000)
    expect(source.diagnostics.map((d) => d.rule)).toEqual(['reflowed'])
    expect(seconds(started)).toBeLessThan(5)
  })
})
