import { parse } from 'shell-quote'

/** A word of a shell command, and the line (index into the lines given) it starts on. */
export interface ShellWord {
  text: string
  line: number
}

export interface ShellCommand {
  words: ShellWord[]
  /** Index of the command's last line: where a line break outside quotes and not escaped ends it. */
  end: number
  /** A control operator (`|`, `;`, `&&`, `>`) or a comment ended the command's words before its last line. */
  cut?: string
}

/**
 * Line breaks are marked so that one shell-quote parse tells where the command ends: a mark outside quotes
 * becomes a word of its own (the command ends there), `\` before it makes it an escaped space (a continued
 * line), and inside quotes it stays part of the word and is removed again.
 */
const MARK = '\u2063'
const LINE_END = ` ${MARK}`

/**
 * Docs write placeholders in URLs (`api/data_view/<id>/fields`, `<kibana host>:<port>/api`), which a shell
 * reads as redirections: their brackets and spaces are swapped for private-use characters while splitting.
 */
const PLACEHOLDER = /<([A-Za-z_][\w .-]{0,40})>/g
const SWAPS: [string, string][] = [
  ['<', '\uE000'],
  ['>', '\uE001'],
  [' ', '\uE002'],
]
/** `$VARIABLES` are kept as written (`$KIBANA_URL/api/…`): the shell never expands them here, nor fails on `${`. */
const DOLLAR: [string, string] = ['$', '\uE003']

/**
 * Splits the shell command starting at `lines[first]` into words with shell-quote: quotes and escapes as a
 * POSIX shell reads them. `&` followed by `name=value` continues an
 * unquoted URL's query string (`…?type=alert&batch_size=5000`), as the docs mean it.
 */
export function shellCommand(lines: readonly string[], first: number): ShellCommand {
  const text = lines
    .slice(first)
    // The marks must not occur in the text itself (they would not in real pages): any that do are replaced.
    .map((line) => line.replace(/[\u2063\uE000-\uE003]/g, '\uFFFD'))
    .map((line) => line.replace(PLACEHOLDER, (placeholder) => SWAPS.reduce((s, [from, to]) => s.replaceAll(from, to), placeholder)).replaceAll(...DOLLAR) + LINE_END)
    .join('\n')
  const entries = parse(text)
  const words: ShellWord[] = []
  let line = first
  let cut: string | undefined
  let glue = false
  for (const [i, entry] of entries.entries()) {
    if (typeof entry === 'object' && 'comment' in entry) return { words, end: line, cut: cut ?? '#' }
    if (typeof entry === 'object' && 'op' in entry && entry.op !== 'glob') {
      const next = entries[i + 1]
      const nextWord = typeof next === 'string' ? next : next && 'pattern' in next ? next.pattern : undefined
      glue = entry.op === '&' && !cut && /^[\w.-]+=/.test(nextWord ?? '') && words.at(-1)?.text.includes('?') === true
      if (!glue) cut ??= entry.op
      continue
    }
    const raw = typeof entry === 'string' ? entry : entry.pattern
    // A line break outside quotes ends the command; an escaped one (`\` at the end of a line) continues it.
    if (raw === MARK) return { words, end: line, ...(cut && { cut }) }
    const value = restore(raw)
    if (glue) words.at(-1)!.text += `&${value}`
    else if (!cut && raw !== LINE_END) words.push({ text: value, line })
    glue = false
    line += count(raw, MARK)
  }
  return { words, end: Math.min(line, lines.length - 1), ...(cut && { cut }) }
}

function restore(word: string): string {
  return [...SWAPS, DOLLAR].reduce((s, [from, to]) => s.replaceAll(to, from), word.replaceAll(LINE_END, ''))
}

function count(text: string, part: string): number {
  return text.split(part).length - 1
}
