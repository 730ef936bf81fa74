import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DiskPageStore, FormatCache, ModuleCache, openPageStore } from '../../src/cache/index.js'
import { emitTypes } from '../../src/emit/types/index.js'
import type { PageModel } from '../../src/model/types.js'
import { at, page, rollupStopJob, snippet } from '../emit-types/models.js'
import { generate } from '../../src/run/index.js'
import { extractFiles } from '../../src/extract/index.js'
import { makeTree, PARAMS, readTree, WIDGET_PAGE } from './tree.js'

let tree: string
let work: string
let runs = 0

beforeEach(() => {
  tree = makeTree()
  work = fs.mkdtempSync(path.join(tree, '..', 'docspec-scale-out-'))
})
afterEach(() => {
  fs.rmSync(tree, { recursive: true, force: true })
  fs.rmSync(work, { recursive: true, force: true })
})

const cacheDir = () => path.join(work, 'cache')
const store = (attributes: Record<string, string> = {}) => openPageStore({ dir: cacheDir(), version: 'test', root: tree, attributes })
const extract = (s: DiskPageStore | undefined) => extractFiles([tree], { root: tree, attributes: {} }, s ? { store: s } : {})

/** Generates into a fresh folder and returns every output file. */
async function generated(cache: boolean): Promise<Record<string, string>> {
  const out = path.join(work, `out-${runs++}`)
  await generate([tree], { out, cache, cacheDir: cacheDir(), workers: 1 })
  return readTree(out)
}

describe('page cache', () => {
  it('gives byte-identical output without the cache, with a cold cache and with a warm one', async () => {
    const uncached = await generated(false)
    expect(Object.keys(uncached).length).toBeGreaterThan(3)
    expect(fs.existsSync(cacheDir())).toBe(false)
    expect(await generated(true)).toEqual(uncached)
    expect(fs.readdirSync(path.join(cacheDir(), 'pages'))).toHaveLength(4)
    expect(await generated(true)).toEqual(uncached)
  })

  it('reuses every page when nothing changed', async () => {
    await extract(store())
    const warm = store()
    const result = await extract(warm)
    expect({ cached: result.cached, hits: warm.hits, misses: warm.misses }).toEqual({ cached: 3, hits: 4, misses: 0 })
  })

  type Change = [string, (dir: string) => void, number]
  it.each<Change>([
    ['a page changes: only that page', (d) => fs.appendFileSync(path.join(d, 'rollup-stop-job.asciidoc'), '\nMore text.\n'), 3],
    // The fragment is a file of the tree too: it and the page including it are read again.
    ['an include fragment changes: the page that includes it', (d) => fs.writeFileSync(path.join(d, 'shared/params.asciidoc'), PARAMS.replace('How long', 'Time')), 2],
    ['an include goes missing: the page that includes it', (d) => fs.rmSync(path.join(d, 'shared/params.asciidoc')), 2],
    ['a page that includes nothing gains an include', (d) => fs.appendFileSync(path.join(d, 'rollup-stop-job.asciidoc'), '\ninclude::shared/params.asciidoc[tag=timeout]\n'), 3],
    ['nothing the pages read changes (a new unrelated file)', (d) => fs.writeFileSync(path.join(d, 'notes.txt'), 'x'), 4],
  ])('%s is extracted again', async (_name, change, hits) => {
    await extract(store())
    change(tree)
    const warm = store()
    const cachedResult = await extract(warm)
    expect(warm.hits).toBe(hits)
    expect(cachedResult.models).toEqual((await extract(undefined)).models)
  })

  it('is invalidated by other attributes', async () => {
    await extract(store())
    const other = store({ 'es-repo-dir': tree, branch: 'main' })
    await extract(other)
    expect(other.hits).toBe(0)
  })

  it('treats a damaged entry as a miss and still answers right', async () => {
    await extract(store())
    const pages = path.join(cacheDir(), 'pages')
    for (const f of fs.readdirSync(pages)) fs.writeFileSync(path.join(pages, f), '{"key": "x"')
    const warm = store()
    const result = await extract(warm)
    expect(warm.hits).toBe(0)
    expect(result.models).toEqual((await extract(undefined)).models)
  })

  it('does not fail the run when the cache cannot be written', async () => {
    fs.writeFileSync(cacheDir(), 'a file where the cache folder should be')
    const s = store()
    const result = await extract(s)
    expect(result.models).toHaveLength(3)
    expect(s.writeError).toMatch(/EEXIST|ENOTDIR/)
  })

  it('page edits show up in a regenerated output identical to an uncached run', async () => {
    await generated(true)
    fs.writeFileSync(path.join(tree, 'get-widget.asciidoc'), WIDGET_PAGE.replace('Returns widgets.', 'Returns one or more widgets.'))
    const cached = await generated(true)
    expect(cached).toEqual(await generated(false))
    expect(Object.values(cached).join('\n')).toContain('Returns one or more widgets.')
  })
})

describe('format cache', () => {
  const OPTIONS = { parser: 'typescript', semi: false } as const
  it('formats a text once, answers the same bytes after, and sweeps what a run did not use', async () => {
    const first = new FormatCache(cacheDir())
    const a = await first.format('const a = {x:1};', OPTIONS)
    await first.format('let b=2;', OPTIONS)
    expect(a).toBe('const a = { x: 1 }\n')
    expect(fs.readdirSync(path.join(cacheDir(), 'format'))).toHaveLength(2)

    const second = new FormatCache(cacheDir())
    expect(await second.format('const a = {x:1};', OPTIONS)).toBe(a)
    expect(await second.format('const a = {x:1};', { ...OPTIONS, semi: true })).toBe('const a = { x: 1 };\n')
    expect({ hits: second.hits, misses: second.misses }).toEqual({ hits: 1, misses: 1 })
    second.sweep()
    expect(fs.readdirSync(path.join(cacheDir(), 'format'))).toHaveLength(2)
    expect(await new FormatCache(cacheDir()).format('let b=2;', OPTIONS)).toBe('let b = 2\n')
  })
})

describe('module cache', () => {
  const modules = () => new ModuleCache(cacheDir())
  const files = async (models: PageModel[], cache?: ModuleCache) => Object.fromEntries((await emitTypes(models, cache ? { modules: cache } : {})).files.map((f) => [f.path, f.content]))
  /** Page `Widget` answers `{ request: {…} }`: its nested `WidgetResponseRequest` clashes with the top-level name of page `WidgetResponse`. */
  const widget = (description = 'Gets a widget.') =>
    page({
      file: 'a.asciidoc',
      title: 'Widget API',
      description,
      endpoints: [{ method: 'GET', path: '/_widget', position: at('a.asciidoc', 5) }],
      examples: [snippet('a.asciidoc', 0, { role: 'response', responseJson: { request: { id: 'w1' } } })],
    })
  const widgetResponse = page({ file: 'b.asciidoc', title: 'Response API', endpoints: [{ method: 'GET', path: '/_widget/response', position: at('b.asciidoc', 5) }] })

  it('builds only the modules of pages that changed, with the bytes of a run without it', async () => {
    const models = [rollupStopJob(), widget(), widgetResponse]
    const first = modules()
    const cold = await files(models, first)
    expect(cold).toEqual(await files(models))
    expect({ hits: first.hits, misses: first.misses }).toEqual({ hits: 0, misses: 3 })

    const warm = modules()
    expect(await files(models, warm)).toEqual(cold)
    expect({ hits: warm.hits, misses: warm.misses }).toEqual({ hits: 3, misses: 0 })

    const changed = [rollupStopJob(), widget('Gets one widget.'), widgetResponse]
    const rerun = modules()
    expect(await files(changed, rerun)).toEqual(await files(changed))
    expect({ hits: rerun.hits, misses: rerun.misses }).toEqual({ hits: 2, misses: 1 })
  })

  it('builds a page again when the names other pages took before it change', async () => {
    const both = await files([widget(), widgetResponse], modules())
    expect(both['types/Widget.ts']).toContain('request: WidgetResponseRequest2')
    const rerun = modules()
    const alone = await files([widget()], rerun)
    expect(alone['types/Widget.ts']).toContain('request: WidgetResponseRequest\n')
    expect(alone).toEqual(await files([widget()]))
    expect(rerun.misses).toBe(1)
  })

  it('reports each page module, built or reused, for progress', async () => {
    const models = [rollupStopJob(), widget(), widgetResponse, page({ file: 'c.asciidoc' })]
    for (const cache of [modules(), modules()]) {
      let ticks = 0
      await emitTypes(models, { modules: cache, onModule: () => ticks++ })
      expect(ticks).toBe(3)
    }
  })

  it('takes a damaged entry for a miss', async () => {
    await files([widget()], modules())
    const folder = path.join(cacheDir(), 'modules')
    for (const name of fs.readdirSync(folder)) fs.writeFileSync(path.join(folder, name), '{"content": 1')
    const rerun = modules()
    expect(await files([widget()], rerun)).toEqual(await files([widget()]))
    expect({ hits: rerun.hits, misses: rerun.misses }).toEqual({ hits: 0, misses: 1 })
  })
})

describe('damaged entries', () => {
  /** Every entry file of one cache folder, sorted. */
  const entries = (folder: string) => fs.readdirSync(path.join(cacheDir(), folder)).sort().map((f) => path.join(cacheDir(), folder, f))

  it('never copies a truncated, emptied or garbled formatted file into the output; it is formatted and stored again', async () => {
    const uncached = await generated(false)
    await generated(true)
    const damaged = entries('format')
    expect(damaged.length).toBeGreaterThan(3)
    const damage = [(t: string) => t.slice(0, t.length >> 1), () => '', (t: string) => t.replace(/;|\)/g, '#'), (t: string) => t.slice(0, -1)]
    damaged.forEach((file, i) => fs.writeFileSync(file, damage[i % damage.length]!(fs.readFileSync(file, 'utf8'))))
    expect(await generated(true)).toEqual(uncached)
    // Written again: the next run reuses them intact.
    expect(await generated(true)).toEqual(uncached)
    expect(entries('format').every((file) => fs.readFileSync(file, 'utf8').length > 65)).toBe(true)
  })

  it('never serves a page entry edited by one character as the model', async () => {
    const uncached = await generated(false)
    await generated(true)
    for (const file of entries('pages')) {
      const text = fs.readFileSync(file, 'utf8')
      // A character inside the stored model: the JSON still parses, the page would read otherwise.
      fs.writeFileSync(file, text.replace(/"title":"(.)/, (_, c: string) => `"title":"${c === 'X' ? 'Y' : 'X'}`))
    }
    for (const file of entries('modules')) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('export', 'expert'))
    expect(await generated(true)).toEqual(uncached)
  })
})
