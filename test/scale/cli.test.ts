import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, runCli } from '../cli/run-cli.js'
import { makeTree, readTree, WIDGET_PAGE } from './tree.js'

/** Enough pages for two extraction threads (150 per thread), each a small page with an include. */
const PAGES = 320
let tree: string
let cacheDir: string

beforeAll(() => {
  ensureBuilt()
  tree = makeTree()
  for (let i = 0; i < PAGES; i++) fs.writeFileSync(path.join(tree, `get-widget-${i}.asciidoc`), WIDGET_PAGE.replaceAll('get-widget', `get-widget-${i}`))
  cacheDir = path.join(tree, '..', `${path.basename(tree)}-cache`)
}, 120_000)
afterAll(() => {
  fs.rmSync(tree, { recursive: true, force: true })
  fs.rmSync(cacheDir, { recursive: true, force: true })
})

describe('docspec extract on a few hundred pages', () => {
  it('gives the same bytes on worker threads as in one thread, from the cache and without it', () => {
    const one = runCli(['extract', tree, '--workers', '1', '--no-cache', '-q'])
    expect(one.stderr).toBe('')
    expect(fs.existsSync(cacheDir)).toBe(false)
    const threads = runCli(['extract', tree, '--workers', '2', '--cache-dir', cacheDir])
    expect(threads.stdout).toBe(one.stdout)
    expect(threads.status).toBe(one.status)
    expect(fs.readdirSync(path.join(cacheDir, 'pages'))).toHaveLength(PAGES + 4)
    const cached = runCli(['extract', tree, '--cache-dir', cacheDir])
    expect(cached.stdout).toBe(one.stdout)
    expect(JSON.parse(one.stdout)).toHaveLength(PAGES + 3)
    // The last line on stderr sums the run up.
    expect(threads.stderr.trimEnd().split('\n').pop()).toMatch(new RegExp(`^docspec: ${PAGES + 3} pages, \\d+ endpoints?, \\d+ snippets?, \\d+ diagnostics? \\(\\d+ errors?, \\d+ warnings?\\), [\\d.]+ s$`))
    expect(cached.stderr.trimEnd().split('\n').pop()).toMatch(new RegExp(`^docspec: ${PAGES + 3} pages \\(${PAGES + 3} from cache\\)`))
  }, 120_000)
})

describe('docspec generate on a few hundred pages', () => {
  it('gives the same bytes with the formatting on a worker thread as in one thread, from the cache and without it', async () => {
    // The built package: from the TypeScript sources, formatting stays in this thread.
    const { generate } = (await import(pathToFileURL(path.resolve('dist/run/index.js')).href)) as typeof import('../../src/run/index.js')
    const { INLINE_FILES } = await import('../../src/emit/format-pool.js')
    const out = (name: string) => path.join(cacheDir, '..', `${path.basename(tree)}-${name}`)
    const run = async (name: string, options: { formatThreads: number; cache: boolean }) => {
      await generate([tree], { out: out(name), cacheDir: path.join(cacheDir, 'generate'), workers: 1, ...options })
      return readTree(out(name))
    }
    try {
      const inThread = await run('one', { formatThreads: 0, cache: false })
      expect(Object.keys(inThread).filter((file) => file.startsWith('types/')).length).toBeGreaterThan(INLINE_FILES * 2)
      expect(await run('threads', { formatThreads: 1, cache: false })).toEqual(inThread)
      expect(await run('cold', { formatThreads: 1, cache: true })).toEqual(inThread)
      expect(await run('warm', { formatThreads: 1, cache: true })).toEqual(inThread)
    } finally {
      for (const name of ['one', 'threads', 'cold', 'warm']) fs.rmSync(out(name), { recursive: true, force: true })
    }
  }, 180_000)
})
