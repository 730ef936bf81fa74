/**
 * Java regular expressions as written in `// TEST[s/…/…/]` markers, run with JavaScript's RegExp.
 *
 * Elasticsearch applies these with `String.replaceAll`, so the pattern is Java syntax and the replacement
 * uses `$1`/`${name}` group references; docs also write `$body.x` in replacements, which Java would reject
 * as a group reference but Elasticsearch keeps literally, so any `$` not followed by a group is literal,
 * and `\n` in a replacement is a newline, as the docs build reads it.
 */
import type { Substitution } from '../model/types.js'

/** Thrown when a Java pattern uses a construct JavaScript cannot express. */
export class UnsupportedRegexError extends Error {}

const INLINE_FLAGS = /^\(\?([imsux]+)\)/

/**
 * Translates a Java pattern to a JavaScript RegExp source plus flags. Handles leading inline flags
 * (`(?s)`), `\Q…\E` quoting, `\A`, `\z`, `\Z` and possessive quantifiers (approximated as greedy, which
 * matches the same strings whenever the Java pattern matches at all).
 */
export function translateJavaRegex(pattern: string): { source: string; flags: string } {
  let flags = ''
  let rest = pattern
  const inline = INLINE_FLAGS.exec(rest)
  if (inline) {
    // `u` (unicode case) and `x` (comments) have no faithful JavaScript twin; `x` would change meaning.
    if (inline[1]!.includes('x')) throw new UnsupportedRegexError(`inline flag (?x) is not supported: ${pattern}`)
    flags = [...new Set(inline[1]!.replace('u', ''))].join('')
    rest = rest.slice(inline[0].length)
  }
  let out = ''
  let inClass = false
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!
    if (ch === '\\') {
      const next = rest[i + 1]
      if (next === undefined) throw new UnsupportedRegexError(`trailing backslash: ${pattern}`)
      if (next === 'Q') {
        const end = rest.indexOf('\\E', i + 2)
        const quoted = rest.slice(i + 2, end === -1 ? undefined : end)
        out += escapeRegex(quoted)
        i = end === -1 ? rest.length : end + 1
        continue
      }
      if (!inClass && next === 'A') out += '^'
      else if (!inClass && next === 'z') out += '$(?![\\s\\S])'
      else if (!inClass && next === 'Z') out += '(?=\\n?$(?![\\s\\S]))'
      else out += ch + next
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      out += ch
      continue
    }
    if (ch === '[') {
      inClass = true
      out += ch
      // A `]` right after `[` or `[^` is literal in both dialects; copy it so it does not close the class.
      if (rest[i + 1] === '^') out += rest[++i]
      if (rest[i + 1] === ']') out += '\\' + rest[++i]
      continue
    }
    if (ch === '+' && /[*+?}]/.test(rest[i - 1] ?? '') && rest[i - 2] !== '\\') continue
    out += ch
  }
  return { source: out, flags }
}

/** Compiles a Java pattern for global replacement. */
export function compileJavaRegex(pattern: string, extraFlags = ''): RegExp {
  const { source, flags } = translateJavaRegex(pattern)
  return new RegExp(source, [...new Set(flags + extraFlags)].join(''))
}

type ReplacementPart = string | { group: number | string }

/** Parses a Java replacement string: `$n`, `${name}`, `\n` (newline), `\x` (literal x); other `$` are literal. */
function parseReplacement(replacement: string, groupCount: number): ReplacementPart[] {
  const parts: ReplacementPart[] = []
  let literal = ''
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!
    if (ch === '\\' && i + 1 < replacement.length) {
      // Docs write `s/^/PUT source\n/` to add a request line; the docs build reads `\n` as a newline.
      const next = replacement[++i]
      literal += next === 'n' ? '\n' : next
      continue
    }
    if (ch === '$') {
      const named = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i + 1))
      if (named) {
        parts.push(literal, { group: named[1]! })
        literal = ''
        i += named[0].length
        continue
      }
      const digits = /^\d+/.exec(replacement.slice(i + 1))?.[0]
      if (digits) {
        // Java reads as many digits as still name an existing group.
        let n = Number(digits[0])
        let used = 1
        while (used < digits.length && n * 10 + Number(digits[used]) <= groupCount) n = n * 10 + Number(digits[used++])
        parts.push(literal, { group: n })
        literal = ''
        i += used
        continue
      }
    }
    literal += ch
  }
  parts.push(literal)
  return parts.filter((p) => p !== '')
}

/** Applies one `s/pattern/replacement/` to every match in `text`, with Java semantics. */
export function applySubstitution(text: string, substitution: Substitution): string {
  const regex = compileJavaRegex(substitution.pattern, 'g')
  const groupCount = new RegExp(`${regex.source}|`).exec('')!.length - 1
  const parts = parseReplacement(substitution.replacement, groupCount)
  return text.replace(regex, (...args: unknown[]) => {
    const last = args[args.length - 1]
    const named = typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : {}
    return parts
      .map((part) => {
        if (typeof part === 'string') return part
        if (typeof part.group === 'string') return named[part.group] ?? ''
        return part.group === 0 ? (args[0] as string) : ((args[part.group] as string | undefined) ?? '')
      })
      .join('')
  })
}

/** Applies substitutions in the order they were written, as Elasticsearch does. */
export function applySubstitutions(text: string, substitutions: readonly Substitution[]): string {
  return substitutions.reduce(applySubstitution, text)
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
