import type { Substitution } from '../model/types.js'
import { compileJavaRegex } from './java-regex.js'

export type SubstitutionResult = { ok: true; text: string } | { ok: false; index: number; message: string }

/**
 * Applies `s/pattern/replacement/` substitutions in the order written, each to every match, as Elasticsearch's
 * doc tests do (SnippetBuilder): `$body` and `$_path` in a replacement are literal text and `\n` is a line break,
 * then Java's `replaceAll`. Stops at the first pattern JavaScript cannot run.
 */
export function applySubstitutions(text: string, substitutions: readonly Substitution[]): SubstitutionResult {
  let result = text
  for (const [index, substitution] of substitutions.entries()) {
    try {
      result = applySubstitution(result, substitution)
    } catch (error) {
      return { ok: false, index, message: `Invalid regular expression /${substitution.pattern}/: ${(error as Error).message}` }
    }
  }
  return { ok: true, text: result }
}

/** Applies one substitution to every match; throws when the pattern cannot run in JavaScript. */
export function applySubstitution(text: string, { pattern, replacement }: Substitution): string {
  const regex = compileJavaRegex(pattern, 'g')
  // Elasticsearch turns `\n` into a line break before Java reads the replacement, so `\\n` is an escaped break.
  const expanded = replacement.replaceAll('\\n', '\n')
  return text.replace(regex, (...args: unknown[]) => javaReplacement(expanded, args))
}

/**
 * Expands a Java replacement for one match (`String.replace` callback arguments): `$n` and `${name}` are groups,
 * `\x` is `x`. Java rejects any other `$`; docs write `$body.x`, which Elasticsearch escapes, so it is literal.
 */
function javaReplacement(replacement: string, args: unknown[]): string {
  const last = args[args.length - 1]
  const named = typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : undefined
  const captures = args.slice(0, named ? -3 : -2) as (string | undefined)[]
  let out = ''
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!
    if (c === '\\' && i + 1 < replacement.length) {
      out += replacement[++i]
    } else if (c === '$' && isDigit(replacement[i + 1])) {
      // Java reads as many digits as still name an existing group.
      let n = Number(replacement[++i])
      while (isDigit(replacement[i + 1]) && n * 10 + Number(replacement[i + 1]) < captures.length) n = n * 10 + Number(replacement[++i])
      out += captures[n] ?? ''
    } else if (c === '$' && replacement[i + 1] === '{') {
      const name = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i + 1))
      if (!name) {
        out += c
        continue
      }
      out += named?.[name[1]!] ?? ''
      i += name[0].length
    } else {
      out += c
    }
  }
  return out
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}
