import type { Diagnostic, Severity, SourcePosition } from '../model/types.js'
import { positionAt, type PageSource } from '../load/source.js'
import { plainText } from './inline.js'

/** Built once per page and handed to every construct's extractor: the source, lookups, and where findings go. */
export class PageContext {
  readonly diagnostics: Diagnostic[] = []

  constructor(readonly source: PageSource) {}

  /** Position of a 0-based line index and 1-based column of the loaded lines. */
  at(lineIndex: number, column = 1): SourcePosition {
    return positionAt(this.source, lineIndex, column)
  }

  line(lineIndex: number): string {
    return this.source.lines[lineIndex] ?? ''
  }

  text(raw: string): string {
    return plainText(raw, this.source.attributes)
  }

  report(position: SourcePosition, severity: Severity, rule: string, message: string): void {
    this.diagnostics.push({ file: position.file, line: position.line, column: position.column, severity, rule, message })
  }
}
