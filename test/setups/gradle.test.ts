/**
 * build.gradle setups → requests: the Groovy the doc build writes them in (plain blocks, `+`, `.replace`,
 * closures and loops building bulk data, teardowns), the REST-test steps they hold, and what cannot be read,
 * each said at its line.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { NamedScript, ReplayStep } from '../../src/replay/types.js'
import { SetupsCache } from '../../src/cache/index.js'
import { readSetupsFiles } from '../../src/setups/index.js'
import { writeFixture } from './gradle-fixture.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-gradle-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const fixture = writeFixture(dir)
const { sources, diagnostics } = readSetupsFiles([fixture.gradle], { root: fixture.root, apiSpec: fixture.apiSpec })
const source = sources[0]!
const steps = (script: NamedScript | string | undefined): ReplayStep[] => {
  if (!script || typeof script === 'string' || 'unusable' in script) throw new Error(`not steps: ${JSON.stringify(script)}`)
  return script.steps
}
const requests = (script: NamedScript | string | undefined) =>
  steps(script).flatMap((s) => (s.kind === 'request' ? [`${s.method} ${s.path}${Object.keys(s.query).length ? `?${new URLSearchParams(s.query)}` : ''} @${s.line}`] : []))

describe('build.gradle setups', () => {
  it('reads a closure called with a loop building bulk lines, at their lines', () => {
    expect(requests(source.setups.logs)).toEqual(['PUT /logs @9', 'POST /logs/_bulk?refresh=true @15'])
    const bulk = steps(source.setups.logs)[1]
    expect(bulk).toMatchObject({
      kind: 'request',
      file: '../build.gradle',
      from: 'logs',
      body: { kind: 'ndjson', lines: [{ index: { _id: '0' } }, { user: 'kimchy', n: 0 }, { index: { _id: '1' } }, { user: 'elkbee', n: 10 }] },
    })
    expect(steps(source.setups.logs)[0]).toMatchObject({ body: { kind: 'json', json: { settings: { number_of_shards: 1 } } } })
  })

  it('joins setups with +, keeping each step at its own line, with match: steps', () => {
    expect(requests(source.setups.logs_and_pipeline)).toEqual(['PUT /logs @9', 'POST /logs/_bulk?refresh=true @15', 'PUT /_ingest/pipeline/my-pipeline @30'])
    expect(steps(source.setups.pipeline)).toEqual([
      { kind: 'request', line: 30, file: '../build.gradle', method: 'PUT', path: '/_ingest/pipeline/my-pipeline', query: {}, body: { kind: 'json', json: { processors: [] } }, from: 'pipeline' },
      { kind: 'assert', line: 35, file: '../build.gradle', from: 'pipeline', check: 'match', path: 'acknowledged', value: true },
    ])
  })

  it('applies .replace through a Map alias of buildRestTests.setups', () => {
    expect(requests(source.setups.inactive)).toEqual(['PUT /_watcher/watch/my_watch?active=false @40'])
    expect(requests(source.setups.active)).toEqual(['PUT /_watcher/watch/my_watch?active=true @40'])
  })

  it('reads teardowns', () => {
    expect(requests(source.teardowns.drop_pipeline)).toEqual(['DELETE /_ingest/pipeline/my-pipeline @47'])
  })

  it('says at its line which step names an unknown API or lacks a path part, and why the setup is not replayed', () => {
    expect(diagnostics.map((d) => `${d.rule} ${d.file}:${d.line} ${d.severity}`)).toEqual([
      'setup-step ../build.gradle:52 error',
      'setup-step ../build.gradle:57 error',
      'setup-unreadable ../build.gradle:68 warning',
    ])
    expect(diagnostics[0]!.message).toBe("setup 'unknown_api': the API 'indices.no_such_api' is not in the API table")
    expect(diagnostics[1]!.message).toBe("setup 'no_part': watcher.put_watch needs the path part id the step does not give")
    expect(source.setups.unknown_api).toEqual({ unusable: "setup unknown_api has a step docspec cannot replay (../build.gradle:52: the API 'indices.no_such_api' is not in the API table)" })
  })

  it('cannot read data loaded from another file, and says which file and where', () => {
    expect(source.setups.accounts).toEqual({
      unusable: 'setup accounts cannot be built from ../build.gradle: its data is read from the file $projectDir/src/test/resources/accounts.json (../build.gradle:68)',
    })
  })

  it('is for the pages of its own tree', () => {
    expect(source.covers?.('index.asciidoc')).toBe(true)
    expect(source.covers?.('../../x-pack/docs/en/x.asciidoc')).toBe(false)
  })

  it('translates with the compiled specification @elastic/request-converter ships by default', () => {
    const { sources: [byDefault], diagnostics: found } = readSetupsFiles([fixture.gradle], { root: fixture.root })
    expect(requests(byDefault!.setups.logs)).toEqual(['PUT /logs @9', 'POST /logs/_bulk?refresh=true @15'])
    expect(found.filter((d) => d.rule === 'setup-step').map((d) => d.line)).toEqual([52, 57])
  })

  it('answers a translation from the cache with the same scripts and findings, and translates again when the text changed', () => {
    const cacheDir = path.join(dir, 'cache')
    const read = (store: SetupsCache) => readSetupsFiles([fixture.gradle], { root: fixture.root, store })
    const fresh = readSetupsFiles([fixture.gradle], { root: fixture.root })
    const cold = new SetupsCache(cacheDir)
    expect(JSON.stringify(read(cold))).toBe(JSON.stringify(fresh))
    const warm = new SetupsCache(cacheDir)
    const again = read(warm)
    expect([warm.hits, warm.misses]).toEqual([1, 0])
    expect(JSON.stringify(again)).toBe(JSON.stringify(fresh))
    expect(again.sources[0]!.covers?.('index.asciidoc')).toBe(true)
    const text = fs.readFileSync(fixture.gradle, 'utf8')
    try {
      fs.writeFileSync(fixture.gradle, text.replace('index: logs', 'index: other-logs'))
      const edited = new SetupsCache(cacheDir)
      expect(requests(read(edited).sources[0]!.setups.logs)[0]).toBe('PUT /other-logs @9')
      expect(edited.misses).toBe(1)
    } finally {
      fs.writeFileSync(fixture.gradle, text)
    }
  })

  it('says which statement naming setups it cannot read, and reads a setup built under a condition as unknown', () => {
    const odd = path.join(dir, 'odd.gradle')
    fs.writeFileSync(
      odd,
      [
        "buildRestTests.setups['a'] = '''",
        '  - do:',
        '      indices.create:',
        '        index: a',
        "'''",
        "buildRestTests.setups['b'] = buildRestTests.setups['a'] as GString",
        'if (project.hasProperty("fips")) {',
        "  buildRestTests.setups['c'] = buildRestTests.setups['a']",
        '}',
      ].join('\n'),
    )
    const read = readSetupsFiles([odd], { root: dir, apiSpec: fixture.apiSpec })
    expect(read.diagnostics.map((d) => `${d.rule}@${d.line}`)).toEqual(['gradle-statement@6', 'setup-unreadable@7'])
    expect(read.sources[0]!.setups.c).toMatchObject({ unusable: expect.stringContaining('a condition docspec cannot evaluate') })
  })

  it('refuses a setups file that defines nothing', () => {
    const empty = path.join(dir, 'empty.gradle')
    fs.writeFileSync(empty, "apply plugin: 'elasticsearch.docs-test'\n")
    expect(readSetupsFiles([empty], { root: dir, apiSpec: fixture.apiSpec }).diagnostics.map((d) => d.rule)).toEqual(['setups-empty'])
  })
})
