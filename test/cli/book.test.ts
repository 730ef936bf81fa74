import { beforeAll, describe, expect, it } from 'vitest'
import { docsRoot } from '../extract/pages.js'
import { bookTree } from '../load/book-tree.js'
import { ensureBuilt, runCli } from './run-cli.js'

let root: string
beforeAll(() => {
  ensureBuilt()
  root = bookTree()
}, 120_000)

const lines = (stderr: string) => stderr.trimEnd().split('\n')

describe('docspec extract on a book, as a docs repository runs it in CI', () => {
  it('reads the book of an input folder and prints each finding once, with the pages a shared one reaches', () => {
    const r = runCli(['extract', '--root', '.', 'docs/reference'], { cwd: root })
    expect(r.status).toBe(0)
    expect(lines(r.stderr).slice(0, -1)).toEqual([
      expect.stringMatching(/^docs\/Versions\.asciidoc:1:10 info docs-build-stand-in /),
      expect.stringMatching(/^docs\/Versions\.asciidoc:20:10 info docs-build-stand-in /),
      expect.stringMatching(/^docs\/reference\/widgets\/common\.asciidoc:3:64 warning undefined-attribute Attribute \{typo-attr\} is not defined .* \(in 2 pages\)$/),
      expect.stringMatching(/^docs\/reference\/widgets\/get-widget\.asciidoc:4:19 warning undefined-attribute Attribute \{nobody-defines-this\} is not defined /),
    ])
    expect(lines(r.stderr).pop()).toMatch(/^docspec: 1 book, 5 pages, 3 endpoints, 4 snippets, 4 diagnostics \(0 errors, 2 warnings\), [\d.]+ s$/)
  })

  it('takes --book and --attribute (repeatable, as Asciidoctor’s -a) and an AsciiDoc --attributes file', () => {
    const args = ['extract', '--root', '.', 'docs/reference/widgets', '--book', 'docs/reference/index.asciidoc', '--no-cache', '-q']
    const models = (r: { stdout: string }) => JSON.parse(r.stdout) as { file: string; description: string; book?: string }[]
    const put = (r: { stdout: string }) => models(r).find((m) => m.file.endsWith('put-widget.asciidoc'))!
    const released = runCli(args, { cwd: root })
    expect(put(released)).toMatchObject({ book: 'docs/reference/index.asciidoc', description: expect.stringContaining('widget/X.Y.Z and Lucene 8.7.0') })
    const named = runCli([...args, '--attribute', 'version=7.10.0', '-a', 'release-state=unreleased'], { cwd: root })
    expect(put(named).description).toContain('widget/7.10.0-SNAPSHOT and Lucene 8.7.0')
    // Without the book, the versions file given as --attributes still defines what the pages use.
    const attributes = runCli(['extract', '--root', '.', 'docs/reference/widgets/get-widget.asciidoc', '--attributes', 'docs/Versions.asciidoc', '--no-cache'], { cwd: root })
    expect(attributes.status).toBe(0)
    expect(attributes.stderr).not.toContain('{lucene_version}')
  })

  it.each([
    [['--attribute', '=x'], /--attribute must be name=value/],
    [['--book', 'docs/no-such-book.asciidoc'], /no such file or folder/],
    [['--attribute', 'docs-root=no-such-folder'], /docs-root is not a folder/],
  ])('exits 2 on bad usage: %j', (extra, message) => {
    const r = runCli(['extract', '--root', '.', 'docs/reference', ...extra], { cwd: root })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('reads the docs build files from an explicit docs-root outside the docs root (the user named it)', () => {
    const docs = docsRoot({ 'shared/versions/stack/7.10.asciidoc': ':version: 7.10.2\n:release-state: released\n', 'shared/attributes.asciidoc': ':widget-guide: https://shared.example.com\n' })
    const r = runCli(['extract', '--root', '.', 'docs/reference', '-a', `docs-root=${docs}`, '-a', 'source_branch=7.10', '--no-cache'], { cwd: root })
    expect(r.stderr).not.toContain('docs-build-stand-in')
    const put = (JSON.parse(r.stdout) as { file: string; description: string }[]).find((m) => m.file.endsWith('put-widget.asciidoc'))!
    expect(put.description).toContain('widget/7.10.2 and Lucene 8.7.0')
  })
})
