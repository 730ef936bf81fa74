import type { Substitution } from '../../model/types.js'

export type SubstitutionResult = { ok: true; text: string } | { ok: false; index: number; message: string }

/**
 * Applies `s/pattern/replacement/` substitutions in order, each to every match, with Java's `replaceAll`
 * semantics as Elasticsearch's doc tests use them: `$body…` and `$_path` in a replacement are literal text,
 * `\n` in a replacement is a line break.
 */
export function applySubstitutions(text: string, substitutions: readonly Substitution[]): SubstitutionResult {
  let result = text
  for (const [index, substitution] of substitutions.entries()) {
    let regex: RegExp
    try {
      regex = javaRegex(substitution.pattern)
    } catch (error) {
      return { ok: false, index, message: `Invalid regular expression /${substitution.pattern}/: ${(error as Error).message}` }
    }
    const replacement = substitution.replacement.replaceAll('\\n', '\n')
    result = result.replace(regex, (...args: unknown[]) => javaReplacement(replacement, args))
  }
  return { ok: true, text: result }
}

/**
 * Translates the Java-only parts of a regular expression: `\Q…\E` quoting, `\A`, `\z`, `\Z`, Java's `$`
 * (which also matches before a final line break), possessive quantifiers and atomic groups (approximated
 * by their greedy forms), and leading inline flags `(?i)`, `(?s)`, `(?m)`. Throws on invalid syntax.
 */
export function javaRegex(pattern: string): RegExp {
  let flags = 'g'
  let i = 0
  const leading = /^\(\?([ism]+)\)/.exec(pattern)
  if (leading) {
    for (const flag of new Set(leading[1])) flags += flag
    i = leading[0].length
  }
  const dollar = flags.includes('m') ? '$' : '(?=\\n?$)'
  let out = ''
  let inClass = false
  while (i < pattern.length) {
    const c = pattern[i]!
    if (c === '\\') {
      const next = pattern[i + 1]
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2)
        const literal = pattern.slice(i + 2, end === -1 ? pattern.length : end)
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
        i = end === -1 ? pattern.length : end + 2
        continue
      }
      if (!inClass && next === 'A') out += '^'
      else if (!inClass && next === 'z') out += '$'
      else if (!inClass && next === 'Z') out += '(?=\\n?$)'
      else out += c + (next ?? '')
      i += 2
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      out += c
    } else if (c === '[') {
      inClass = true
      out += c
      // A `]` right after `[` or `[^` is a literal in both dialects.
      if (pattern[i + 1] === '^') out += pattern[++i]
      if (pattern[i + 1] === ']') out += pattern[++i]
    } else if (c === '$') {
      out += dollar
    } else if (c === '+' && i > 0 && '*+?}'.includes(pattern[i - 1]!) && pattern[i - 2] !== '\\') {
      // possessive quantifier: drop the `+`
    } else if (pattern.startsWith('(?>', i)) {
      out += '(?:'
      i += 3
      continue
    } else {
      out += c
    }
    i++
  }
  return new RegExp(out, flags)
}

/** Expands a Java replacement string for one match: `$n` and `${name}` are groups, `\x` is `x`. */
function javaReplacement(replacement: string, args: unknown[]): string {
  const hasGroups = typeof args[args.length - 1] === 'object' && args[args.length - 1] !== undefined
  const groups = (hasGroups ? args[args.length - 1] : undefined) as Record<string, string | undefined> | undefined
  const captures = args.slice(0, hasGroups ? -3 : -2) as (string | undefined)[]
  let out = ''
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!
    if (c === '\\' && i + 1 < replacement.length) {
      out += replacement[++i]
    } else if (c === '$' && /[0-9]/.test(replacement[i + 1] ?? '')) {
      // Java reads as many digits as still name an existing group.
      let n = Number(replacement[++i])
      while (/[0-9]/.test(replacement[i + 1] ?? '') && n * 10 + Number(replacement[i + 1]) < captures.length) {
        n = n * 10 + Number(replacement[++i])
      }
      out += captures[n] ?? ''
    } else if (c === '$' && replacement[i + 1] === '{') {
      const end = replacement.indexOf('}', i)
      if (end === -1) {
        out += c
        continue
      }
      out += groups?.[replacement.slice(i + 2, end)] ?? ''
      i = end
    } else {
      out += c
    }
  }
  return out
}
