/**
 * Java regular expressions, as written in `s/…/…/` substitutions and `catch:/…/` markers, run with JavaScript's
 * RegExp. Elasticsearch's doc tests apply them with `String.replaceAll`, so they are Java syntax: what the two
 * dialects share is copied, the Java-only parts are translated, and what cannot be translated faithfully is
 * refused with `UnsupportedRegexError` rather than silently read another way.
 */

/** Thrown when a Java pattern uses a construct JavaScript cannot express. */
class UnsupportedRegexError extends Error {}

/** Leading inline flags; `u` (Unicode case) and `d` (Unix lines) have no JavaScript twin and change little. */
const INLINE_FLAGS = /^\(\?([idmsux]+)\)/

/** Java's horizontal white space `\h`, as the inside of a character class. */
const HORIZONTAL = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000'
/** Java's vertical white space `\v` (not JavaScript's vertical tab), as the inside of a character class. */
const VERTICAL = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029'

/** Escapes: Java-only classes, as a JavaScript source fragment; `inClass` variants go inside `[…]`. */
const CLASS_ESCAPES: Record<string, { alone: string; inClass?: string }> = {
  h: { alone: `[${HORIZONTAL}]`, inClass: HORIZONTAL },
  H: { alone: `[^${HORIZONTAL}]` },
  v: { alone: `[${VERTICAL}]`, inClass: VERTICAL },
  V: { alone: `[^${VERTICAL}]` },
  R: { alone: `(?:\\r\\n|[${VERTICAL}])` },
}

/**
 * Translates a Java pattern to a JavaScript RegExp source plus flags: leading inline flags (`(?s)`), `\Q…\E`
 * quoting, `\A`, `\z`, `\Z`, Java's `$` (which also matches before a final line break), `\h`, `\v`, `\R`, a `]`
 * first in a class, possessive quantifiers and atomic groups (approximated by their greedy forms, which match
 * the same text whenever the Java pattern matches at all). `(?x)` drops white space and comments. Throws `UnsupportedRegexError` for Unicode
 * properties, `\G`, and nested or intersected classes.
 */
export function translateJavaRegex(pattern: string): { source: string; flags: string } {
  let flags = ''
  let rest = pattern
  const inline = INLINE_FLAGS.exec(rest)
  if (inline) {
    flags = [...new Set(inline[1]!.replace(/[udx]/g, ''))].join('')
    rest = rest.slice(inline[0].length)
    if (inline[1]!.includes('x')) rest = withoutComments(rest)
  }
  const multiline = flags.includes('m')
  let out = ''
  let inClass = false
  // After a quantifier a `?` makes it lazy and a `+` possessive.
  let quantified = false
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!
    const afterQuantifier: boolean = quantified
    quantified = false
    if (ch === '\\') {
      const next = rest[i + 1]
      if (next === undefined) throw new UnsupportedRegexError(`trailing backslash: ${pattern}`)
      i++
      if (next === 'Q') {
        const end = rest.indexOf('\\E', i + 1)
        out += escapeRegex(rest.slice(i + 1, end === -1 ? undefined : end))
        i = end === -1 ? rest.length : end + 1
      } else if ('pPGX'.includes(next)) {
        throw new UnsupportedRegexError(`\\${next} is not supported: ${pattern}`)
      } else if (CLASS_ESCAPES[next] && (!inClass || CLASS_ESCAPES[next].inClass)) {
        out += inClass ? CLASS_ESCAPES[next].inClass : CLASS_ESCAPES[next].alone
      } else if (!inClass && next === 'A') out += multiline ? '(?<![\\s\\S])' : '^'
      else if (!inClass && next === 'z') out += '$(?![\\s\\S])'
      else if (!inClass && next === 'Z') out += '(?=\\n?$(?![\\s\\S]))'
      else out += ch + next
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      else if (ch === '[' || rest.startsWith('&&', i)) {
        throw new UnsupportedRegexError(`nested or intersected classes are not supported: ${pattern}`)
      }
      out += ch
      continue
    }
    if (ch === '[') {
      inClass = true
      out += ch
      // A `]` right after `[` or `[^` is literal in Java but would close the class in JavaScript.
      if (rest[i + 1] === '^') out += rest[++i]
      if (rest[i + 1] === ']') out += '\\' + rest[++i]
    } else if (ch === '$') {
      out += multiline ? '$' : '(?=\\n?$)'
    } else if (rest.startsWith('(?>', i)) {
      out += '(?:'
      i += 2
    } else if (afterQuantifier && ch === '+') {
      // possessive: dropped
    } else {
      // A `?` right after an unescaped `(` opens a group construct; after a quantifier it makes it lazy.
      const opensGroup = ch === '?' && out.endsWith('(') && !out.endsWith('\\(')
      out += ch
      quantified = !afterQuantifier && !opensGroup && ('*+?'.includes(ch) || (ch === '}' && /\{\d+(?:,\d*)?\}$/.test(out)))
    }
  }
  return { source: out, flags }
}

/**
 * A pattern in Java's COMMENTS mode (`(?x)`, `Pattern.COMMENTS`) as a plain one: unescaped white space is
 * dropped (inside classes too, as Java does) and `#` outside a class starts a comment to the end of the line.
 */
function withoutComments(pattern: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (ch === '\\') {
      // An escaped space stays a space.
      out += pattern[i + 1] === ' ' ? ' ' : ch + (pattern[i + 1] ?? '')
      i++
    } else if (/\s/.test(ch)) {
      continue
    } else if (ch === '#' && !inClass) {
      while (i + 1 < pattern.length && pattern[i + 1] !== '\n') i++
    } else {
      if (ch === '[') inClass = true
      else if (ch === ']') inClass = false
      out += ch
    }
  }
  return out
}

/** Compiles a Java pattern; `extraFlags` such as `g` are added to its own. Throws when it cannot be run. */
export function compileJavaRegex(pattern: string, extraFlags = ''): RegExp {
  const { source, flags } = translateJavaRegex(pattern)
  return new RegExp(source, [...new Set(flags + extraFlags)].join(''))
}

/** Escapes text for use in a JavaScript pattern, inside or outside a character class. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}
