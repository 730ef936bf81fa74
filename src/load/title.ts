/** A section title line (`=== Title`). */
const SECTION_TITLE = /^={1,6}[ \t]+\S/
/** Lines that may stand above a page's title: anchors, block attributes, attribute entries, conditionals, comments. */
const PREAMBLE = /^(?:\[.*\]\s*$|:!?[\w][\w-]*!?:(?:\s|$)|(?:ifn?def|ifeval|endif)::.*\]\s*$|\/\/)/
const COMMENT_BLOCK = /^\/{4,}\s*$/

/**
 * Whether a file opens with its own section title, as a page does (`[[id]]`, `[role=…]` lines and comments
 * may come first). A file included whole that has its own title is a page of its own in a book; one that
 * does not (a shared sentence, a list of definitions) is a fragment of the page that includes it. A
 * `[discrete]` heading is no page title.
 */
export function hasOwnTitle(text: string): boolean {
  let comment: string | undefined
  let discrete = false
  for (const line of text.split('\n', 200)) {
    if (comment !== undefined) {
      if (line.trimEnd() === comment) comment = undefined
      continue
    }
    if (COMMENT_BLOCK.test(line)) comment = line.trimEnd()
    else if (SECTION_TITLE.test(line)) return !discrete
    else if (!line.trim()) continue
    else if (PREAMBLE.test(line)) discrete ||= /^\[(?:discrete|float)\b/.test(line)
    else return false
  }
  return false
}
