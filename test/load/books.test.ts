import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bookCandidates, planBooks, readAttributesText, walkBook } from '../../src/load/index.js'
import { hasOwnTitle } from '../../src/load/title.js'
import { docsRoot } from '../extract/pages.js'
import { bookTree } from './book-tree.js'

const INDEX = 'docs/reference/index.asciidoc'

async function plan(root: string, attributes: Record<string, string> = {}, books = [INDEX]) {
  return planBooks(books.map((b) => path.join(root, b)), [], { root, attributes, cache: new Map() })
}

const rel = (root: string, map: Map<string, unknown>) => [...map.keys()].map((f) => path.relative(root, f))

describe('a book walk', () => {
  it('gives each page the attributes Asciidoctor has in effect where the book includes it', async () => {
    const root = bookTree()
    const { pages } = await plan(root)
    const put = pages.get(path.join(root, 'docs/reference/widgets/put-widget.asciidoc'))!
    expect(put.book).toBe(INDEX)
    expect(put.walked).toBe(true)
    expect(put.attributes).toMatchObject({
      // The book's own entries, from {elasticsearch-root} (the docs root unless given) …
      'es-repo-dir': path.join(root, 'docs/reference'),
      'elasticsearch-root': root,
      docdir: path.join(root, 'docs/reference'),
      // … the versions file's, with its ifeval evaluated against the stand-in release state …
      lucene_version: '8.7.0',
      'widget-javadoc': 'https://artifacts.example.com/javadoc/widget/X.Y.Z',
      'widget-image': 'widgets/widget:X.Y.Z',
      // … those of the file it includes (references resolved where the entry is read), and the chapter's.
      'widget-guide': 'https://example.com/widget-guide/current',
      'widget-kind': 'gadget',
    })
    expect(put.attributes).not.toHaveProperty('permanently-unreleased-branch')
    expect(put.attributes).not.toHaveProperty('doctitle')
  })

  it('classifies what it reaches: pages in reading order, fragments with the first page that includes them', async () => {
    const root = bookTree()
    const got = await plan(root)
    expect(rel(root, got.pages)).toEqual([INDEX, 'docs/reference/widgets.asciidoc', 'docs/reference/widgets/put-widget.asciidoc', 'docs/reference/widgets/get-widget.asciidoc'])
    expect(Object.fromEntries([...got.fragments].map(([f, owner]) => [path.relative(root, f), path.relative(root, owner)]))).toEqual({
      'docs/Versions.asciidoc': INDEX,
      'docs/links.asciidoc': INDEX,
      'docs/reference/widgets/op-note.asciidoc': 'docs/reference/widgets/put-widget.asciidoc',
      'docs/reference/widgets/common.asciidoc': 'docs/reference/widgets/put-widget.asciidoc',
      'docs/reference/widgets/shared-example.asciidoc': 'docs/reference/widgets/put-widget.asciidoc',
    })
    // unreleased.asciidoc sits under a false ifdef: the book does not reach it.
    expect(got.order.map((f) => path.relative(root, f))).not.toContain('docs/reference/unreleased.asciidoc')
  })

  it('says once per include line that the docs build files stand in without a docs-root', async () => {
    const got = await plan(bookTree())
    expect(got.diagnostics.map((d) => [d.rule, d.severity, `${d.file}:${d.line}:${d.column}`])).toEqual([
      ['docs-build-stand-in', 'info', 'docs/Versions.asciidoc:1:10'],
      ['docs-build-stand-in', 'info', 'docs/Versions.asciidoc:20:10'],
    ])
  })

  it('takes --attribute values over the stand-ins and the book, as Asciidoctor does with -a', async () => {
    const root = bookTree()
    const got = await plan(root, { 'release-state': 'unreleased', version: '7.10.0', source_branch: 'master' })
    const put = got.pages.get(path.join(root, 'docs/reference/widgets/put-widget.asciidoc'))!
    expect(put.attributes['widget-javadoc']).toBe('https://snapshots.example.com/javadoc/widget/7.10.0-SNAPSHOT')
    // source_branch master sets permanently-unreleased-branch: now the book includes the unreleased page.
    expect(rel(root, got.pages)).toContain('docs/reference/unreleased.asciidoc')
  })

  it('reads the docs build files from a docs-root the user names, outside the docs root', async () => {
    const root = bookTree()
    const docs = docsRoot({ 'shared/versions/stack/7.10.asciidoc': ':version: 7.10.2\n:release-state: released\n', 'shared/attributes.asciidoc': ':widget-guide: https://shared.example.com\n' })
    const got = await planBooks([path.join(root, INDEX)], [], { root, readable: [docs], attributes: { 'docs-root': docs, source_branch: '7.10' }, cache: new Map() })
    const put = got.pages.get(path.join(root, 'docs/reference/widgets/put-widget.asciidoc'))!
    expect(got.diagnostics).toEqual([])
    expect(put.attributes).toMatchObject({ version: '7.10.2', 'widget-javadoc': 'https://artifacts.example.com/javadoc/widget/7.10.2', 'widget-guide': 'https://shared.example.com' })
  })

  it('gives a page the entries above its include even where Asciidoctor reads the include early (a list looking for more items)', async () => {
    const root = docsRoot({
      'index.asciidoc': '= Book\n\n`a`::\nA term.\n\n[[tls]]\n:prefix: xpack.http\n\ninclude::ssl.asciidoc[]\n\n`b`::\nAnother.\n\n:prefix: xpack.transport\n\ninclude::ssl.asciidoc[]\n',
      'ssl.asciidoc': '=== {prefix} TLS settings\n\nText.\n',
    })
    const walk = await walkBook(path.join(root, 'index.asciidoc'), { root, attributes: {}, cache: new Map() })
    expect(walk!.files.map((f) => f.attributes?.prefix)).toEqual(['xpack.http', 'xpack.transport'])
  })

  it('reports a failing include once, at its line, and none under a false conditional', async () => {
    const root = bookTree({
      'docs/reference/widgets/common.asciidoc': 'tag::timeout[]\n`timeout`::\nText.\ninclude::missing.asciidoc[]\nend::timeout[]\n',
      'docs/reference/widgets.asciidoc': '[[widgets]]\n== Widgets\n\nifdef::nope[]\ninclude::also-missing.asciidoc[]\nendif::[]\n\ninclude::widgets/put-widget.asciidoc[]\n\ninclude::widgets/get-widget.asciidoc[]\n\ninclude::{undefined-dir}/x.asciidoc[]\n',
    })
    const got = await plan(root)
    expect(got.diagnostics.filter((d) => d.rule !== 'docs-build-stand-in').map((d) => [d.rule, `${d.file}:${d.line}`])).toEqual([
      ['include-not-found', 'docs/reference/widgets/common.asciidoc:4'],
      ['include-unresolved', 'docs/reference/widgets.asciidoc:12'],
    ])
  })

  it('never reads outside the docs root, symbolic links by their real path', async () => {
    const outside = docsRoot({ 'secret.asciidoc': '=== Secret\n\nText.\n' })
    const root = docsRoot({ 'index.asciidoc': '= Book\n\ninclude::link.asciidoc[]\n\ninclude::../outside.asciidoc[]\n' })
    fs.symlinkSync(path.join(outside, 'secret.asciidoc'), path.join(root, 'link.asciidoc'))
    const walk = await walkBook(path.join(root, 'index.asciidoc'), { root, attributes: {}, cache: new Map() })
    expect(walk!.files).toEqual([])
    expect(walk!.diagnostics.map((d) => d.rule)).toEqual(['include-not-found', 'include-outside-root'])
  })
})

describe('books of a run', () => {
  it("are an input folder's index.asciidoc that includes anything", async () => {
    const root = bookTree({ 'partial/index.asciidoc': '= Partial\n\ninclude::gone.asciidoc[]\n' })
    expect(bookCandidates([path.join(root, 'docs/reference'), path.join(root, 'partial'), path.join(root, 'docs')])).toEqual([
      path.join(root, INDEX),
      path.join(root, 'partial/index.asciidoc'),
    ])
    const got = await planBooks([], bookCandidates([path.join(root, 'docs/reference'), path.join(root, 'partial')]), { root, attributes: {}, cache: new Map() })
    // An index whose includes all fail (a partial checkout) is read as a page, as any other file.
    expect(got.books).toEqual([path.join(root, INDEX)])
  })

  it('read a page two books include as one page, with the first book’s attributes', async () => {
    const root = bookTree({ 'docs/a-book/index.asciidoc': '= A\n\n:widget-kind: thing\n\ninclude::../reference/widgets/get-widget.asciidoc[]\n' })
    const got = await plan(root, {}, [INDEX, 'docs/a-book/index.asciidoc'])
    const get = got.pages.get(path.join(root, 'docs/reference/widgets/get-widget.asciidoc'))!
    expect(get).toMatchObject({ book: 'docs/a-book/index.asciidoc', attributes: { 'widget-kind': 'thing' } })
  })
})

describe('an --attributes file', () => {
  it('may be any AsciiDoc file, read as Asciidoctor reads it: the versions file with its ifeval and includes', async () => {
    const root = bookTree()
    const file = path.join(root, 'docs/Versions.asciidoc')
    const got = await readAttributesText(fs.readFileSync(file, 'utf8'), file, { root })
    expect(got.errors).toEqual([])
    expect(got.attributes).toMatchObject({ lucene_version: '8.7.0', 'widget-javadoc': 'https://artifacts.example.com/javadoc/widget/X.Y.Z', 'widget-guide': 'https://example.com/widget-guide/{branch}' })
  })
})

describe('a page title of its own', () => {
  it.each([
    ['a page', '[[put-widget]]\n=== Create widget API\n', true],
    ['a page after attributes, comments and an entry', '////\nNotes\n////\n// more\n[role="xpack"]\n[testenv="basic"]\n:page-id: x\n[[x]]\n== Chapter\n', true],
    ['a page under a conditional', 'ifdef::x[]\n[[x]]\nendif::[]\n=== Title\n', true],
    ['a tagged fragment', 'tag::timeout[]\n`timeout`::\nText.\nend::timeout[]\n', false],
    ['a sentence', 'A widget is answered like this:\n\n=== Later title\n', false],
    ['a discrete heading', '[discrete]\n=== Examples\n', false],
    ['nothing', '', false],
  ])('%s → %s', (_name, text, want) => {
    expect(hasOwnTitle(text)).toBe(want)
  })
})
