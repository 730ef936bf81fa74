import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, RuleId, Severity, SourcePosition } from '../model/types.js'
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

  /** Records a finding of `rule` at `at`; the severity is the rule's unless given. */
  report(rule: RuleId, at: SourcePosition, message: string, severity?: Severity): void {
    this.diagnostics.push(diagnostic(rule, at, message, severity))
  }
}
