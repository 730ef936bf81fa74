import FindMyWay from 'find-my-way'
import { HTTP_METHODS, type Endpoint, type HttpMethod, type PageModel } from '../model/types.js'

/** One documented endpoint the server answers. */
export interface Route {
  /** The page that first documents this method and path pattern. */
  model: PageModel
  endpoint: Endpoint
  /** The endpoint's path template, normalised: leading `/`, no trailing `/`. */
  template: string
  /** Every page documenting this method and path pattern, the first one first: the route takes all their parameters and examples. */
  models: PageModel[]
}

export interface Match {
  route: Route
  /** Path parameter values by their documented names. */
  params: Record<string, string>
}

export interface RouteTable {
  find(method: string, path: string): Match | undefined
  /** The methods documented for a path, for `405` answers. */
  methods(path: string): HttpMethod[]
  /** Why some endpoints were not routed (duplicates, unroutable templates), one line each. */
  notes: string[]
}

interface Stored {
  route: Route
  /** Router parameter name → documented placeholder names it stands for. */
  names: Map<string, string[]>
}

/**
 * The template in find-my-way syntax. A segment holding a placeholder becomes one router parameter: docs write
 * lists as `{id},{id}` within a segment, which Elasticsearch reads as a single comma-separated value.
 */
function routerPath(template: string): { path: string; names: Map<string, string[]> } {
  const names = new Map<string, string[]>()
  const segments = template.split('/').map((segment) => {
    const placeholders = [...segment.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!)
    // A literal `*` segment (`/_transform/*/_stats`) is a value of the parameter documented there elsewhere.
    if (placeholders.length === 0 && segment !== '*') return segment.replaceAll(':', '::')
    const key = `p${names.size}`
    names.set(key, placeholders)
    return `:${key}`
  })
  return { path: segments.join('/'), names }
}

function normaliseTemplate(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '')
  return trimmed.startsWith('/') ? trimmed || '/' : `/${trimmed}`
}

/**
 * The template without its trailing optional path parameters, shortest last: `/_cluster/state/{metric}/{index}`
 * with both optional is also `/_cluster/state/{metric}` and `/_cluster/state`.
 */
function withoutOptionalTail(template: string, model: PageModel): string[] {
  const optional = new Set(model.pathParams.filter((p) => !p.required).map((p) => p.name))
  const segments = template.split('/')
  const shorter: string[] = []
  for (let end = segments.length - 1; end > 1; end--) {
    const names = [...segments[end]!.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!)
    if (names.length === 0 || !names.every((n) => optional.has(n))) break
    shorter.push(segments.slice(0, end).join('/'))
  }
  return shorter
}

/**
 * Routes every endpoint of every page, then the shorter forms of endpoints with optional trailing path
 * parameters. A method and path pattern documented on several pages is one route that takes all of them.
 */
export function buildRoutes(models: readonly PageModel[]): RouteTable {
  const router = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true })
  const notes: string[] = []
  const seen = new Map<string, Route>()
  const add = (model: PageModel, endpoint: Endpoint, template: string, documented: boolean) => {
    const { path, names } = routerPath(template)
    const shape = `${endpoint.method} ${path.replace(/:p\d+/g, ':')}`
    const earlier = seen.get(shape)
    if (earlier) {
      if (!earlier.models.includes(model) && documented) earlier.models.push(model)
      return
    }
    const route: Route = { model, endpoint, template, models: [model] }
    try {
      router.on(endpoint.method, path, () => undefined, { route, names } satisfies Stored)
      seen.set(shape, route)
    } catch (error) {
      notes.push(`${endpoint.method} ${template} (${model.file}) cannot be routed: ${(error as Error).message}`)
    }
  }
  for (const model of models) for (const endpoint of model.endpoints) add(model, endpoint, normaliseTemplate(endpoint.path), true)
  for (const model of models) {
    for (const endpoint of model.endpoints) for (const template of withoutOptionalTail(normaliseTemplate(endpoint.path), model)) add(model, endpoint, template, false)
  }

  function find(method: string, path: string): Match | undefined {
    const found = router.find(method as HttpMethod, path)
    if (!found) return undefined
    const stored = found.store as Stored
    const params: Record<string, string> = {}
    for (const [key, documented] of stored.names) {
      const value = found.params[key]
      if (value === undefined) continue
      for (const name of documented) params[name] ??= value
    }
    return { route: stored.route, params }
  }

  return {
    find,
    methods: (path) => HTTP_METHODS.filter((method) => router.find(method, path) !== null),
    notes,
  }
}
