/**
 * The generated types against a specification's types, compared by tsc both ways: the fixture pages in
 * `pages/` and the small compiled specification `spec.json` (in the shape of elasticsearch-specification's
 * schema.json). Where a page means what the spec means (durations, units, lists, value lists, envelopes,
 * HEAD, `_cat`), the types are assignable both ways; where a page drifted, every differing parameter or
 * property is named by `docspec compare` on that page.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { printStructure, StructureKind } from 'ts-morph'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Spec } from '../../src/compare/schema.js'
import { SpecIndex } from '../../src/compare/schema.js'
import { compareWithSpec } from '../../src/compare/spec.js'
import { SpecTypes } from '../../src/compare/spec-types.js'
import { emitTypes } from '../../src/emit/types/index.js'
import { InterfaceSink } from '../../src/emit/types/interfaces.js'
import { NameRegistry } from '../../src/emit/types/naming.js'
import type { ObjectType } from '../../src/emit/types/type-expr.js'
import { writeOutput } from '../../src/emit/write.js'
import { extractFiles } from '../../src/extract/index.js'
import type { PageModel } from '../../src/model/types.js'
import { typeCheck } from '../emit-types/compile.js'

const HERE = path.resolve('test/compare')
const TMP = path.resolve('test/tmp')

interface Pair {
  page: PageModel
  base: string
  endpoint: string
  spec: string
}

let dir: string
let models: PageModel[]
let spec: Spec
const pairs: Pair[] = []
/** tsc's messages per pair and check. */
const failed = new Map<string, string[]>()

const pascal = (name: string) => name.split(/[._]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')

/** The spec's request (path and query parameters, with the attached cat ones) and response, as TypeScript. */
function specModule(index: SpecIndex): string {
  const types = new SpecTypes(index)
  const sink = new InterfaceSink(new NameRegistry())
  for (const endpoint of spec.endpoints) {
    const request = index.request(endpoint)
    const object: ObjectType = { hint: 'Request', name: `${pascal(endpoint.name)}Request`, docs: [], properties: types.properties([...request.path, ...request.query]) }
    sink.declare(object, object.name!)
    sink.alias(`${pascal(endpoint.name)}Response`, types.response(endpoint.response), [])
  }
  const imports = [...sink.commons].sort()
  const head = imports.length > 0 ? `import type { ${imports.join(', ')} } from './gen/types/_common.js'\n` : ''
  return head + printStructure({ kind: StructureKind.SourceFile, statements: sink.declarations })
}

/** One function per check; a tsc error on its line is that check failing. */
function checkModule(): { text: string; lines: Map<number, string> } {
  const lines = ["import type * as gen from './gen/index.js'", "import type * as spec from './spec.js'"]
  const at = new Map<number, string>()
  const check = (name: string, text: string) => at.set(lines.push(text), name)
  lines.push('type Def<T> = Exclude<T, undefined>', 'type ReqKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T]')
  lines.push('type TypeDiff<A, B> = { [K in keyof A & keyof B]-?: [Def<A[K]>] extends [Def<B[K]>] ? never : K }[keyof A & keyof B]')
  pairs.forEach((p, i) => {
    const [G, S, GR, SR] = [`Omit<gen.${p.base}Request, 'body'>`, `spec.${p.spec}Request`, `gen.${p.base}Response`, `spec.${p.spec}Response`]
    lines.push(`type G${i} = ${G}`, `type S${i} = ${S}`)
    check(`${i} request page→spec`, `export function r${i}a(x: G${i}): S${i} { return x }`)
    check(`${i} request spec→page`, `export function r${i}b(x: S${i}): G${i} { return x }`)
    check(`${i} keys only on the page`, `export function k${i}a(x: Exclude<keyof G${i}, keyof S${i}>): never { return x }`)
    check(`${i} keys only in the spec`, `export function k${i}b(x: Exclude<keyof S${i}, keyof G${i}>): never { return x }`)
    check(`${i} types page→spec`, `export function t${i}a(x: TypeDiff<G${i}, S${i}>): never { return x }`)
    check(`${i} types spec→page`, `export function t${i}b(x: TypeDiff<S${i}, G${i}>): never { return x }`)
    check(`${i} required on the page only`, `export function q${i}a(x: Exclude<ReqKeys<G${i}> & keyof S${i}, ReqKeys<S${i}>>): never { return x }`)
    check(`${i} required in the spec only`, `export function q${i}b(x: Exclude<ReqKeys<S${i}> & keyof G${i}, ReqKeys<G${i}>>): never { return x }`)
    check(`${i} response page→spec`, `export function s${i}a(x: ${GR}): ${SR} { return x }`)
    check(`${i} response spec→page`, `export function s${i}b(x: ${SR}): ${GR} { return x }`)
  })
  return { text: lines.join('\n') + '\n', lines: at }
}

beforeAll(async () => {
  const pages = path.join(HERE, 'pages')
  ;({ models } = await extractFiles([pages], { root: pages }))
  spec = JSON.parse(await readFile(path.join(HERE, 'spec.json'), 'utf8')) as Spec
  const index = new SpecIndex(spec)
  await mkdir(TMP, { recursive: true })
  dir = await mkdtemp(path.join(TMP, 'types-vs-spec-'))
  const { files } = await emitTypes(models)
  await writeOutput(path.join(dir, 'gen'), files, { check: false })
  for (const page of models) {
    const base = /export interface (\w+)Request\b/.exec(files.find((f) => f.path.startsWith('types/') && f.content.includes(`from ${page.file}.`))!.content)![1]!
    for (const endpoint of index.endpoints(page.id)) pairs.push({ page, base, endpoint: endpoint.name, spec: pascal(endpoint.name) })
  }
  await writeFile(path.join(dir, 'spec.ts'), specModule(index))
  const { text, lines } = checkModule()
  await writeFile(path.join(dir, 'check.ts'), text)
  for (const message of typeCheck(dir)) {
    const m = /^check\.ts:(\d+): ([\s\S]*)$/.exec(message)
    const name = m && lines.get(Number(m[1]))
    if (!name) throw new Error(`tsc error outside the checks: ${message}`)
    failed.set(name, [...(failed.get(name) ?? []), m[2]!])
  }
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const failures = (page: string) => [...failed].filter(([name]) => pairs[Number(name.split(' ')[0])]!.page.id === page)

describe('generated types against the specification (tsc, both ways)', () => {
  it('pairs every fixture page with its spec endpoint', () => {
    expect(pairs.map((p) => `${p.page.id} ↔ ${p.endpoint}`).sort()).toEqual([
      'cat-gadgets ↔ cat.gadgets',
      'gadget-exists ↔ gadgets.exists',
      'gadget-stats ↔ gadgets.stats',
      'get-gadgets ↔ gadgets.get',
      'stop-gadget ↔ gadgets.stop',
    ])
  })

  // gadget-stats: a request line's comma list, a time the text names, `<node_id>` keys, settings-like keys, a
  // value a TESTRESPONSE substitution opens up, a property only some answers have.
  it.each(['get-gadgets', 'gadget-exists', 'cat-gadgets', 'gadget-stats'])('%s: request and response assignable both ways', (page) => {
    expect(failures(page)).toEqual([])
  })

  it('stop-gadget: a page that drifted fails both ways, on the renamed path part, the type and the response', () => {
    const names = failures('stop-gadget').map(([name]) => name.replace(/^\d+ /, ''))
    expect(names).toEqual(expect.arrayContaining(['request page→spec', 'request spec→page', 'response page→spec', 'types page→spec']))
  })

  it('stop-gadget: every differing parameter and property is named by compare on the page', () => {
    const page = models.find((m) => m.id === 'stop-gadget')!
    const found = compareWithSpec(models, spec).get(page)!.map((d) => d.message).join('\n')
    const mentioned = new Set(failures('stop-gadget').flatMap(([, messages]) => messages.flatMap((m) => [...m.matchAll(/["']([\w.]+)["']/g)].map((x) => x[1]!))))
    const properties = new Set(['gadget', 'gadget_id', 'timeout', 'wait', 'force', 'stopped', 'count', 'acknowledged'])
    const differing = [...mentioned].filter((n) => properties.has(n)).sort()
    expect(differing).toEqual(['acknowledged', 'force', 'gadget', 'gadget_id', 'stopped', 'timeout', 'wait'])
    for (const name of differing) expect(found).toMatch(new RegExp(`[\`{ ]${name}[\`}.,]`))
  })
})
