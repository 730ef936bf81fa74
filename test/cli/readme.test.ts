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

describe('README', () => {
  it('opens with the two commands a new user runs', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!
    expect(firstBlock.split('\n')[0]).toMatch(/^npm install && npm start\b/)
    expect(firstBlock.split('\n')[1]).toMatch(/^npm test\b/)
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '))
  })

  it('documents every environment variable the tool reads', () => {
    const read = new Set([...code.matchAll(/\benv\.((?:ES|KIBANA|DOCSPEC)_[A-Z_]+)/g)].map((m) => m[1]!))
    expect(read.size).toBeGreaterThanOrEqual(7)
    expect([...read].filter((v) => !readme.includes(`\`${v}`)).sort()).toEqual([])
  })

  it('names in its Layout section every folder of src/, and only paths that exist', () => {
    const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1))
    const named = new Set([...layout.matchAll(/`(src\/[\w./-]+)`/g)].map((m) => m[1]!))
    const folders = ['src', 'src/emit'].flatMap((dir) =>
      fs.readdirSync(path.join(root, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${dir}/${e.name}`),
    )
    expect(folders.filter((f) => f !== 'src/emit' && !named.has(f))).toEqual([])
    expect([...named].filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([])
  })
})
