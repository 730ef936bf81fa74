/**
 * Elasticsearch's `filter_path` response filtering: comma-separated dotted paths, `*` within a name, `**` for
 * any depth, a leading `-` to exclude. Arrays are filtered element by element; inclusion drops what ends up
 * empty, as Elasticsearch does.
 */
type Pattern = string[]

function compile(spec: string): { include: Pattern[]; exclude: Pattern[] } {
  const include: Pattern[] = []
  const exclude: Pattern[] = []
  for (const raw of spec.split(',').map((s) => s.trim())) {
    if (raw === '') continue
    const negative = raw.startsWith('-')
    const segments = (negative ? raw.slice(1) : raw).split('.')
    // A trailing `**` matches the whole subtree, which is what a prefix match keeps anyway.
    while (segments.at(-1) === '**') segments.pop()
    ;(negative ? exclude : include).push(segments)
  }
  return { include, exclude }
}

function globMatches(glob: string, name: string): boolean {
  if (!glob.includes('*')) return glob === name
  const re = new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  )
  return re.test(name)
}

/** The patterns left to match below `key`. */
function advance(patterns: Pattern[], key: string): Pattern[] {
  return patterns.flatMap((p) => {
    if (p[0] === '**') return [p, ...advance([p.slice(1)], key)]
    return p.length > 0 && globMatches(p[0]!, key) ? [p.slice(1)] : []
  })
}

function keep(value: unknown, patterns: Pattern[]): unknown {
  if (patterns.some((p) => p.length === 0)) return value
  if (Array.isArray(value)) {
    const items = value.map((v) => keep(v, patterns)).filter((v) => v !== undefined)
    return items.length > 0 ? items : undefined
  }
  if (value === null || typeof value !== 'object') return undefined
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    const next = advance(patterns, key)
    const kept = next.length > 0 ? keep(child, next) : undefined
    if (kept !== undefined) out[key] = kept
  }
  return Object.keys(out).length > 0 ? out : undefined
}

function drop(value: unknown, patterns: Pattern[]): unknown {
  if (patterns.some((p) => p.length === 0)) return undefined
  if (Array.isArray(value)) return value.map((v) => drop(v, patterns)).filter((v) => v !== undefined)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    const next = advance(patterns, key)
    const kept = next.length > 0 ? drop(child, next) : child
    if (kept !== undefined) out[key] = kept
  }
  return out
}

export function filterPath(value: unknown, spec: string): unknown {
  const { include, exclude } = compile(spec)
  let result = include.length > 0 ? (keep(value, include) ?? {}) : value
  if (exclude.length > 0) result = drop(result, exclude) ?? {}
  return result
}
