/**
 * JSON as pages show an answer outside the doc tests (a plain `[source,js]` block): whole lines of `...`
 * elide entries. In an object such a line marks it elided (a `"...": …` key, as `infer.ts` reads it); in
 * an array it stands for more elements and is dropped. Trailing commas left behind are allowed.
 */
import { parse, type ParseError } from 'jsonc-parser'

const ELISION = /^\s*(?:\.\.\.|…)\s*,?\s*$/

export function parseShownJson(text: string): unknown {
  const lines = text.split('\n')
  const stack: string[] = []
  let inString = false
  const out = lines.map((line) => {
    if (!inString && ELISION.test(line)) return stack.at(-1) === '{' ? '"...": 0,' : ''
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!
      if (inString) {
        if (c === '\\') i++
        else if (c === '"') inString = false
      } else if (c === '"') inString = true
      else if (c === '{' || c === '[') stack.push(c)
      else if (c === '}' || c === ']') stack.pop()
    }
    return line
  })
  const errors: ParseError[] = []
  const value: unknown = parse(out.join('\n'), errors, { allowTrailingComma: true })
  return errors.length === 0 && typeof value === 'object' && value !== null ? value : undefined
}
