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
  /** Attributes in force: built-in, then `--attributes`, then the page's own `:name: value` entries (or, in a book, what the book gives the page, then its own entries). */
  attributes: Record<string, string>
  diagnostics: Diagnostic[]
  /** Pages of the run this file includes whole, each left to its own model: a file that has any is a container (a chapter, a section index). */
  pageIncludes: string[]
  /** The book that includes the page (or is the page), relative to the root. */
  book?: string
}

/** Maps a 0-based line index of `source.lines` and a 1-based column on that line to a position in the original files. */
export function positionAt(source: Pick<PageSource, 'file' | 'origins'>, lineIndex: number, column = 1): SourcePosition {
  const origin = source.origins[Math.min(Math.max(lineIndex, 0), source.origins.length - 1)]
  if (!origin) return { file: source.file, line: 1, column: 1 }
  return { file: origin.file, line: origin.line, column: origin.column + Math.max(column, 1) - 1 }
}

/** How a book reads a page (see `planBooks`): the page is read with exactly these attributes. */
export interface PagePlan {
  /** The book, relative to the root. */
  book: string
  /** The attributes in effect where the book includes the page (the user's among them), over the built-in ones. */
  attributes: Record<string, string>
  /** The page was reached by the book's walk, which reports its include findings. */
  walked: boolean
}
