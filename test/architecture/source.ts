import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const SRC = path.join(ROOT, 'src')

/** Every TypeScript module under `src/`, parsed, by its path relative to `src/` (`/` separators). */
export function sourceFiles(): Map<string, ts.SourceFile> {
  const files = new Map<string, ts.SourceFile>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts')) {
        const name = path.relative(SRC, full).split(path.sep).join('/')
        files.set(name, ts.createSourceFile(name, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true))
      }
    }
  }
  walk(SRC)
  return files
}

/** The modules of `src/` a module imports or re-exports (type-only imports included), relative to `src/`. */
export function importsOf(file: ts.SourceFile): string[] {
  const out: string[] = []
  const add = (specifier: ts.Expression | undefined) => {
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.fileName), specifier.text))
    out.push(target.replace(/\.js$/, '.ts'))
  }
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) add(statement.moduleSpecifier)
  }
  const visit = (node: ts.Node): void => {
    // `await import('./x.js')`: the CLI loads its commands on demand.
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0])
    ts.forEachChild(node, visit)
  }
  visit(file)
  return out
}
