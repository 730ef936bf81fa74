import { HTTP_METHODS, type Endpoint, type HttpMethod, type Snippet, type SourcePosition } from '../model/types.js'
import type { PageContext } from './context.js'

interface Call {
  method: HttpMethod
  segments: string[]
  position: SourcePosition
}

const METHODS = new Set<string>(HTTP_METHODS)

/**
 * The endpoints a page without request lines shows in its examples: pages of the curl era, and API pages
 * that lost their Request section. The requests calling the `_keyword` path the examples call most are the
 * page's API. Path words that are values (the leading index, numbers, lists, wildcards, words after a value,
 * or words added to a shorter example path) become placeholders, named neutrally: the page gives no names.
 */
export function endpointsFromExamples(ctx: PageContext, examples: Snippet[], title = ''): Endpoint[] {
  const calls = exampleCalls(examples)
  // Most calls, not the first: an example creating the document to update may come first.
  const counts = new Map<string, number>()
  for (const call of calls) counts.set(keywords(call.segments), (counts.get(keywords(call.segments)) ?? 0) + 1)
  let api = titledApi(title, examples)
  if (api === undefined) for (const [k, n] of counts) if (api === undefined || n > counts.get(api)!) api = k
  const ours = calls.filter((call) => keywords(call.segments) === api)
  // A word one example writes as a fixed part of the path stays one after a value in another
  // (`_nodes/usage` and `_nodes/nodeId1,nodeId2/usage`).
  const fixed = new Set(ours.flatMap((call) => templated(call.segments).filter((s, i) => s === call.segments[i])))
  const out: Endpoint[] = []
  for (const call of ours) {
    let template = templated(call.segments, Infinity, fixed)
    const shorter = out.find((e) => !e.path.includes('{') && extends_(template, split(e.path)))
    if (shorter) template = templated(call.segments, split(shorter.path).length, fixed)
    const path = '/' + template.join('/')
    if (out.some((e) => e.method === call.method && e.path === path)) continue
    out.push({ method: call.method, path: path === '/' ? '/' : path, position: call.position })
    ctx.report('endpoint-from-example', call.position, `The page writes no request line; ${call.method} ${path} is taken from this example (placeholder names are not given by the page).`)
  }
  return out
}

/**
 * The `_keyword` path of an example call that an old page's bare title names word for word ("Reload Search
 * Analyzers" and `POST /my_index/_reload_search_analyzers`): every title word is a word of the path, every
 * `_keyword` word a title word. Such a page is that API's page, even when it never says "API".
 */
export function titledApi(title: string, examples: Snippet[]): string | undefined {
  const titleWords = words(title)
  if (titleWords.length === 0) return undefined
  const named = exampleCalls(examples).find((call) => {
    const pathWords = words(call.segments.join(' '))
    return titleWords.every((w) => pathWords.includes(w)) && words(keywords(call.segments)).every((w) => titleWords.includes(w))
  })
  return named && keywords(named.segments) ? keywords(named.segments) : undefined
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
}

/** Elasticsearch calls of the examples: Kibana's paths (`/api/…`) do not follow the `_keyword` shape read here. */
function exampleCalls(examples: Snippet[]): Call[] {
  return examples.flatMap((s) => (s.testSetup || s.teardown || s.target === 'kibana' ? [] : s.role === 'request' ? s.requests.map((r) => ({ method: r.method, segments: split(r.path), position: r.position })) : s.role === 'other' ? curlCalls(s) : []))
}

/** `curl -XGET 'http://localhost:9200/_cluster/health?pretty'` lines of an old page's `[source,js]` or `sh` snippet. */
function curlCalls(snippet: Snippet): Call[] {
  return snippet.text.split('\n').flatMap((line, i) => {
    const m = /\bcurl\s(.*)$/.exec(line)
    const url = m && /(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|[\w.-]+):\d+(\/[^\s'"\\;|)]*)?/.exec(m[1]!)
    if (!m || !url) return []
    const flag = /(?:^|\s)(?:-X\s*|--request[\s=]+)([A-Za-z]+)/.exec(m[1]!)?.[1]?.toUpperCase()
    const method = flag ?? (/(?:^|\s)(?:-I|--head)\b/.test(m[1]!) ? 'HEAD' : /(?:^|\s)(?:-d|--data[\w-]*)\b/.test(m[1]!) ? 'POST' : 'GET')
    if (!METHODS.has(method)) return []
    const position = { ...snippet.position, line: snippet.position.line + i, column: m.index + 1 }
    return [{ method: method as HttpMethod, segments: split(url[1] ?? '/'), position }]
  })
}

function split(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean)
}

function keywords(segments: string[]): string {
  return segments.filter((s) => s.startsWith('_')).join('/')
}

/**
 * Segments with values replaced by placeholders; `from` marks every later non-keyword segment a value, and
 * words in `fixed` stay words after a value.
 */
function templated(segments: string[], from = Infinity, fixed: ReadonlySet<string> = new Set()): string[] {
  let ids = 0
  let previousValue = false
  return segments.map((s, i) => {
    const value = !s.startsWith('_') && (i === 0 || i >= from || (previousValue && !fixed.has(s)) || /^\d+$|[,*]/.test(s))
    previousValue = value
    if (!value) return s
    return i === 0 ? '{index}' : `{${++ids === 1 ? 'id' : `id${ids}`}}`
  })
}

function extends_(segments: string[], base: string[]): boolean {
  return segments.length > base.length && base.every((b, i) => b === segments[i])
}
