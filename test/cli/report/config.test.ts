import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { CONFIG_FILE, loadConfig } from '../../../src/cli/report/config.js'
import { UsageError } from '../../../src/cli/options.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-config-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let cwd: string
let root: string
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(tmp, 'cwd-'))
  root = fs.mkdtempSync(path.join(tmp, 'root-'))
})

const write = (file: string, value: unknown) => fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
const severityOf = (found: ReturnType<typeof loadConfig>) => found?.policy.rules['undefined-attribute']

describe('where the config is found', () => {
  it('is docspec.config.json in the working directory before package.json there, and both before the docs root', () => {
    write(path.join(root, CONFIG_FILE), { rules: { 'undefined-attribute': 'info' } })
    expect(severityOf(loadConfig(undefined, root, cwd))).toBe('info')
    write(path.join(cwd, 'package.json'), { name: 'docs', docspec: { rules: { 'undefined-attribute': 'warning' } } })
    expect(severityOf(loadConfig(undefined, root, cwd))).toBe('warning')
    write(path.join(cwd, CONFIG_FILE), { rules: { 'undefined-attribute': 'error' } })
    const found = loadConfig(undefined, root, cwd)
    expect(found?.file).toBe(path.join(cwd, CONFIG_FILE))
    expect(severityOf(found)).toBe('error')
  })

  it('skips a package.json without a docspec key, and finds none when there is none', () => {
    write(path.join(cwd, 'package.json'), { name: 'docs' })
    expect(loadConfig(undefined, root, cwd)).toBeUndefined()
    write(path.join(root, 'package.json'), { docspec: { ignore: ['old/**'] } })
    expect(loadConfig(undefined, root, cwd)?.policy).toEqual({ rules: {}, ignore: ['old/**'], base: root })
  })

  it('is the file --config names, whatever else there is; none with --no-config', () => {
    write(path.join(cwd, CONFIG_FILE), { rules: { 'undefined-attribute': 'error' } })
    const other = path.join(tmp, 'ci.json')
    write(other, { rules: { 'undefined-attribute': 'off' } })
    expect(severityOf(loadConfig(other, root, cwd))).toBe('off')
    expect(loadConfig(false, root, cwd)).toBeUndefined()
  })

  it('takes ignore globs relative to the config file folder', () => {
    write(path.join(root, CONFIG_FILE), { ignore: ['docs/reference/release-notes/**'] })
    expect(loadConfig(undefined, root, cwd)?.policy).toMatchObject({ ignore: ['docs/reference/release-notes/**'], base: root })
  })
})

describe('a bad config is a usage error naming the file, the place and the key', () => {
  const problem = (text: string, name = CONFIG_FILE): string => {
    const file = path.join(cwd, name)
    write(file, text)
    try {
      loadConfig(undefined, root, cwd)
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      return (error as Error).message.replaceAll(name, 'FILE')
    }
    throw new Error('no usage error')
  }

  it.each([
    ['an unknown rule id', '{\n  "rules": {\n    "undefined-atribute": "error"\n  }\n}', "FILE:3:5: rules.undefined-atribute: unknown rule id (the rule ids are those of the README's Diagnostics table)"],
    ['a bad severity', '{ "rules": { "undefined-attribute": "fatal" } }', 'FILE:1:37: rules.undefined-attribute: must be one of off, info, warning, error, not "fatal"'],
    ['an unknown key', '{ "rule": {} }', 'FILE:1:3: rule: unknown key (expected $schema, rules, ignore)'],
    ['ignore not a list', '{ "ignore": "docs/**" }', 'FILE:1:13: ignore: must be array'],
    ['an empty glob', '{ "ignore": [""] }', 'FILE:1:14: ignore[0]: must NOT have fewer than 1 characters'],
    ['not JSON', '{ "rules": { "asciidoc": "off", } }', 'FILE:1:33: not JSON (PropertyNameExpected)'],
    ['not an object', '[]', 'FILE:1:1: (top level): must be object'],
  ])('%s', (_name, text, message) => {
    expect(problem(text)).toBe(message)
  })

  it('in package.json, under its docspec key', () => {
    expect(problem('{ "name": "docs", "docspec": { "rules": { "asciidoc": "loud" } } }', 'package.json')).toBe('FILE:1:55: docspec.rules.asciidoc: must be one of off, info, warning, error, not "loud"')
  })

  it('reports every problem of the file', () => {
    expect(problem('{ "rules": { "nope": "off", "asciidoc": "loud" } }').split('\n')).toHaveLength(2)
  })

  it('and --config naming a missing file, or a package.json without the key', () => {
    expect(() => loadConfig(path.join(tmp, 'missing.json'), root, cwd)).toThrow(/cannot read config .*missing\.json: ENOENT/)
    write(path.join(cwd, 'package.json'), { name: 'docs' })
    expect(() => loadConfig(path.join(cwd, 'package.json'), root, cwd)).toThrow(UsageError)
  })
})
