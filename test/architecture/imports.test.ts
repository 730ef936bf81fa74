import { describe, expect, it } from 'vitest'
import { importsOf, sourceFiles } from './source.js'

const files = sourceFiles()
const graph = new Map([...files].map(([name, file]) => [name, importsOf(file)]))

/** Every import circle among modules, each as the path that closes it (`a.ts → b.ts → a.ts`). */
function circles(): string[] {
  const found: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (name: string) => {
    state.set(name, 'open')
    stack.push(name)
    for (const next of graph.get(name) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].join(' → '))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(name, 'done')
  }
  for (const name of [...graph.keys()].sort()) if (!state.has(name)) visit(name)
  return found
}

/** The top-level part of `src/` a module belongs to: a folder (`extract`) or a file (`index.ts`). */
const part = (name: string) => name.split('/')[0]!.replace(/\.ts$/, '')

/** What each part may import besides itself: the pipeline runs one way, `model` and `console` at the bottom. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  console: ['model'],
  load: ['model'],
  extract: ['load', 'console', 'model'],
  emit: ['replay', 'console', 'model'],
  replay: ['console', 'model'],
  serve: ['console', 'model'],
  compare: ['emit', 'model'],
  setups: ['replay', 'model'],
  cache: ['extract', 'emit', 'load', 'setups', 'model'],
  run: ['cache', 'extract', 'emit', 'load', 'setups', 'model'],
  cli: ['run', 'cache', 'compare', 'emit', 'replay', 'serve', 'model'],
  index: ['run', 'extract', 'load', 'emit', 'serve', 'replay', 'compare', 'model'],
}

describe('imports', () => {
  it('resolve to modules of src/', () => {
    const missing = [...graph].flatMap(([name, targets]) => targets.filter((t) => !files.has(t)).map((t) => `${name} → ${t}`))
    expect(graph.size).toBeGreaterThan(100)
    expect(missing).toEqual([])
  })

  it('form no circle', () => {
    expect(circles()).toEqual([])
  })

  it('run one way between the parts of src/', () => {
    const wrong = [...graph].flatMap(([name, targets]) =>
      targets.filter((t) => part(t) !== part(name) && !(ALLOWED[part(name)] ?? []).includes(part(t))).map((t) => `${name} → ${t}`),
    )
    expect(Object.keys(ALLOWED).sort()).toEqual([...new Set([...files.keys()].map(part))].sort())
    expect(wrong).toEqual([])
  })

  it('finds a circle when there is one', () => {
    graph.set('model/x.ts', ['model/y.ts'])
    graph.set('model/y.ts', ['model/x.ts'])
    try {
      expect(circles()).toEqual(['model/x.ts → model/y.ts → model/x.ts'])
    } finally {
      graph.delete('model/x.ts')
      graph.delete('model/y.ts')
    }
  })
})
