import type { PageModel, Param } from '../model/types.js'
import type { RouteTable } from './routes.js'

/** A constraint on a path parameter's value, read from the parameter's description. */
export interface PathRule {
  /** The sentences the rule was read from, quoted in the refusal. */
  text: string
  /** The whole value follows the rule. */
  test(value: string): boolean
  /** The value only uses allowed characters (for the fixed parts of a wildcard expression). */
  chars(value: string): boolean
}

/** Character classes the docs name, as regular-expression class bodies. */
const CLASS_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/lower-?case (?:alphanumeric|alpha-numeric)/, 'a-z0-9'],
  [/upper-?case (?:alphanumeric|alpha-numeric)/, 'A-Z0-9'],
  [/(?<!lower-?case |upper-?case )(?:alphanumeric|alpha-numeric)/, 'a-zA-Z0-9'],
  [/lower-?case (?:letters?|characters?)/, 'a-z'],
  [/upper-?case (?:letters?|characters?)/, 'A-Z'],
  [/(?<!lower-?case |upper-?case )\bletters?\b/, 'a-zA-Z'],
  [/\b(?:digits?|numbers?|numerals?)\b/, '0-9'],
  [/\b(?:hyphens?|dashes?)\b/, '\\-'],
  [/\bunderscores?\b/, '_'],
  [/\b(?:periods?|dots?)\b/, '.'],
]

function classesIn(phrase: string): string | undefined {
  const lower = phrase.toLowerCase()
  const found = CLASS_WORDS.filter(([word]) => word.test(lower)).map(([, cls]) => cls)
  return found.length > 0 ? found.join('') : undefined
}

/** Narrows a start/end class ("alphanumeric") to the allowed characters ("lowercase alphanumeric"). */
function narrowed(cls: string, allowed: string | undefined): string {
  if (allowed === undefined) return cls
  const allowedRe = new RegExp(`[${allowed}]`)
  const chars = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).filter(
    (c) => new RegExp(`[${cls}]`).test(c) && allowedRe.test(c),
  )
  return chars.map((c) => c.replace(/[\\\]\-^]/g, '\\$&')).join('')
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=\.)\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/**
 * Reads the value constraints a parameter's description states in prose — allowed characters ("can contain
 * lowercase alphanumeric characters (a-z and 0-9), hyphens, and underscores"), first and last characters
 * ("must start and end with alphanumeric characters") and length ("has a 64 character limit") — into one
 * rule. Returns undefined when the description states none.
 */
export function pathRule(param: Param): PathRule | undefined {
  const used: string[] = []
  let allowed: string | undefined
  let first: string | undefined
  let last: string | undefined
  let maxLength: number | undefined
  for (const sentence of sentences(param.description)) {
    const lower = sentence.toLowerCase()
    let uses = false
    const contains = /\b(?:can|may) (?:only )?(?:contain|consist of|include)\b(.*?)(?:\bit\b|$)/.exec(lower)
    const charset = contains && classesIn(contains[1]!)
    if (charset) {
      allowed = charset
      uses = true
    }
    const ends = /\bmust (start|begin|end)(?: and (end|start|begin))? with (?:an? )?([^,.;]*)/.exec(lower)
    const endClass = ends && classesIn(ends[3]!)
    if (ends && endClass) {
      const sides = [ends[1], ends[2]]
      if (sides.some((s) => s === 'start' || s === 'begin')) first = endClass
      if (sides.includes('end')) last = endClass
      uses = true
    }
    const limit =
      /(\d+)[- ]character (?:limit|maximum)/.exec(lower) ??
      /(?:cannot|must not|can't) (?:exceed|be longer than|be more than) (\d+) characters/.exec(lower) ??
      /(?:maximum|max) (?:length )?of (\d+) characters/.exec(lower) ??
      /(?:at most|up to) (\d+) characters/.exec(lower)
    if (limit) {
      maxLength = Number(limit[1])
      uses = true
    }
    if (uses) used.push(sentence)
  }
  if (used.length === 0) return undefined
  const body = allowed !== undefined ? `[${allowed}]*` : '.*'
  const head = first !== undefined ? `(?=[${narrowed(first, allowed)}])` : ''
  const tail = last !== undefined ? `(?<=[${narrowed(last, allowed)}])` : ''
  const pattern = new RegExp(`^${head}${body}${tail}$`, 's')
  const charsOnly = new RegExp(`^${body}$`, 's')
  return {
    text: used.join(' '),
    test: (value) => pattern.test(value) && (maxLength === undefined || [...value].length <= maxLength),
    chars: (value) => charsOnly.test(value),
  }
}

/** Whether the parameter takes a comma-separated list or wildcard expression, so each item is checked alone. */
function takesList(param: Param): boolean {
  return /comma-separated|comma separated|wildcard|\blist\b|\barray\b/i.test(`${param.type ?? ''} ${param.description}`)
}

/** Whether the value breaks the rule: a list parameter's items separately, with wildcards and `_all` accepted. */
export function breaksRule(param: Param, rule: PathRule, value: string): boolean {
  if (!takesList(param)) return !rule.test(value)
  return value.split(',').some((item) => {
    if (item === '_all') return false
    // A wildcard expression only has to be made of allowed characters around its `*`s.
    if (item.includes('*')) return !rule.chars(item.replaceAll('*', ''))
    return !rule.test(item)
  })
}

export interface EnforcedRule {
  param: Param
  rule: PathRule
}

/**
 * The path rules of a page, by parameter name, that its own examples keep: a rule one of the page's example
 * paths breaks is read too strictly (or the docs contradict themselves), so it is not enforced.
 */
export function enforcedPathRules(model: PageModel, routes: RouteTable): Map<string, EnforcedRule> {
  const enforced = new Map<string, EnforcedRule>()
  for (const param of model.pathParams) {
    const rule = pathRule(param)
    if (rule) enforced.set(param.name, { param, rule })
  }
  for (const request of model.examples.flatMap((s) => s.requests)) {
    const match = routes.find(request.method, request.path)
    if (match?.route.model !== model) continue
    for (const [name, value] of Object.entries(match.params)) {
      const found = enforced.get(name)
      if (found && breaksRule(found.param, found.rule, value)) enforced.delete(name)
    }
  }
  return enforced
}
