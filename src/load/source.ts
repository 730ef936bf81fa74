import type { Diagnostic, SourcePosition } from '../model/types.js'

/** Where one line of the loaded text came from: the file and the line/column its first character had there. */
export interface LineOrigin {
  file: string
  line: number
  column: number
}

/**
 * A page ready for parsing: includes expanded, damaged lines reflowed, every line traced back to its origin,
 * so that positions reported on `lines` always point into the text the user wrote.
 */
export interface PageSource {
  /** Page path relative to the docs root, `/` separators. */
  file: string
  lines: string[]
  origins: LineOrigin[]
  /** Attributes in force: built-in, then `--attributes`, then the page's own `:name: value` entries. */
  attributes: Record<string, string>
  diagnostics: Diagnostic[]
}

/** Maps a 0-based line index of `source.lines` and a 1-based column on that line to a position in the original files. */
export function positionAt(source: Pick<PageSource, 'file' | 'origins'>, lineIndex: number, column = 1): SourcePosition {
  const origin = source.origins[Math.min(Math.max(lineIndex, 0), source.origins.length - 1)]
  if (!origin) return { file: source.file, line: 1, column: 1 }
  return { file: origin.file, line: origin.line, column: origin.column + Math.max(column, 1) - 1 }
}
