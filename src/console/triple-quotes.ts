/** Result of turning console `"""raw text"""` strings into JSON strings. */
export interface Expanded {
  text: string
  /** Maps an offset in `text` back to the offset in the original text. */
  toSource: (offset: number) => number
  /** Offset of a `"""` that is never closed, if any (the rest is then copied as is). */
  unterminated?: number
}

interface Piece {
  out: number
  src: number
  verbatim: boolean
}

const QUOTES = '"""'

/**
 * Turns console `"""raw text"""` strings into JSON strings: the text between the quotes, line breaks and
 * indentation included, as both Kibana and Elasticsearch's doc tests (`replaceBlockQuote`) read it. Quotes,
 * backslashes and line breaks are escaped, as Kibana does; the doc tests escape only quotes and line breaks.
 */
export function expandTripleQuotes(source: string): Expanded {
  let start = source.indexOf(QUOTES)
  if (start === -1) return { text: source, toSource: (offset) => offset }
  const pieces: Piece[] = []
  const out: string[] = []
  let outLength = 0
  let copied = 0
  const push = (text: string, src: number, verbatim: boolean): void => {
    pieces.push({ out: outLength, src, verbatim })
    out.push(text)
    outLength += text.length
  }
  let unterminated: number | undefined
  while (start !== -1) {
    const end = source.indexOf(QUOTES, start + QUOTES.length)
    if (end === -1) {
      unterminated = start
      break
    }
    if (start > copied) push(source.slice(copied, start), copied, true)
    push(JSON.stringify(source.slice(start + QUOTES.length, end)), start, false)
    copied = end + QUOTES.length
    start = source.indexOf(QUOTES, copied)
  }
  if (copied < source.length) push(source.slice(copied), copied, true)
  const toSource = (offset: number): number => {
    let lo = 0
    let hi = pieces.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (pieces[mid]!.out <= offset) lo = mid
      else hi = mid - 1
    }
    const piece = pieces[lo]
    if (!piece) return offset
    return piece.verbatim ? piece.src + (offset - piece.out) : piece.src
  }
  return { text: out.join(''), toSource, ...(unterminated === undefined ? {} : { unterminated }) }
}

/** The text with `"""` strings as JSON strings; an unterminated one is left as written. */
export function replaceTripleQuotes(text: string): string {
  return expandTripleQuotes(text).text
}
