import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'
import type { PageModel } from '../../src/model/types.js'
import { collectDiagnostics } from '../../src/run/diagnostics.js'
import { bookTree } from '../load/book-tree.js'

const INDEX = 'docs/reference/index.asciidoc'

async function extractBook(root: string, options: { books?: string[]; attributes?: Record<string, string> } = {}): Promise<PageModel[]> {
  const { models } = await extractFiles([path.join(root, 'docs/reference')], { root, attributes: options.attributes ?? {}, books: (options.books ?? []).map((b) => path.join(root, b)) })
  return models
}

const byFile = (models: PageModel[], file: string) => models.find((m) => m.file === file)!
const places = (models: PageModel[]) => models.flatMap((m) => m.examples.map((e) => `${e.position.file}:${e.position.line}`))

describe('a book', () => {
  it('is found as the index.asciidoc of an input folder, and its files are what it makes them', async () => {
    const models = await extractBook(bookTree())
    expect(models.map((m) => [m.file, m.kind ?? 'page', m.book ?? '-'])).toEqual([
      [INDEX, 'book', INDEX],
      // Under a false ifdef: no book includes it, so it is a page of its own, read with its book's attributes.
      ['docs/reference/unreleased.asciidoc', 'page', '-'],
      ['docs/reference/widgets.asciidoc', 'container', INDEX],
      ['docs/reference/widgets/get-widget.asciidoc', 'page', INDEX],
      ['docs/reference/widgets/put-widget.asciidoc', 'page', INDEX],
    ])
  })

  it('makes a chapter no API page: its own snippet and sections at its own lines, no endpoint from its example', async () => {
    const chapter = byFile(await extractBook(bookTree()), 'docs/reference/widgets.asciidoc')
    expect(chapter.endpoints).toEqual([])
    expect(chapter.examples.map((e) => [e.position.file, e.position.line, e.requests.map((r) => `${r.method} ${r.path}`)])).toEqual([['docs/reference/widgets.asciidoc', 10, ['GET /_widget']]])
    expect(chapter.description).toBe('Widgets are gadgets. Most calls look like this one:')
    expect(chapter.diagnostics).toEqual([])
  })

  it('puts every snippet in exactly one model: a fragment two pages include goes with the first in book order', async () => {
    const models = await extractBook(bookTree())
    expect(places(models)).toHaveLength(new Set(places(models)).size)
    expect(places([byFile(models, 'docs/reference/widgets/put-widget.asciidoc')])).toEqual(['docs/reference/widgets/put-widget.asciidoc:33', 'docs/reference/widgets/shared-example.asciidoc:5'])
    expect(places([byFile(models, 'docs/reference/widgets/get-widget.asciidoc')])).toEqual(['docs/reference/widgets/get-widget.asciidoc:21'])
    // The shared response answers the request of the page that holds it, numbered in that page's order.
    expect(byFile(models, 'docs/reference/widgets/put-widget.asciidoc').examples.map((e) => [e.index, e.role, e.answers])).toEqual([
      [0, 'request', undefined],
      [1, 'response', 0],
    ])
  })

  it('reports only the attributes nobody defines, a shared fragment’s once with the pages it reaches', async () => {
    const models = await extractBook(bookTree())
    const found = collectDiagnostics(models)
    expect(found.map((d) => [d.rule, `${d.file}:${d.line}:${d.column}`, d.pages])).toEqual([
      ['docs-build-stand-in', 'docs/Versions.asciidoc:1:10', undefined],
      ['docs-build-stand-in', 'docs/Versions.asciidoc:20:10', undefined],
      ['undefined-attribute', 'docs/reference/widgets/common.asciidoc:3:64', 2],
      ['undefined-attribute', 'docs/reference/widgets/get-widget.asciidoc:4:19', undefined],
    ])
    // Built-in, the book's, the chapter's, the versions file's, Asciidoctor's own ({nbsp}, {empty}) and one the
    // page sets above the include that uses it are defined; `a{3}b{3}` in a literal block is no reference.
    const put = byFile(models, 'docs/reference/widgets/put-widget.asciidoc')
    expect(put.description).toBe("Creates a gadget widget. See https://artifacts.example.com/javadoc/widget/X.Y.Z and Lucene 8.7.0.\n\nThe put call takes the widget's lock.")
  })

  it('reads a page two books include as one page, of the first book', async () => {
    const root = bookTree({ 'docs/a-book/index.asciidoc': '= A\n\n:widget-kind: thing\n\ninclude::../reference/widgets/get-widget.asciidoc[]\n' })
    const models = await extractBook(root, { books: ['docs/a-book/index.asciidoc'] })
    expect(models.filter((m) => m.file === 'docs/reference/widgets/get-widget.asciidoc')).toHaveLength(1)
    expect(byFile(models, 'docs/reference/widgets/get-widget.asciidoc').book).toBe('docs/a-book/index.asciidoc')
    expect(byFile(models, 'docs/a-book/index.asciidoc').kind).toBe('book')
  })

  it('gives a page the attributes of the release the user names', async () => {
    const models = await extractBook(bookTree(), { attributes: { version: '7.10.0', 'release-state': 'unreleased' } })
    expect(byFile(models, 'docs/reference/widgets/put-widget.asciidoc').description).toContain('See https://snapshots.example.com/javadoc/widget/7.10.0-SNAPSHOT and Lucene 8.7.0.')
  })

  it('leaves pages no book reaches as they were without one; a chapter is still no API page', async () => {
    const root = bookTree()
    fs.rmSync(path.join(root, INDEX))
    const models = await extractBook(root)
    expect(models.map((m) => [m.file, m.kind ?? 'page', m.book ?? '-'])).toEqual([
      ['docs/reference/unreleased.asciidoc', 'page', '-'],
      ['docs/reference/widgets.asciidoc', 'container', '-'],
      ['docs/reference/widgets/get-widget.asciidoc', 'page', '-'],
      // {es-repo-dir} is the docs root without the book: the page's include of it fails, so it is read alone.
      ['docs/reference/widgets/op-note.asciidoc', 'page', '-'],
      ['docs/reference/widgets/put-widget.asciidoc', 'page', '-'],
    ])
    // Without its book, the chapter's and the versions file's entries are missing where the page uses them, once per line.
    expect(byFile(models, 'docs/reference/widgets/put-widget.asciidoc').diagnostics.map((d) => [d.rule, d.line, d.message.split(' are ')[0]])).toEqual([
      ['undefined-attribute', 7, 'Attributes {widget-kind}, {widget-javadoc}, {lucene_version}'],
      ['include-not-found', 10, 'Include file not found: widgets/op-note.asciidoc'],
      ['include-not-found', 20, 'Include file not found: widgets/common.asciidoc'],
    ])
  })
})
