/**
 * The stash of Elasticsearch's YAML tests: `set: {path: name}` keeps a value of an answer, and later steps
 * use it as `$name` (a whole value) or `${name}` (inside a string). `$body…` is the last answer, resolved
 * elsewhere, and is never a stash name.
 */
export type Stash = Map<string, unknown>

const WHOLE = /^\$([A-Za-z_][A-Za-z0-9_]*)$/
const INSIDE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/** A string with stashed values put in: a whole `$name` becomes the value itself (of any type). */
export function unstashString(text: string, stash: Stash): unknown {
  const whole = WHOLE.exec(text)
  if (whole && whole[1] !== 'body' && stash.has(whole[1]!)) return stash.get(whole[1]!)
  return text.replace(INSIDE, (all, name: string) => (stash.has(name) ? String(stash.get(name)) : all))
}

/** A JSON value (keys too) with stashed values put in. */
export function unstash(value: unknown, stash: Stash): unknown {
  if (stash.size === 0) return value
  if (typeof value === 'string') return unstashString(value, stash)
  if (Array.isArray(value)) return value.map((item) => unstash(item, stash))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [String(unstashString(k, stash)), unstash(v, stash)]))
  }
  return value
}

/** A dotted path with `$name` segments filled in (`nodes.$master.http`). */
export function unstashPath(path: string, stash: Stash): string {
  return path.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, name: string) => (name !== 'body' && stash.has(name) ? String(stash.get(name)).replace(/\./g, '\\.') : all))
}

/** Text with every `${name}` the stash holds put in (a `$name` alone is regex syntax there). */
export function unstashInside(text: string, stash: Stash): string {
  return text.replace(INSIDE, (all, name: string) => (stash.has(name) ? String(stash.get(name)) : all))
}
