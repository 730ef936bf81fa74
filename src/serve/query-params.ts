import type { PageModel, Param } from '../model/types.js'
import { illegalArgument, type EsFailure } from './errors.js'

/**
 * Parameters every Elasticsearch REST handler accepts: the response-format ones consumed by the REST
 * channel (`format`, `filter_path`, `pretty`, `human`) and `error_trace`, consumed by the controller.
 */
const GLOBAL_QUERY_PARAMS: readonly string[] = ['error_trace', 'filter_path', 'format', 'human', 'pretty']

type ValueKind = 'boolean' | 'time' | 'int' | 'float' | 'double'

/** The value parser Elasticsearch uses for a documented type, when docspec knows it. */
function valueKind(type: string | undefined): ValueKind | undefined {
  const t = type?.toLowerCase() ?? ''
  if (/\b(array|list)\b|\[\]/.test(t)) return undefined
  if (/\bboolean\b/.test(t)) return 'boolean'
  if (/time\s*(value|units?)|\btimevalue\b|\bduration\b/.test(t)) return 'time'
  // "byte size units", "byte units": a unit name (b, kb, mb…), not a Java byte.
  if (/\bunits?\b/.test(t)) return undefined
  if (/\b(integer|int|long|short|byte)\b/.test(t)) return 'int'
  if (/\bfloat\b/.test(t)) return 'float'
  if (/\b(double|number)\b/.test(t)) return 'double'
  return undefined
}

const JAVA_INT = /^[+-]?\d+$/
const INT_RANGE: Record<'int' | 'long', [bigint, bigint]> = {
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
}

function parsesAsJavaInteger(value: string, width: 'int' | 'long'): boolean {
  if (!JAVA_INT.test(value)) return false
  const n = BigInt(value)
  return n >= INT_RANGE[width][0] && n <= INT_RANGE[width][1]
}

/** `Double.parseDouble`: decimal or hex floats, `NaN`, `Infinity`, optional `f`/`d` suffix, surrounding blanks. */
function parsesAsJavaDouble(value: string): boolean {
  return /^\s*[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?|0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*[pP][+-]?\d+[fFdD]?)\s*$/.test(
    value,
  )
}

const TIME_UNITS = ['nanos', 'micros', 'ms', 's', 'm', 'h', 'd']

/** `TimeValue.parseTimeValue`, with the messages Elasticsearch gives. */
function checkTime(name: string, value: string): EsFailure | undefined {
  const normalized = value.toLowerCase().trim()
  const unit = TIME_UNITS.find((u) => normalized.endsWith(u))
  if (unit === undefined) {
    if (normalized === '-1' || normalized === '0') return undefined
    return illegalArgument(
      `failed to parse setting [${name}] with value [${value}] as a time value: unit is missing or unrecognized`,
    )
  }
  const amount = normalized.slice(0, -unit.length).trim()
  if (parsesAsJavaInteger(amount, 'long')) {
    if (BigInt(amount) < -1n) {
      return illegalArgument(
        `failed to parse setting [${name}] with value [${value}] as a time value: negative durations are not supported`,
      )
    }
    return undefined
  }
  if (parsesAsJavaDouble(amount)) {
    return illegalArgument(`failed to parse [${value}], fractional time values are not supported`)
  }
  return illegalArgument(`failed to parse [${value}]`)
}

/** The failure Elasticsearch answers when `value` does not parse as the documented type of `param`. */
function checkValue(param: Param, value: string): EsFailure | undefined {
  switch (valueKind(param.type)) {
    case 'boolean':
      // `RestRequest.paramAsBoolean`: a bare flag (`?flag`) means true.
      if (value === '' || value === 'true' || value === 'false') return undefined
      return illegalArgument(`Failed to parse value [${value}] as only [true] or [false] are allowed.`)
    case 'time':
      return checkTime(param.name, value)
    case 'int': {
      const width = /\blong\b/i.test(param.type ?? '') ? 'long' : 'int'
      if (parsesAsJavaInteger(value, width)) return undefined
      // Elasticsearch says "int" for long parameters too, and wraps Java's parse error.
      const causedBy = { type: 'number_format_exception', reason: `For input string: "${value}"` }
      return { ...illegalArgument(`Failed to parse int parameter [${param.name}] with value [${value}]`), causedBy }
    }
    case 'float':
    case 'double': {
      if (parsesAsJavaDouble(value)) return undefined
      const kind = valueKind(param.type) === 'float' ? 'float' : 'double'
      return illegalArgument(`Failed to parse ${kind} parameter [${param.name}] with value [${value}]`)
    }
    default:
      return undefined
  }
}

/** Lucene's `LevenshteinDistance.getDistance`: 1 minus edit distance over the longer length. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return 1 - previous[b.length]! / longest
}

/** `BaseRestHandler.unrecognized`: names sorted, each with its close candidates. */
function unrecognizedMessage(path: string, invalid: string[], candidates: string[]): string {
  const parts = invalid.map((name) => {
    const close = candidates
      .map((c) => ({ c, score: similarity(name, c) }))
      .filter((x) => x.score > 0.5)
      .sort((x, y) => y.score - x.score || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
      .map((x) => x.c)
    if (close.length === 0) return `[${name}]`
    return `[${name}] -> did you mean ${close.length > 1 ? 'any of ' : ''}[${close.join(', ')}]?`
  })
  return `request [${path}] contains unrecognized parameter${invalid.length > 1 ? 's' : ''}: ${parts.join(', ')}`
}

/** What a page lets a request's query hold. */
export interface QueryPolicy {
  /** Parameters whose values are checked against their documented type. */
  typed: Map<string, Param>
  /** Every accepted name besides the global ones. */
  names: Set<string>
}

/**
 * A page's query policy. Path-section parameters no endpoint template holds are query parameters in
 * practice (damaged pages file them there). The page's own examples are evidence: a name they send is
 * accepted even when the parameter list lost it, and a type their values contradict is not enforced.
 */
export function queryPolicy(model: PageModel): QueryPolicy {
  const inTemplates = new Set(model.endpoints.flatMap((e) => [...e.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!)))
  const queryLike = [...model.queryParams, ...model.pathParams.filter((p) => !inTemplates.has(p.name))]
  const typed = new Map(queryLike.map((p) => [p.name, p]))
  const names = new Set([...queryLike, ...model.pathParams].map((p) => p.name))
  for (const snippet of model.examples) {
    for (const request of snippet.requests) {
      for (const [name, value] of Object.entries(request.query)) {
        names.add(name)
        const param = typed.get(name)
        if (param && checkValue(param, value)) typed.delete(name)
      }
    }
  }
  return { typed, names }
}

/**
 * Checks a request's query as Elasticsearch's REST layer does: each value against its documented type (first
 * failure wins), then names no handler consumes. Path parameter names are accepted in the query too, because
 * Elasticsearch merges both into one parameter map.
 */
export function checkQuery(
  path: string,
  query: ReadonlyArray<readonly [string, string]>,
  policy: QueryPolicy,
  pathParamNames: readonly string[],
): EsFailure | undefined {
  for (const [name, value] of query) {
    const param = policy.typed.get(name)
    const failure = param && checkValue(param, value)
    if (failure) return failure
  }
  const known = new Set([...policy.names, ...pathParamNames, ...GLOBAL_QUERY_PARAMS])
  const invalid = [...new Set(query.map(([name]) => name).filter((name) => !known.has(name)))].sort()
  if (invalid.length === 0) return undefined
  return illegalArgument(unrecognizedMessage(path, invalid, [...known]))
}
