import type { Substitution, TestOptions } from '../../model/types.js'

export type MarkerKind = 'TEST' | 'TESTRESPONSE'

/** Something wrong with one option, `offset` being where it starts in the option text. */
export interface OptionProblem {
  offset: number
  rule: 'unknown-test-option' | 'malformed-marker'
  message: string
}

export function emptyTestOptions(): TestOptions {
  return { continued: false, setup: [], teardown: [], warnings: [], substitutions: [], cat: false, nonJson: false, unknown: [] }
}

/** Option keywords; a comma followed by one of these separates options rather than names in a list. */
const KEYWORDS = ['s/', 'catch:', 'skip:', 'warning:', 'setup:', 'teardown:', 'continued', 'skip_shard_failures', '_cat', 'non_json']

/** Options Elasticsearch accepts on each marker; the rest are kept in `unknown`. */
const ALLOWED: Record<MarkerKind, ReadonlySet<string>> = {
  TEST: new Set(['s/', 'catch:', 'skip:', 'warning:', 'setup:', 'teardown:', 'continued', 'skip_shard_failures']),
  TESTRESPONSE: new Set(['s/', 'skip:', '_cat', 'non_json']),
}

/** Options docspec knows but the model has no field for: kept in `unknown` without a warning. */
const UNMODELLED = new Set(['skip_shard_failures'])

/**
 * Parses the text between the brackets of `// TEST[...]` or `// TESTRESPONSE[...]` into `into`.
 *
 * Elasticsearch's grammar (build-tools SnippetParser) separates options by a space; docs also use commas,
 * so a run of spaces and commas separates options. `skip:` and `warning:` take the rest of the text (their
 * text may hold commas and brackets); `s/…/…/` is scanned with `\/` as an escaped slash, so commas inside
 * it are plain text; `setup:a,b` names two setups.
 */
export function parseTestOptions(text: string, kind: MarkerKind, into: TestOptions): OptionProblem[] {
  const problems: OptionProblem[] = []
  let i = 0
  const skipSeparators = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === ',' || text[i] === '\t')) i++
  }
  for (skipSeparators(); i < text.length; skipSeparators()) {
    const start = i
    const keyword = KEYWORDS.find((k) => text.startsWith(k, i) && (k.endsWith('/') || k.endsWith(':') || isBoundary(text, i + k.length)))
    if (!keyword || !ALLOWED[kind].has(keyword)) {
      i = keyword ? optionEnd(text, i, keyword) : tokenEnd(text, i)
      const option = text.slice(start, i)
      into.unknown.push(option)
      if (!keyword || !UNMODELLED.has(keyword)) {
        const why = keyword ? `not valid in ${kind}[...]` : 'unknown option'
        problems.push({ offset: start, rule: 'unknown-test-option', message: `${kind} option "${option}": ${why}, ignored` })
      }
      continue
    }
    i += keyword.length
    switch (keyword) {
      case 's/': {
        const substitution = scanSubstitution(text, i)
        if (!substitution) {
          problems.push({
            offset: start,
            rule: 'malformed-marker',
            message: `Unterminated substitution "${text.slice(start, start + 40)}"`,
          })
          i = text.length
        } else {
          into.substitutions.push(substitution.value)
          i = substitution.end
        }
        break
      }
      case 'skip:':
        into.skip = text.slice(i).trim()
        i = text.length
        break
      case 'warning:':
        into.warnings.push(text.slice(i))
        i = text.length
        break
      case 'catch:': {
        while (text[i] === ' ') i++
        const close = text[i] === '/' ? text.indexOf('/', i + 1) : -1
        const end = close === -1 ? tokenEnd(text, i) : close + 1
        into.catch = text.slice(i, end)
        i = end
        break
      }
      case 'setup:':
      case 'teardown:': {
        const names = scanNames(text, i)
        ;(keyword === 'setup:' ? into.setup : into.teardown).push(...names.names)
        i = names.end
        break
      }
      case 'continued':
        into.continued = true
        break
      case 'skip_shard_failures':
        into.unknown.push(keyword)
        break
      case '_cat':
        into.cat = true
        break
      case 'non_json':
        into.nonJson = true
        break
    }
  }
  return problems
}

function isBoundary(text: string, i: number): boolean {
  return i >= text.length || text[i] === ' ' || text[i] === ','
}

/** End of a plain token: the next space or comma. */
function tokenEnd(text: string, i: number): number {
  while (i < text.length && text[i] !== ' ' && text[i] !== ',') i++
  return i
}

/** End of an option that is not used: as far as its own syntax would have taken it. */
function optionEnd(text: string, i: number, keyword: string): number {
  if (keyword === 's/') return scanSubstitution(text, i + 2)?.end ?? text.length
  if (keyword === 'skip:' || keyword === 'warning:') return text.length
  if (keyword === 'setup:' || keyword === 'teardown:') return scanNames(text, i + keyword.length).end
  return tokenEnd(text, i)
}

/** `a,b,c` up to a space or to a comma that is followed by another option. */
function scanNames(text: string, i: number): { names: string[]; end: number } {
  const names: string[] = []
  for (;;) {
    const end = tokenEnd(text, i)
    if (end > i) names.push(text.slice(i, end))
    i = end
    if (text[i] !== ',' || KEYWORDS.some((k) => text.startsWith(k, i + 1))) return { names, end: i }
    i++
  }
}

/**
 * Reads `pattern/replacement/` (after `s/`). A backslash escapes the next character, so `\/` is a slash in
 * the text and `\\/` ends the part; Elasticsearch's regex (which backtracks) reads real examples the same way.
 */
function scanSubstitution(text: string, i: number): { value: Substitution; end: number } | undefined {
  const pattern = scanPart(text, i)
  if (!pattern || pattern.end === i) return undefined
  const replacement = scanPart(text, pattern.end + 1)
  if (!replacement) return undefined
  return {
    value: {
      pattern: unescapeSlashes(text.slice(i, pattern.end)),
      replacement: unescapeSlashes(text.slice(pattern.end + 1, replacement.end)),
    },
    end: replacement.end + 1,
  }
}

/** Finds the unescaped `/` closing a part that starts at `i`. */
function scanPart(text: string, i: number): { end: number } | undefined {
  while (i < text.length) {
    if (text[i] === '\\') i += 2
    else if (text[i] === '/') return { end: i }
    else i++
  }
  return undefined
}

/**
 * `\/` → `/` where the backslash escapes the slash (an odd run of backslashes); in `\\/` the backslash is
 * itself escaped and the text is kept, so the regex or replacement means the same thing either way.
 */
function unescapeSlashes(part: string): string {
  const out: string[] = []
  let run = 0
  for (const c of part) {
    if (c === '/' && run % 2 === 1) out.pop()
    run = c === '\\' ? run + 1 : 0
    out.push(c)
  }
  return out.join('')
}
