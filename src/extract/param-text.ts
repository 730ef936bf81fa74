/**
 * Reading a parameter's definition text: the leading `(Required, string)` groups, the default the
 * prose states, and the allowed values it lists. Works on the raw AsciiDoc text of one definition.
 */

import { leadingStatusMacros } from './inline.js'

export interface ParamFacts {
  required?: boolean
  type?: string
  /** The text after the leading groups. */
  rest: string
  /** The leading `(Optional, type` group lacks its `)`; flag and type were read up to where the text starts. */
  unclosed?: boolean
  /** The word written where Required or Optional belongs (`(Request, string)`). */
  misspeltFlag?: string
}

const GROUP = /^\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*/
const FLAG = /^(required|optional)\b/i

/** Reads up to two leading parenthesised groups: `(Required, string)`, or `(Optional)` then `(boolean)`. */
export function leadingFacts(text: string): ParamFacts {
  // A status macro may come first (`deprecated:[7.0.0]` then `(Optional, string)`); it stays in the text.
  const { macros, rest } = leadingStatusMacros(text)
  const facts: ParamFacts = { rest }
  for (let n = 0; n < 2; n++) {
    const m = GROUP.exec(facts.rest)
    if (!m) break
    const parts = splitTop(m[1]!)
    const known = parts.some((p) => FLAG.test(p)) || (facts.type === undefined && parts.length === 1 && looksLikeType(parts[0]!))
    if (!known && n === 0 && parts.length === 2 && /^[A-Z][a-z]+$/.test(parts[0]!) && TYPE_WORD.test(parts[1]!)) {
      // `(Require, string)`, `(Request, string)`: a misspelt flag before a plain type, read by its first letters.
      facts.misspeltFlag = parts[0]
      if (/^requ/i.test(parts[0]!)) facts.required = true
      else if (/^opt/i.test(parts[0]!)) facts.required = false
      facts.type = parts[1]
      facts.rest = facts.rest.slice(m[0].length)
      continue
    }
    if (!known) break
    for (const part of parts) {
      const flag = FLAG.exec(part)
      if (flag) facts.required = flag[1]!.toLowerCase() === 'required'
      else if (part) facts.type = facts.type ? `${facts.type}, ${part}` : part
    }
    facts.rest = facts.rest.slice(m[0].length)
  }
  const open = facts.required === undefined && facts.type === undefined ? UNCLOSED.exec(facts.rest) : null
  if (open) {
    facts.required = open[1]!.toLowerCase() === 'required'
    if (open[2]) facts.type = open[2]
    facts.rest = facts.rest.slice(open[0].length)
    facts.unclosed = true
  }
  // `(string) Required. Identifier for the index.`: the flag as the first sentence after the type.
  const sentence = facts.required === undefined && facts.type !== undefined ? /^(required|optional)\.\s+/i.exec(facts.rest) : null
  if (sentence) {
    facts.required = sentence[1]!.toLowerCase() === 'required'
    facts.rest = facts.rest.slice(sentence[0].length)
  }
  if (macros) facts.rest = `${macros}\n${facts.rest}`
  return facts
}

const TYPE_WORD = /^(?:string|boolean|integer|long|float|double|number|object|list|enum|date|array(?: of \w+)?)$/i

/** `(Optional, <<query-dsl,query object>> Allows …`: a group whose `)` was forgot, its type a cross reference or one word. */
const UNCLOSED = /^\s*\((optional|required)\b(?!.*\))\s*(?:,\s*(<<[^>]*>>|[a-z]+(?=\s+[A-Z]))\s*)?/i

/** Splits on commas outside `<<…>>` cross references. */
function splitTop(group: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of group) {
    if (ch === '<') depth++
    else if (ch === '>') depth = Math.max(0, depth - 1)
    if (ch === ',' && depth === 0) {
      parts.push(current.trim())
      current = ''
    } else current += ch
  }
  parts.push(current.trim())
  return parts.filter(Boolean)
}

function looksLikeType(s: string): boolean {
  return /^(?:<<[^>]*>>|[\w\s[\]|<>-]+)$/.test(s) && s.split(/\s+/).length <= 5
}

const TIME_WORDS = '(?:nanos|micros|ms|milliseconds?|s|seconds?|m|minutes?|h|hours?|d|days?)'
// A quoted value: in backticks, double quotes or an old page's `+…+` passthrough.
const QUOTED = '`[^`]+`|"[^"]+"|\\+[^+\\s][^+]*\\+'
const DEFAULT_PATTERNS = [
  new RegExp(`\\bdefaults? to:?\\s+(${QUOTED}|[\\w.+-]+(?:\\s+\\w+)?)`, 'i'),
  new RegExp(`\\bthe default(?: value)?(?: for [^.]*?)? is:?\\s+(${QUOTED}|[\\w.+-]+(?:\\s+\\w+)?)`, 'i'),
  new RegExp(`\\bdefault:\\s*(${QUOTED}|[\\w.+-]+)`, 'i'),
  new RegExp(`\\bdefault(?:s| value) of\\s+(${QUOTED}|[\\w.+-]+(?:\\s+\\w+)?)`, 'i'),
  // Lower case only: "By default" opens a sentence, and the word before it ends the previous one (or a list item).
  // The value starts where a word starts: tried inside a long word (or a long dotted name), it rescanned the
  // rest of it from every character, which took minutes on a line of a few hundred kilobytes.
  new RegExp(`(${QUOTED}|(?<![\\w+.-])[\\w+-]+(?:\\.\\w+)*) by default\\b`),
]

/** The default the text states ("Defaults to `30s`", "The default value is 20 seconds"), without markup. */
export function statedDefault(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ')
  // An aside in parentheses often gives the default of something the sentence names ("more than
  // `index.merge.policy.expunge_deletes_allowed` (default to 10) percents … Defaults to `false`."): the text around it speaks first.
  // Parentheses inside a quoted value (`+max(1, …)+`) are the value's own.
  const asides = new RegExp(`(${QUOTED})|\\([^()]*\\)`, 'g')
  return defaultIn(flat.replace(asides, (_, quoted?: string) => quoted ?? ' ')) ?? defaultIn(flat)
}

function defaultIn(flat: string): string | undefined {
  for (const pattern of DEFAULT_PATTERNS) {
    const m = pattern.exec(flat)
    if (!m) continue
    let value = m[1]!.trim()
    // A cross reference in a quoted formula reads as its label: `+max(1, <<data-node,data nodes>>)+`.
    if (/^(?:`.*`|".*"|\+.+\+)$/.test(value)) return value.slice(1, -1).replace(/<<[^,>]*,\s*([^>]*)>>|<<([^>]*)>>/g, '$1$2').trim()
    // Only keep a second word when it is a time unit ("20 seconds"), not the next word of the sentence.
    const [first, second] = value.split(' ')
    // "Defaults to index-level settings" names where the default comes from, not a value.
    if (second && /^(?:settings?|values?)\b/i.test(second)) continue
    value = second && new RegExp(`^${TIME_WORDS}$`, 'i').test(second.replace(/[.,;]$/, '')) ? `${first} ${second.replace(/[.,;]$/, '')}` : first!
    value = value.replace(/[.,;:]+$/, '')
    if (/^(?:the|a|an|this|that|is|it|to|false\.|if|when|none|no|not)$/i.test(value) && value.toLowerCase() !== 'none') continue
    // "Defaults to checking if a merge is needed" describes what happens; an unquoted -ing word is no value.
    if (/^[a-z]{2,}ing$/.test(value)) continue
    return value
  }
  return undefined
}

/**
 * Allowed values listed by the text: "one of `a`, `b`", "Valid values are `a`, `b` and `c`", "Valid
 * values: `a`, `b`", or a bulleted list of them; "Set to `all` or any positive integer" lists one value
 * beside any number (`anyNumber`).
 */
export function listedValues(text: string): string[] | undefined {
  const flat = text.replace(/\s+/g, ' ')
  const m = /\b(?:one of|(?:valid|possible|supported) values(?: (?:are|include))?|options are|can be(?: set to)?(?: one of)?|must be(?: one of)?|accepts)\s*:?\s*(?:[-*]\s+)?((?:(?:`[^`]+`|"[^"\s]+")(?:\s*(?:,\s*or|,\s*and|,|or|and|-|\*)\s*)?)+)/i.exec(flat)
  const values = m ? [...m[1]!.matchAll(/`([^`]+)`|"([^"\s]+)"/g)].map((v) => (v[1] ?? v[2])!) : []
  if (values.length >= 2) return values
  const beside = ANY_NUMBER.exec(flat)
  return beside ? [beside[1]!] : undefined
}

/** "Set to `all` or any positive integer": a value, or any number. */
const ANY_NUMBER = /`([^`\s]+)` or any (?:positive |non-negative )?(?:integer|number|whole number)\b/i

/** Whether the text allows any number beside its listed values. */
export function allowsAnyNumber(text: string): boolean {
  return ANY_NUMBER.test(text.replace(/\s+/g, ' '))
}

/**
 * Whether the text says the value is a comma-separated list, or that it takes several values ("Multiple
 * non-rollup indices may be specified").
 */
export function isCommaList(text: string): boolean {
  return /\bcomma[- ](?:separated|delimited)\b|\bseparated by (?:a )?commas?\b|\bmultiple [\w -]{1,40}? (?:may|can) be (?:specified|given|provided)\b/i.test(text.replace(/\s+/g, ' '))
}

/**
 * Whether the text says the property is present only in some cases: "only returned for successful
 * operations", "is omitted if there are no forecasts", "It is not present when …", "only shown if …",
 * "For open jobs only, …", "available only for batch transforms", "When present, …", "The explicit
 * routing, if set", "An optional description".
 */
export function isConditional(text: string): boolean {
  const flat = text.replace(/\s+/g, ' ').trim()
  return CONDITIONAL.test(flat) || FOR_ONLY.test(flat)
}

const CONDITIONAL = new RegExp(
  [
    '\\bonly (?:present|returned|included|shown|available|appears?|exists?|reported|provided|set|populated|applicable)\\b',
    '\\b(?:present|returned|included|shown|reported|provided|available|appears?|populated) only\\b',
    '\\b(?:is|are) (?:not |never )?(?:present|returned|included|shown) (?:if|when|unless)\\b',
    '\\b(?:it|this (?:field|property|object|array|value|parameter)) (?:is|are) not (?:present|returned|included)\\b',
    '\\b(?:is|are) omitted\\b',
    '(?:^|[.!?] )omitted (?:from|if|when|unless)\\b',
    '\\b(?:if|when) (?:present|set)\\b(?! to\\b)',
    '\\bexcluded (?:if|when|unless)\\b',
    '^(?:an )?optional\\b',
  ].join('|'),
  'i',
)

/** "For started datafeeds only, …" opening a sentence (not "(for outlier detection only)" inside one). */
const FOR_ONLY = /(?:^|[.!?] )For (?!internal use\b)[^.,]{1,60}? only\b/
