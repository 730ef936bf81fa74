import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPage, loadText, readAttributesText } from '../../src/load/index.js'
import { looksFlattened, reflowLines } from '../../src/load/reflow.js'
import { docsRoot } from '../extract/pages.js'

const rules = (d: { rule: string }[]) => d.map((x) => x.rule)

describe('decoding', () => {
  const text = '= Title\n\nSome text.\n'
  it.each([
    ['LF', Buffer.from(text)],
    ['CRLF', Buffer.from(text.replace(/\n/g, '\r\n'))],
    ['CR', Buffer.from(text.replace(/\n/g, '\r'))],
    ['BOM + CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))])],
    ['string with BOM + CRLF', '\ufeff' + text.replace(/\n/g, '\r\n')],
  ])('%s → the same lines, no diagnostic', (_name, bytes) => {
    const root = docsRoot()
    const got = loadText(bytes, path.join(root, 'p.asciidoc'), { root })
    expect(got.lines).toEqual(['= Title', '', 'Some text.', ''])
    expect(got.origins.map((o) => o.line)).toEqual([1, 2, 3, 4])
    expect(got.diagnostics).toEqual([])
  })

  it.each([
    ['empty', 'empty-file', new Uint8Array(0)],
    ['NUL bytes', 'binary-file', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
    ['invalid UTF-8 without NULs', 'binary-file', Uint8Array.from({ length: 4096 }, (_, i) => 0x80 + (i % 64))],
  ])('%s file → %s error, no lines', (_name, rule, bytes) => {
    const root = docsRoot({ 'p.asciidoc': bytes })
    const got = loadPage(path.join(root, 'p.asciidoc'), { root })
    expect(got.lines).toEqual([])
    expect(got.diagnostics).toMatchObject([{ rule, severity: 'error', file: 'p.asciidoc', line: 1, column: 1 }])
  })

  it.each([
    ['UTF-16LE', 'utf-16le', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16BE', 'utf-16be', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
  ])('a %s file with its byte order mark → the same lines, said in an info', (_name, encoding, encode) => {
    const root = docsRoot()
    const got = loadText(encode('= Caf\u00e9\r\n\r\nSome text.\r\n'), path.join(root, 'p.asciidoc'), { root })
    expect(got.lines).toEqual(['= Caf\u00e9', '', 'Some text.', ''])
    expect(got.diagnostics).toMatchObject([{ rule: 'utf16-file', severity: 'info', line: 1, column: 1, message: expect.stringContaining(encoding.toUpperCase()) }])
  })

  it('a stray Latin-1 byte is text, not binary', () => {
    const root = docsRoot()
    const got = loadText(Buffer.from([...Buffer.from('= Caf'), 0xe9, 0x0a]), path.join(root, 'p.asciidoc'), { root })
    expect(got.diagnostics).toEqual([])
    expect(got.lines[0]).toBe('= Caf\ufffd')
  })

  it('an unreadable path → unreadable-file', () => {
    const root = docsRoot()
    const got = loadPage(path.join(root, 'missing.asciidoc'), { root })
    expect(got.diagnostics).toMatchObject([{ rule: 'unreadable-file', severity: 'error', file: 'missing.asciidoc' }])
  })
})

describe('includes', () => {
  const shared = [
    'intro line',
    'tag::a[]',
    'line a1',
    'tag::inner[]',
    'line inner',
    'end::inner[]',
    'end::a[]',
    '// tag::b[]',
    'line b1',
    '// end::b[]',
    'outro line',
  ].join('\n')

  it.each([
    ['whole file', '', ['intro line', 'tag::a[]', 'line a1', 'tag::inner[]', 'line inner', 'end::inner[]', 'end::a[]', '// tag::b[]', 'line b1', '// end::b[]', 'outro line']],
    ['tag=a (nested tag lines dropped)', 'tag=a', ['line a1', 'line inner']],
    ['tag=inner', 'tag=inner', ['line inner']],
    ['tag=b (comment-style tag lines)', 'tag=b', ['line b1']],
    ['tags=b;a (file order)', 'tags=b;a', ['line a1', 'line inner', 'line b1']],
    ['tags="a,b"', 'tags="a,b"', ['line a1', 'line inner', 'line b1']],
    ['tags=** (all but tag lines)', 'tags=**', ['intro line', 'line a1', 'line inner', 'line b1', 'outro line']],
    ['tags=**;!a', 'tags=**;!a', ['intro line', 'line b1', 'outro line']],
  ])('%s', (_name, attrs, want) => {
    const root = docsRoot({ 'shared/parts.asciidoc': shared })
    const got = loadText(`before\ninclude::{es-repo-dir}/shared/parts.asciidoc[${attrs}]\nafter`, path.join(root, 'api/p.asciidoc'), { root })
    // The directive is replaced by the lines it includes, as Asciidoctor does: no blank line is left in its place.
    expect(got.lines).toEqual(['before', ...want, 'after'])
    expect(got.diagnostics).toEqual([])
  })

  it('traces included lines to the included file', () => {
    const root = docsRoot({ 'shared/parts.asciidoc': shared })
    const got = loadText('before\ninclude::../shared/parts.asciidoc[tag=b]\nafter', path.join(root, 'api/p.asciidoc'), { root })
    expect(got.origins).toEqual([
      { file: 'api/p.asciidoc', line: 1, column: 1 },
      { file: 'shared/parts.asciidoc', line: 9, column: 1 },
      { file: 'api/p.asciidoc', line: 3, column: 1 },
    ])
  })

  it('attributes set by the page above an include are used in its target', () => {
    const root = docsRoot({ 'parts/x.asciidoc': 'from x' })
    const got = loadText(':dir: parts\ninclude::{dir}/x.asciidoc[]', path.join(root, 'p.asciidoc'), { root })
    expect(got.lines).toContain('from x')
  })

  it('nested includes resolve relative to the including file', () => {
    const root = docsRoot({ 'a/one.asciidoc': 'one\ninclude::../b/two.asciidoc[]', 'b/two.asciidoc': 'two' })
    const got = loadText('include::a/one.asciidoc[]', path.join(root, 'p.asciidoc'), { root })
    expect(got.lines).toEqual(['one', 'two'])
    expect(got.origins.map((o) => `${o.file}:${o.line}`)).toEqual(['a/one.asciidoc:1', 'b/two.asciidoc:1'])
  })

  it.each([
    ['missing file', 'include::nope.asciidoc[]', 'include-not-found', 'error'],
    ['undefined attribute in target', 'include::{nowhere}/x.asciidoc[]', 'include-unresolved', 'error'],
    ['missing tag', 'include::x.asciidoc[tag=nope]', 'include-tag-missing', 'warning'],
    ['self include', 'include::p.asciidoc[]', 'include-cycle', 'error'],
  ])('%s → %s at the directive', (_name, directive, rule, severity) => {
    const root = docsRoot({ 'x.asciidoc': 'x', 'p.asciidoc': `text\n${directive}` })
    const got = loadPage(path.join(root, 'p.asciidoc'), { root })
    expect(got.diagnostics.filter((d) => d.rule === rule)).toMatchObject([{ severity, file: 'p.asciidoc', line: 2, column: 10 }])
  })

  it('stops including once a page grows past its bound (files that include the next one several times, nested)', () => {
    const files: Record<string, string> = { 'f12.asciidoc': 'a line' }
    for (let i = 1; i < 12; i++) files[`f${i}.asciidoc`] = `include::f${i + 1}.asciidoc[]\n`.repeat(4)
    const root = docsRoot(files)
    // 4^11 lines (four million) if every include were read.
    const got = loadText('text\ninclude::f1.asciidoc[]\nafter', path.join(root, 'p.asciidoc'), { root })
    // The files being read when the bound is reached still end (their last, blank lines).
    expect(got.lines.length).toBeLessThan(250_100)
    expect(got.lines.at(-1)).toBe('after')
    expect(got.diagnostics.filter((d) => d.rule === 'include-too-large')).toMatchObject([{ severity: 'error', column: 10 }])
  })

  it('never reads outside the root (relative, absolute, or through a symbolic link)', () => {
    const outside = docsRoot({ 'secret.asciidoc': 'TOP-SECRET-0451' })
    const root = docsRoot()
    fs.symlinkSync(path.join(outside, 'secret.asciidoc'), path.join(root, 'link.asciidoc'))
    const rel = path.relative(root, path.join(outside, 'secret.asciidoc'))
    const page = `a\ninclude::${rel}[]\ninclude::${path.join(outside, 'secret.asciidoc')}[]\ninclude::link.asciidoc[]\nb`
    const got = loadText(page, path.join(root, 'p.asciidoc'), { root })
    expect(got.lines.join('\n')).not.toContain('TOP-SECRET')
    expect(rules(got.diagnostics)).toEqual(['include-outside-root', 'include-outside-root', 'include-outside-root'])
  })
})

describe('attributes', () => {
  it.each([
    ['AsciiDoc entries', ':a: one\n// comment\n\n:b-c:   two words  \n:d: x\n:d!:\n', { a: 'one', 'b-c': 'two words' }, []],
    ['any AsciiDoc: text between entries is no error', ':a: one\nSome words.\n\n:b: {a} two\n', { a: 'one', b: 'one two' }, []],
    ['JSON object', '{ "a": "one", "n": 2 }', { a: 'one', n: '2' }, []],
    ['bad JSON', '{ "a": ', {}, [1]],
  ])('%s', async (_name, text, attributes, errorLines) => {
    const root = docsRoot()
    const got = await readAttributesText(text, path.join(root, 'attrs.asciidoc'), { root })
    expect(got.attributes).toEqual(attributes)
    expect(got.errors.map((e) => e.line)).toEqual(errorLines)
  })

  it('--attributes override the built-in ones and the path attributes point at the root', () => {
    const root = docsRoot()
    const got = loadText('x', path.join(root, 'p.asciidoc'), { root, attributes: { es: 'OpenSearch', extra: 'yes' } })
    expect(got.attributes).toMatchObject({ es: 'OpenSearch', extra: 'yes', 'es-repo-dir': root, docdir: root, 'api-request-title': 'Request' })
  })

  it("a page read without a book takes the path attributes of the outermost folder holding an index.asciidoc (its book's folder)", () => {
    const root = docsRoot({
      'reference/index.asciidoc': '= Reference\n\ninclude::missing-chapter.asciidoc[]\n',
      'reference/ml/index.asciidoc': '== ML\n',
      'reference/ml/shared.asciidoc': '// tag::id[]\nThe job id.\n// end::id[]\n',
    })
    const got = loadText('include::{es-repo-dir}/ml/shared.asciidoc[tag=id]\n', path.join(root, 'reference/ml/apis/get.asciidoc'), { root })
    expect(got.attributes).toMatchObject({ 'es-repo-dir': path.join(root, 'reference'), docdir: path.join(root, 'reference') })
    expect(got.lines).toEqual(['The job id.', ''])
    expect(got.diagnostics).toEqual([])
  })

  it('the root holding the index.asciidoc is that folder, not a chapter folder below it', () => {
    const root = docsRoot({
      'index.asciidoc': '= Reference\n\ninclude::missing-chapter.asciidoc[]\n',
      'ml/apis/index.asciidoc': '== ML APIs\n',
      'ml/shared.asciidoc': '// tag::id[]\nThe job id.\n// end::id[]\n',
    })
    const got = loadText('include::{docdir}/ml/shared.asciidoc[tag=id]\n', path.join(root, 'ml/apis/get.asciidoc'), { root })
    expect(got.attributes).toMatchObject({ 'es-repo-dir': root, docdir: root })
    expect(got.lines).toEqual(['The job id.', ''])
    expect(got.diagnostics).toEqual([])
  })
})

describe('reflow detection', () => {
  const page = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/rollup-stop-job.asciidoc'), 'utf8')
  it.each([
    ['a flattened page', true, page.replace(/\s+/g, ' ')],
    ['a long prose line', false, 'word '.repeat(100)],
    ['a short line with syntax', false, '== A [[b]] ----'],
    ['a long line with one hint only', false, `${'word '.repeat(40)}[source,js] ${'word '.repeat(10)}`],
  ])('%s → %s', (_name, want, line) => {
    expect(looksFlattened(line)).toBe(want)
  })

  it('reflowed lines keep their columns in the damaged line', () => {
    const root = docsRoot()
    const flat = page.replace(/\s+/g, ' ')
    const got = loadText(flat, path.join(root, 'p.asciidoc'), { root })
    expect(rules(got.diagnostics)).toEqual(['reflowed'])
    got.lines.forEach((line, i) => {
      const origin = got.origins[i]!
      expect(origin.line).toBe(1)
      if (line) expect(flat.slice(origin.column - 1, origin.column - 1 + line.length)).toBe(line)
    })
    expect(got.lines).toContain('==== {api-request-title}')
    expect(got.lines).toContain('`<job_id>`::')
    expect(got.lines).toContain('// TEST[setup:sensor_started_rollup_job]')
  })

  it('a flattened page gets its includes expanded, traced to the included file', () => {
    const root = docsRoot({ 'shared/parms.asciidoc': 'tag::t[]\nShared text.\nend::t[]\n' })
    const page = '[[p]] === P API ==== {api-request-title} `GET /p` ==== {api-query-parms-title} `q`:: (Optional, string) include::{es-repo-dir}/shared/parms.asciidoc[tag=t] [source,js] ---- GET /p ---- // CONSOLE'
    const got = loadText(page, path.join(root, 'p.asciidoc'), { root })
    expect(rules(got.diagnostics)).toEqual(['reflowed'])
    const i = got.lines.indexOf('Shared text.')
    expect(i).toBeGreaterThan(0)
    expect(got.lines[i - 1]).toBe('(Optional, string)')
    expect(got.origins[i]).toEqual({ file: 'shared/parms.asciidoc', line: 2, column: 1 })
  })

  it.each([
    ['a Title Case title before "The"', '[[widget-create]] == Create Widget The Create Widget API makes a widget.', '== Create Widget'],
    ['a title with API inside before "This"', '[[widget-res]] === Widget job API resources This resource holds the properties of a job.', '=== Widget job API resources'],
    ['a title before a capitalized attribute', '[[widget-obj]] === Analysis configuration objects {widget-cap} resources hold `analysis` objects.', '=== Analysis configuration objects'],
    ['a title whose first word opens the sentence again', '[[slicing]] ===== Advanced parameters Advanced parameters are for tuning.', '===== Advanced parameters'],
    ['a lower-case word after API goes on', '[[widget-key]] === Get API key information API Retrieves information for API keys.', '=== Get API key information API'],
    ['a preposition inside a Title Case title', '[[wait]] === Wait For Active Shards By default, writes wait for the primary only.', '=== Wait For Active Shards'],
    ['"Now," opens a sentence', '[[scripted]] === Scripted updates Now, we can run a script that increments a counter.', '=== Scripted updates'],
    ['code after a title that spelt out its anchor', '[[cat-widget]] == cat widget `widget` is a terse, one-line view of the widgets.', '== cat widget'],
    ['a capitalized verb before an article opens a sentence', '[[refresh]] ===== Refresh Control when the changes become visible to search.', '===== Refresh'],
    ['a written-out section name before a lower-case word goes on', '[[ex]] ===== Example with failed actions The following request fails.', '===== Example with failed actions'],
  ])('a section title that lost its newline: %s', (_name, head, title) => {
    const line = `${head} [source,console] ---- GET /_widget ---- // TEST[continued] and more words to make the line as long as a page.`
    const got = reflowLines([line], [{ file: 'p', line: 1, column: 1 }])
    expect(got.lines).toContain(title)
  })

  it('a flattened page with one list item of a megabyte reflows in linear time', () => {
    const line = `[[w]] === Widget API [source,console] ---- GET /w ---- // CONSOLE * ${'word '.repeat(200_000)}`
    const t0 = performance.now()
    const got = reflowLines([line], [{ file: 'p', line: 1, column: 1 }])
    expect(performance.now() - t0).toBeLessThan(1_000)
    expect(got.lines.at(-1)).toMatch(/^\* word word/)
  })

  it.each([
    ['a body after the request line', 'PUT /w/x { "a": 1 } GET /w/x', ['PUT /w/x', '{ "a": 1 }', 'GET /w/x']],
    ['a body after a request with a query', 'POST /w/_search?q=1 [ 1 ]', ['POST /w/_search?q=1', '[ 1 ]']],
    ['braces in a path stay', 'GET {index}/_doc/1', ['GET {index}/_doc/1']],
    ['a body first in the block', '{ "a": 1 }', ['{ "a": 1 }']],
  ])('console snippet: %s', (_name, snippet, want) => {
    const line = `=== T API [[t]] ==== Example [source,console] ---- ${snippet} ---- // TEST[continued] and more text to reach the length of a flattened page.`
    const got = reflowLines([line], [{ file: 'p', line: 1, column: 1 }])
    const open = got.lines.indexOf('----')
    expect(got.lines.slice(open + 1, got.lines.lastIndexOf('----'))).toEqual(want)
  })
})
