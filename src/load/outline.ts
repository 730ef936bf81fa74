/**
 * A file's outline: what a book walk can depend on. A walk reads include directives, conditionals, attribute
 * entries, titles, block delimiters, list and table markers, and whether a blank line or a paragraph stands
 * next to each (an attribute entry right under a paragraph line is text), but never the words of a prose
 * line, nor how many paragraphs stand between two such lines. The outline keeps every other line, with the
 * kind of its neighbours and, for an include directive, its line number (its findings name it), after
 * whether the file opens with a title of its own (a paragraph above it makes the file no page). Two texts
 * with the same outline give the same walk, so a walk cached for one holds for the other: editing or adding
 * a paragraph of one page does not walk the whole book again.
 *
 * A prose line starts with a letter and holds no attribute reference (`{counter:…}` and `{set:…}` change
 * attributes), no table cell, no `::` or `;;` (directives, block macros, description-list terms) and no
 * list marker (`a.`, `iv)`); a line above a possible title underline (`Title` over `=====`) is no prose
 * line, as its length decides whether the two are a title.
 */
import { hasOwnTitle } from './title.js'

const PROSE = /^[A-Za-z][^{|]*$/
const STRUCTURE = /::|;;|^[A-Za-z]{1,6}[.)](?:\s|$)/
const UNDERLINE = /^[=\-~^+]{2,}\s*$/
const INCLUDE = /^include::/

export function walkOutline(text: string): string {
  const lines = text.split('\n')
  const kinds = lines.map((line, i) => (line.trim() === '' ? 'b' : PROSE.test(line) && !STRUCTURE.test(line) && !UNDERLINE.test(lines[i + 1] ?? '') ? 'p' : 's'))
  const outline = [`page ${hasOwnTitle(text)}`]
  lines.forEach((line, i) => {
    if (kinds[i] === 's') outline.push(`${kinds[i - 1] ?? '^'}${kinds[i + 1] ?? '$'}${INCLUDE.test(line) ? i + 1 : ''} ${line}`)
  })
  return outline.join('\n')
}
