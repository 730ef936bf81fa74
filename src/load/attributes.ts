import { BUILTIN_ATTRIBUTES } from './builtin-attributes.js'

const ATTRIBUTE_ENTRY = /^:(!?)([\w][\w-]*)(!?):(?:\s+(.*))?$/
const ATTRIBUTE_REF = /(\\)?\{([\w][\w-]*)\}/g

/** An attribute entry line `:name: value`; `value` is undefined for an unset (`:name!:`). */
export function parseAttributeEntry(line: string): { name: string; value?: string } | undefined {
  const m = ATTRIBUTE_ENTRY.exec(line)
  if (!m) return undefined
  if (m[1] || m[3]) return { name: m[2]! }
  return { name: m[2]!, value: (m[4] ?? '').trim() }
}

export function baseAttributes(extra: Record<string, string>, root: string): Record<string, string> {
  // Include paths in Elasticsearch pages start from these path attributes; they all mean "the docs root".
  return overBuiltins({ docdir: root, 'es-repo-dir': root, 'es-ref-dir': root, ...extra })
}

/**
 * `own` over the built-in attributes, which stay shared (the new object's prototype) rather than copied for
 * every page: there are hundreds. Lookups and `in` see both; a page's entries are set on the object itself.
 */
export function overBuiltins(own: Record<string, string>): Record<string, string> {
  return Object.assign(Object.create(BUILTIN_ATTRIBUTES) as Record<string, string>, own)
}

/**
 * Replaces `{name}` references by their values (recursively, for values that refer to others).
 * Undefined names are left as written and reported through `onMissing` with their offset in `text`.
 */
export function resolveAttributeRefs(
  text: string,
  attributes: Record<string, string>,
  onMissing?: (name: string, offset: number) => void,
): string {
  if (!text.includes('{')) return text
  return replaceRefs(text, { attributes, expanded: new Map() }, new Set(), onMissing)
}

/** Longest value a reference expands to: values that refer to others twice over grow exponentially with nesting. */
const MAX_EXPANSION = 10_000

interface Expansion {
  attributes: Record<string, string>
  /** Each name's expanded value, worked out once per text. */
  expanded: Map<string, string>
}

function replaceRefs(text: string, run: Expansion, active: ReadonlySet<string>, onMissing?: (name: string, offset: number) => void): string {
  return text.replace(ATTRIBUTE_REF, (whole, escape: string | undefined, name: string, offset: number) => {
    if (escape) return whole.slice(1)
    // Asciidoctor reads attribute names in lower case: `{Ilm}` is `{ilm}`.
    const value = run.attributes[name] ?? run.attributes[name.toLowerCase()]
    if (value === undefined) {
      onMissing?.(name, offset)
      return whole
    }
    // Values nest ({ref} → {branch}); a value that refers back to itself is left as written.
    if (active.has(name)) return whole
    if (!value.includes('{')) return value
    let expanded = run.expanded.get(name)
    if (expanded === undefined) {
      expanded = replaceRefs(value, run, new Set([...active, name]))
      if (expanded.length > MAX_EXPANSION) expanded = value
      run.expanded.set(name, expanded)
    }
    return expanded
  })
}
