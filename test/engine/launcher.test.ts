import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PORT_FILE, javaArgs, parseEngineArgs, parseEngineLine, peakRssKiB, readPortFile } from '../../scripts/engine/launcher.mjs'

// The Node side of `npm run engine`; starting the JVM needs Java and Maven and is left to verify:engine.
describe('engine launcher', () => {
  it('defaults to a free port, engine/.port and a 1 GiB heap', () => {
    const options = parseEngineArgs([])
    expect(options).toMatchObject({ port: 0, portFile: DEFAULT_PORT_FILE, heap: '1g', logLevel: 'warn', settings: [], check: false })
    expect(path.basename(DEFAULT_PORT_FILE)).toBe('.port')
  })

  it('reads options in both spellings and resolves paths', () => {
    const options = parseEngineArgs(['--port', '9250', '--port-file=tmp/p', '--heap', '512m', '--setting', 'a.b=c=d', '--setting=x=1', '--check'])
    expect(options).toMatchObject({ port: 9250, portFile: path.resolve('tmp/p'), heap: '512m', settings: ['a.b=c=d', 'x=1'], check: true })
  })

  it('refuses what would start a wrong node', () => {
    expect(() => parseEngineArgs(['--port', '70000'])).toThrow(/0-65535/)
    expect(() => parseEngineArgs(['--port', 'x'])).toThrow(/0-65535/)
    expect(() => parseEngineArgs(['--heap', 'lots'])).toThrow(/512m or 1g/)
    expect(() => parseEngineArgs(['--setting', 'novalue'])).toThrow(/key=value/)
    expect(() => parseEngineArgs(['--port'])).toThrow(/needs a value/)
    expect(() => parseEngineArgs(['--prot', '1'])).toThrow(/unknown option --prot/)
  })

  it('caps the heap and passes the node options through to the class', () => {
    const args = javaArgs('/c.jar', { ...parseEngineArgs(['--heap', '768m', '--config', '/cfg', '--setting', 'k=v']), portFile: '/p' })
    expect(args.slice(0, 2)).toEqual(['-Xms768m', '-Xmx768m'])
    const main = args.indexOf('docspec.engine.Engine')
    expect(args[args.indexOf('-cp') + 1]).toBe('/c.jar')
    expect(args.slice(main + 1)).toEqual(['--port', '0', '--log-level', 'warn', '--port-file', '/p', '--config', '/cfg', '--setting', 'k=v'])
  })

  it('reads the engine line among the log lines', () => {
    expect(parseEngineLine('docspec-engine {"event":"ready","url":"http://127.0.0.1:41234","port":41234}')).toEqual({ event: 'ready', url: 'http://127.0.0.1:41234', port: 41234 })
    expect(parseEngineLine('[2026-01-01][WARN ][o.o.n.Node] docspec-engine {"event":"ready"}')).toBeUndefined()
    expect(parseEngineLine('docspec-engine {not json')).toBeUndefined()
    expect(parseEngineLine('docspec-engine {"port":1}')).toBeUndefined()
  })

  it('reads a port file as the engine writes it, and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-engine-test-'))
    try {
      const file = path.join(dir, '.port')
      expect(readPortFile(file)).toBeUndefined()
      fs.writeFileSync(file, '41234\n')
      expect(readPortFile(file)).toBe(41234)
      for (const bad of ['', '0\n', '70000\n', '12ab\n', 'http://127.0.0.1:1\n']) {
        fs.writeFileSync(file, bad)
        expect(readPortFile(file)).toBeUndefined()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it.runIf(fs.existsSync('/proc/self/status'))('measures the peak RSS of a live process and nothing for a gone one', () => {
    expect(peakRssKiB(process.pid)).toBeGreaterThan(10_000)
    expect(peakRssKiB(2 ** 22 + 12345)).toBeUndefined()
  })
})
