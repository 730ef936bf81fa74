/**
 * Blanks AsciiDoc callouts (`<1>`, `<2> <3>`) at the end of a line, with a `//` or `#` comment marker right
 * before them (`"a": 1 // <1>`). They are replaced by spaces rather than removed so that columns of what
 * precedes them stay right. Written as a backwards scan, not a regex, so a megabyte of spaces cannot make it
 * quadratic.
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
  if (cut === line.length) return line
  let marker = cut - 1
  while (marker >= 0 && isSpace(line.charCodeAt(marker))) marker--
  if (line[marker] === '#') cut = marker
  else if (line[marker] === '/' && line[marker - 1] === '/') cut = marker - 1
  return line.slice(0, cut) + ' '.repeat(line.length - cut)
}

/** Lines of a snippet without callouts or trailing white space, as Elasticsearch's doc tests see them. */
export function cleanLines(text: string): string[] {
  return text.split('\n').map((line) => blankCallouts(line).trimEnd())
}

/** The snippet text without callouts or trailing white space. */
export function stripCallouts(text: string): string {
  return cleanLines(text).join('\n')
}

/**
 * A snippet's contents as Elasticsearch's doc tests build them before applying substitutions: callouts and
 * trailing white space removed, every line ending in a line break (so Java's `$` matches before the last one).
 */
export function snippetContents(text: string): string {
  return cleanLines(text)
    .map((line) => `${line}\n`)
    .join('')
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
