import type { SourcePosition } from '../model/types.js'

/** Maps a 0-based line index within the snippet text and a 1-based column in that line to a page position. */
export type PositionAt = (lineIndex: number, column: number) => SourcePosition

/** A `PositionAt` for snippet text copied verbatim from the page, its first line being `firstLine`. */
export function positionAtLines(file: string, firstLine: number): PositionAt {
  return (lineIndex, column) => ({ file, line: firstLine + lineIndex, column })
}

/** Line index (0-based) and column (1-based) of a character offset in a text. */
export interface LineColumn {
  lineIndex: number
  column: number
}

/** Returns a function mapping offsets in `text` to line and column; lines break at `\n`. */
export function offsetLocator(text: string): (offset: number) => LineColumn {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { lineIndex: lo, column: offset - starts[lo]! + 1 }
  }
}
