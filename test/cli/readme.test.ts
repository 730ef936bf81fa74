import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [fs.readFileSync(p, 'utf8')] : []
  })
}
const code = sources(path.join(root, 'src')).join('\n')

/** Rule ids as the source reports them: `'warning', 'rule-id'` arguments, `rule: 'rule-id'` fields, `failed(…, 'rule-id', …)`. */
function reportedRules(): Set<string> {
  const rules = new Set<string>()
  for (const m of code.matchAll(/'(?:error|warning|info)',\s*'([a-z]+(?:-[a-z]+)*)'/g)) rules.add(m[1]!)
  for (const m of code.matchAll(/\brule: '([a-z]+(?:-[a-z]+)*)'/g)) rules.add(m[1]!)
  for (const m of code.matchAll(/\bfailed\(\w+, \w+, '([a-z-]+)'/g)) rules.add(m[1]!)
  for (const m of code.matchAll(/severity, '([a-z-]+)'/g)) rules.add(m[1]!)
  return rules
}

describe('README', () => {
  it('opens with the two commands a new user runs', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!
    expect(firstBlock.split('\n')[0]).toMatch(/^npm install && npm start\b/)
    expect(firstBlock.split('\n')[1]).toMatch(/^npm test\b/)
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '))
  })

  it('names every diagnostic rule the tool reports in its Diagnostics table', () => {
    const table = readme.slice(readme.indexOf('## Diagnostics'), readme.indexOf('\n## ', readme.indexOf('## Diagnostics') + 1))
    const listed = new Set([...table.matchAll(/`([a-z]+(?:-[a-z]+)*)`/g)].map((m) => m[1]!))
    const rules = reportedRules()
    expect(rules.size).toBeGreaterThan(40)
    expect([...rules].filter((r) => !listed.has(r)).sort()).toEqual([])
  })

  it('documents every environment variable the tool reads', () => {
    const read = new Set([...code.matchAll(/\benv\.((?:ES|DOCSPEC)_[A-Z_]+)/g)].map((m) => m[1]!))
    expect(read.size).toBeGreaterThanOrEqual(7)
    expect([...read].filter((v) => !readme.includes(`\`${v}`)).sort()).toEqual([])
  })
})
