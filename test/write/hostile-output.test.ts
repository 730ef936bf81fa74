/**
 * Output under stress: names no file system takes, a run killed while it writes, temporary files a killed
 * run left, two runs writing one folder at once, examples nested hundreds of levels. The folder always ends
 * in a state the next run recognises, and nothing is written that cannot be.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOCK } from '../../src/emit/output-lock.js'
import { MANIFEST, UnsafeOutputError, writeOutput } from '../../src/emit/write.js'
import { generate } from '../../src/run/index.js'
import { apiPage } from '../extract/pages.js'
import { ensureBuilt, ROOT } from '../cli/run-cli.js'
import { typeCheck } from '../emit-types/compile.js'

let base: string
let out: string

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'docspec-hostile-out-'))
  out = path.join(base, 'out')
})
afterEach(() => rm(base, { recursive: true, force: true }))

const files = (n: number, tag = 'a') => Array.from({ length: n }, (_, i) => ({ path: `types/M${i}.ts`, content: `export type M${i} = '${tag}'\n` }))

/** Every file under the folder, `/`-separated. */
async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort()
}

async function manifestFiles(dir: string): Promise<string[]> {
  return (JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as { files: string[] }).files
}

/** A page with an example, so that it gets a replay file, under the id and title given. */
function pageWith(id: string, title: string, extra = ''): string {
  return `[[${id}]]\n=== ${title}\n\n==== Request\n\n\`GET /_demo/${id.slice(0, 20)}\`\n\n==== Examples\n\n[source,console]\n----\nGET /_demo/${id.slice(0, 20)}\n${extra}----\n`
}

describe('generated names', () => {
  it('bounds names from a 300-character id and title, and keeps clear of names Windows reserves', async () => {
    const docs = path.join(base, 'docs')
    await mkdir(docs)
    await writeFile(path.join(docs, 'long.asciidoc'), pageWith('i'.repeat(300), `${'Abcdefghij'.repeat(30)} API`))
    await writeFile(path.join(docs, 'con.asciidoc'), pageWith('CON', 'Con API'))
    await writeFile(path.join(docs, 'aux.asciidoc'), pageWith('aux.txt', 'Aux API'))
    const { result } = await generate([docs], { root: docs, out, cache: false })
    const written = await listing(out)
    expect(result.written.length).toBeGreaterThan(0)
    for (const file of written) {
      for (const segment of file.split('/')) {
        expect(Buffer.byteLength(segment), file).toBeLessThanOrEqual(255)
        expect(segment, file).not.toMatch(/^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i)
      }
    }
    expect(written).toEqual(expect.arrayContaining(['types/DemoCon.ts', 'types/DemoAux.ts', 'replay/root.test.ts', 'replay/root.json']))
  })

  it.each([
    ['a name over 255 bytes', `types/${'x'.repeat(300)}.ts`],
    ['a name Windows reserves', 'replay/CON.test.ts'],
    ['a reserved name with extensions', 'replay/aux.txt.test.ts'],
    ['a name ending in a dot', 'types/x.'],
  ])('refuses %s before writing anything', async (_, bad) => {
    await expect(writeOutput(out, [...files(3), { path: bad, content: 'x' }], { check: false })).rejects.toThrow(UnsafeOutputError)
    expect(fs.existsSync(out)).toBe(false)
  })
})

describe('interrupted and concurrent runs', () => {
  it('leaves a folder the next run recognises when killed while writing', async () => {
    ensureBuilt()
    const writer = path.join(ROOT, 'dist/emit/write.js')
    const script = `import { writeOutput } from ${JSON.stringify(writer)}
      const files = Array.from({ length: 3000 }, (_, i) => ({ path: 'types/M' + i + '.ts', content: 'x'.repeat(20000) }))
      await writeOutput(${JSON.stringify(out)}, files, { check: false })`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' })
    // Killed once the first generated files are there: half-way through writing them.
    const types = path.join(out, 'types')
    while (!(fs.existsSync(types) && fs.readdirSync(types).filter((f) => !f.endsWith('.tmp')).length >= 5)) await new Promise((r) => setTimeout(r, 2))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const left = await listing(out)
    expect(left.filter((f) => !f.endsWith('.tmp') && f !== LOCK && f !== MANIFEST).length).toBeLessThan(3000)
    // Every generated file left is claimed by the manifest, so the next run takes the folder up.
    const claimed = new Set(await manifestFiles(out))
    expect(left.filter((f) => f.startsWith('types/') && !f.split('/').pop()!.startsWith('.')).every((f) => claimed.has(f))).toBe(true)
    const rerun = await writeOutput(out, files(10), { check: false })
    expect(rerun.removed.length).toBeGreaterThan(0)
    expect(await listing(out)).toEqual([MANIFEST, ...files(10).map((f) => f.path)].sort())
  })

  it('removes the temporary files and the lock a killed run left', async () => {
    await mkdir(path.join(out, 'types'), { recursive: true })
    await writeFile(path.join(out, 'types', '.M1.ts.99999999.0123abcd.tmp'), 'half')
    await writeFile(path.join(out, '.index.ts.99999999.deadbeef.tmp'), 'half')
    await writeFile(path.join(out, 'types', '.notes.tmp'), 'the user’s own')
    await writeFile(path.join(out, LOCK), '99999999\n')
    await writeOutput(out, files(2), { check: false })
    expect(await listing(out)).toEqual([MANIFEST, 'types/.notes.tmp', 'types/M0.ts', 'types/M1.ts'])
  })

  it('refuses a second run writing the same folder at the same time, naming the first', async () => {
    const [a, b] = await Promise.allSettled([writeOutput(out, files(200, 'a'), { check: false }), writeOutput(out, files(150, 'b'), { check: false })])
    const outcomes = [a.status, b.status].sort()
    expect(outcomes).toEqual(['fulfilled', 'rejected'])
    const refused = (a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason) as Error
    expect(refused.message).toMatch(new RegExp(`another docspec run \\(process ${process.pid}\\) is writing`))
    // The folder holds exactly one run's output, all of it listed.
    const left = await listing(out)
    expect(left).toEqual([MANIFEST, ...(await manifestFiles(out))].sort())
  })
})

describe('hostile text in generated code', () => {
  it('writes docs text holding /* and */ into comments that still compile', async () => {
    const docs = path.join(base, 'docs')
    await mkdir(docs)
    const params = '[[demo-api-query-params]]\n==== {api-query-parms-title}\n\n`pattern`::\n(Optional, string) Matches `/_data_stream/*`, not */ or /*/.\n'
    await writeFile(path.join(docs, 'slash-star.asciidoc'), apiPage(params))
    await generate([docs], { root: docs, out, cache: false })
    expect(typeCheck(path.join(out, 'types'))).toEqual([])
  })

  it('generates compiling output from an example nested 500 levels', async () => {
    const docs = path.join(base, 'docs')
    await mkdir(docs)
    const deep = `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`
    const page = `${apiPage('')}\n==== Examples\n\n[source,console]\n----\nPOST /_demo/x\n${deep}\n----\n\n[source,console-result]\n----\n${deep}\n----\n`
    await writeFile(path.join(docs, 'deep.asciidoc'), page.replace('`GET _demo/<demo_id>`', '`POST _demo/<demo_id>`'))
    const { result } = await generate([docs], { root: docs, out, cache: false })
    expect(result.written).toEqual(expect.arrayContaining(['replay/root.test.ts', 'replay/root.json', 'endpoints.json']))
    // The replay test reads its data as JSON, however deep: no TypeScript literal for a parser to recurse into.
    const data = JSON.parse(await readFile(path.join(out, 'replay/root.json'), 'utf8')) as { pages: { tests: { steps: { body?: { json: unknown } }[] }[] }[] }
    expect(data.pages[0]!.tests[0]!.steps[0]!.body!.json).toEqual(JSON.parse(deep))
    expect(typeCheck(path.join(out, 'types'))).toEqual([])
  })
})
