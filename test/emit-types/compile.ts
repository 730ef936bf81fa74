/** Type-checks a directory of generated TypeScript with the compiler API, as a strict consumer would. */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  noUnusedLocals: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: [],
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
}

/** Compiler messages, `file:line: message`; empty when the directory type-checks. */
export function typeCheck(dir: string): string[] {
  const program = ts.createProgram(tsFiles(dir), OPTIONS)
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    if (!d.file || d.start === undefined) return message
    const { line } = d.file.getLineAndCharacterOfPosition(d.start)
    return `${path.relative(dir, d.file.fileName)}:${line + 1}: ${message}`
  })
}
