import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPageStore, openWalkStore } from '../../src/cache/index.js'
import { extractFiles } from '../../src/extract/index.js'
import { ensureBuilt, runCli } from '../cli/run-cli.js'
import { bookTree } from '../load/book-tree.js'

const REFERENCE = 'docs/reference'

function stores(root: string, cacheDir: string) {
  const options = { dir: cacheDir, version: 'test', root, attributes: {} }
  return { store: openPageStore(options), walks: openWalkStore(options) }
}

const extract = (root: string, run: ReturnType<typeof stores> | Record<string, never>) => extractFiles([path.join(root, REFERENCE)], { root, attributes: {} }, run)

describe('the cache of a book', () => {
  it('keeps the walk and every page while nothing changes', async () => {
    const root = bookTree()
    const cacheDir = path.join(root, '..', `${path.basename(root)}-cache`)
    await extract(root, stores(root, cacheDir))
    const warm = stores(root, cacheDir)
    const result = await extract(root, warm)
    expect({ walks: [warm.walks.hits, warm.walks.misses], pages: [warm.store.hits, warm.store.misses], cached: result.cached }).toEqual({ walks: [1, 0], pages: [5, 0], cached: 5 })
    expect(result.models).toEqual((await extract(root, {})).models)
  })

  it('extracts a page again when its book gives it other attributes (the versions file changed)', async () => {
    const root = bookTree()
    const cacheDir = path.join(root, '..', `${path.basename(root)}-cache`)
    await extract(root, stores(root, cacheDir))
    const versions = path.join(root, 'docs/Versions.asciidoc')
    fs.writeFileSync(versions, fs.readFileSync(versions, 'utf8').replace('8.7.0', '9.0.0'))
    const warm = stores(root, cacheDir)
    const result = await extract(root, warm)
    expect(warm.walks.misses).toBe(1)
    expect(result.models.find((m) => m.file.endsWith('put-widget.asciidoc'))!.description).toContain('Lucene 9.0.0')
    expect(result.models).toEqual((await extract(root, {})).models)
  })

  it('extracts only the page that changed and the chapter that includes it (it reads the page for its title), and keeps the walk when only prose changed', async () => {
    const root = bookTree()
    const cacheDir = path.join(root, '..', `${path.basename(root)}-cache`)
    await extract(root, stores(root, cacheDir))
    fs.appendFileSync(path.join(root, REFERENCE, 'widgets/get-widget.asciidoc'), '\nMore text.\n')
    const warm = stores(root, cacheDir)
    const result = await extract(root, warm)
    expect({ walks: [warm.walks.hits, warm.walks.misses], pages: [warm.store.hits, warm.store.misses] }).toEqual({ walks: [1, 0], pages: [3, 2] })
    expect(result.models).toEqual((await extract(root, {})).models)
  })

  it('walks the book again when a page changes what a walk reads (an attribute entry)', async () => {
    const root = bookTree()
    const cacheDir = path.join(root, '..', `${path.basename(root)}-cache`)
    await extract(root, stores(root, cacheDir))
    fs.appendFileSync(path.join(root, REFERENCE, 'widgets/get-widget.asciidoc'), '\n:widget-note: set by a page\n')
    const warm = stores(root, cacheDir)
    const result = await extract(root, warm)
    expect(warm.walks.misses).toBe(1)
    expect(result.models).toEqual((await extract(root, {})).models)
  })
})

/** Enough pages for two extraction threads (150 per thread), each including a shared fragment with a snippet. */
const PAGES = 320

describe('docspec extract on a book of a few hundred pages', () => {
  let root: string
  let cacheDir: string
  beforeAll(() => {
    ensureBuilt()
    root = bookTree()
    const pages = Array.from({ length: PAGES }, (_, i) => `include::many/get-widget-${i}.asciidoc[]`)
    fs.writeFileSync(path.join(root, REFERENCE, 'many.asciidoc'), `[[many]]\n== Many widgets\n\n${pages.join('\n\n')}\n`)
    fs.appendFileSync(path.join(root, REFERENCE, 'index.asciidoc'), '\ninclude::many.asciidoc[]\n')
    const page = fs.readFileSync(path.join(root, REFERENCE, 'widgets/get-widget.asciidoc'), 'utf8').replaceAll('common.asciidoc', '../widgets/common.asciidoc').replaceAll('shared-example.asciidoc', '../widgets/shared-example.asciidoc')
    fs.mkdirSync(path.join(root, REFERENCE, 'many'))
    for (let i = 0; i < PAGES; i++) fs.writeFileSync(path.join(root, REFERENCE, `many/get-widget-${i}.asciidoc`), page.replaceAll('get-widget', `get-widget-${i}`))
    cacheDir = path.join(root, '..', `${path.basename(root)}-cli-cache`)
  }, 120_000)
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }))

  it('gives the same bytes on worker threads as in one thread, from the cache and without it', () => {
    const args = ['extract', '--root', root, path.join(root, REFERENCE)]
    const one = runCli([...args, '--workers', '1', '--no-cache', '-q'])
    const threads = runCli([...args, '--workers', '2', '--cache-dir', cacheDir])
    expect(threads.stdout).toBe(one.stdout)
    const cached = runCli([...args, '--workers', '2', '--cache-dir', cacheDir])
    expect(cached.stdout).toBe(one.stdout)
    const models = JSON.parse(one.stdout) as { file: string; examples: { position: { file: string; line: number } }[] }[]
    expect(models).toHaveLength(PAGES + 6)
    const places = models.flatMap((m) => m.examples.map((e) => `${e.position.file}:${e.position.line}`))
    expect(places).toHaveLength(new Set(places).size)
    // The shared fragment's finding is printed once, with the pages it reaches.
    expect(threads.stderr).toContain(`warning undefined-attribute Attribute {typo-attr} is not defined`)
    expect(threads.stderr.match(/\{typo-attr\}/g)).toHaveLength(1)
    expect(threads.stderr).toContain(`(in ${PAGES + 2} pages)`)
    expect(cached.stderr.trimEnd().split('\n').pop()).toMatch(new RegExp(`^docspec: 1 book, ${PAGES + 6} pages \\(${PAGES + 6} from cache\\)`))
  }, 120_000)
})
