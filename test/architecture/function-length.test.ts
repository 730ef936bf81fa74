import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from './source.js'

/** A function fits on a screen. */
const MAX_LINES = 80

interface FunctionSpan {
  where: string
  lines: number
}

/** Every function, method, arrow function and accessor of a module with its length in lines (nested ones counted in their parents too). */
function functionSpans(file: ts.SourceFile): FunctionSpan[] {
  const spans: FunctionSpan[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)'
      spans.push({ where: `${file.fileName}:${start + 1} ${name}`, lines: end - start + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return spans
}

const spans = [...sourceFiles().values()].flatMap(functionSpans)

describe('functions in src/', () => {
  it(`are at most ${MAX_LINES} lines long`, () => {
    expect(spans.length).toBeGreaterThan(500)
    const long = spans.filter((s) => s.lines > MAX_LINES).map((s) => `${s.where}: ${s.lines} lines`)
    expect(long).toEqual([])
  })
})
