/**
 * Blanks AsciiDoc callouts (`<1>`, `<2> <3>`) at the end of a line. They are replaced by spaces rather than
 * removed so that columns of what precedes them stay right. Written as a backwards scan, not a regex, so a
 * megabyte of spaces cannot make it quadratic.
 */
export function blankCallouts(line: string): string {
  let end = line.length
  let cut = end
  for (;;) {
    let i = end - 1
    while (i >= 0 && isSpace(line.charCodeAt(i))) i--
    if (i < 0 || line[i] !== '>') break
    let j = i - 1
    while (j >= 0 && isDigit(line.charCodeAt(j))) j--
    if (j === i - 1 || j < 0 || line[j] !== '<') break
    cut = j
    end = j
  }
  return cut === line.length ? line : line.slice(0, cut) + ' '.repeat(line.length - cut)
}

/** Lines of a snippet without callouts or trailing white space, as Elasticsearch's doc tests see them. */
export function cleanLines(text: string): string[] {
  return text.split('\n').map((line) => blankCallouts(line).trimEnd())
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
