import fs from 'node:fs'
import path from 'node:path'
import type { AbstractBlock, Block, ListItem } from '@asciidoctor/core'
import { loadPage, loadText, MAX_PAGE_BYTES, type LoadOptions } from '../load/index.js'
import type { PageSource } from '../load/source.js'
import { MODEL_VERSION, type Endpoint, type PageModel } from '../model/types.js'
import { parseAsciiDoc, rawText } from './asciidoc.js'
import { descendants } from './blocks.js'
import { lintDuplicateIds, type RunPage } from './duplicate-ids.js'
import { PageContext } from './context.js'
import { readEndpoints } from './endpoints.js'
import { checkExampleEndpoints, dropExampleRequestLines } from './example-endpoints.js'
import { endpointsFromExamples, titledApi } from './example-only-endpoints.js'
import { readExamples } from './examples.js'
import { closeTitleabbrevPass, readHeader } from './header.js'
import { lintLostProsePlaceholders, lintPathTypos, lintSections, lintUndefinedAttributes } from './lint.js'
import { orderedParam, readParams, type LostParam, type ParamPlace, type ReadParam } from './params.js'
import { recoverPlaceholders } from './placeholders.js'
import { readPrerequisites } from './prerequisites.js'
import { readResponseCodes } from './response-codes.js'
import { extractJobs, type PageJob } from './pool.js'
import { classifySections, pageNode, type SectionKind } from './sections.js'

const PARAM_SECTIONS: [SectionKind, ParamPlace][] = [
  ['pathParams', 'path'],
  ['queryParams', 'query'],
  ['requestBody', 'body'],
  ['responseBody', 'response'],
]

/**
 * One loaded page → its endpoint model. Returns undefined for an include fragment: no title, and tagged
 * regions for pages to include (`common-parms.asciidoc`). Any other file without a title gets a model
 * with `no-page-title` (it may be a page whose damage hid the title); `extractFiles` drops those that
 * another page of the run includes.
 */
export async function extractPage(source: PageSource): Promise<PageModel | undefined> {
  const ctx = new PageContext(source)
  ctx.diagnostics.push(...source.diagnostics)
  if (source.lines.length === 0) return assemble(ctx, { id: '', title: '' })
  const { doc, messages } = await parseAsciiDoc(closeTitleabbrevPass(ctx, source.lines), source.attributes)
  for (const m of messages) {
    const severity = m.severity === 'ERROR' || m.severity === 'FATAL' ? 'error' : m.severity === 'WARN' ? 'warning' : 'info'
    ctx.report('asciidoc', ctx.at((m.line ?? 1) - 1), m.text, severity)
  }
  const page = pageNode(doc)
  if (page.node === doc && !doc.getDoctitle()) {
    if (source.lines.some((l) => /\btag::[\w.*-]+\[\]/.test(l))) return undefined
    ctx.report('no-page-title', ctx.at(0), 'No page title (`=== Title`) was found: the file is not a page, or damage hid its title.')
    return assemble(ctx, { id: '', title: '' })
  }
  const header = readHeader(ctx, page.node, page.lineIndex)
  const sections = classifySections(ctx, page.node)
  const of = (kind: SectionKind) => sections.filter((s) => s.kind === kind).map((s) => s.node)

  const { endpoints, lost } = readEndpoints(ctx, of('request'))
  const lostParams: LostParam[] = []
  const params: Record<ParamPlace, ReadParam[]> = { path: [], query: [], body: [], response: [] }
  for (const [kind, place] of PARAM_SECTIONS) {
    for (const section of of(kind)) {
      const read = readParams(ctx, section, place)
      params[place].push(...read.params)
      lostParams.push(...read.lost)
    }
  }
  moveMisplacedPathParams(ctx, params, endpoints.map((e) => e.path))
  optionalPathParams(params.path, endpoints)
  alsoQueryForGet(ctx, params, endpoints.map((e) => e.method))
  const all = Object.values(params).flat().map((r) => r.param)
  const named = dropExampleRequestLines(ctx, recoverPlaceholders(ctx, endpoints, lost, lostParams, all))
  lintUnboundPathParams(ctx, params.path, named)

  const examples = readExamples(ctx, doc)
  const documented = checkExampleEndpoints(ctx, named, examples)
  // An API page without request lines (the curl era, or a lost Request section) still shows its API in its examples.
  // Old titles are bare names ("Cluster Health", "cat health"): the cat prefix, their parameters, their opening
  // sentence or a title naming the path an example calls tell an API page.
  const isApi = /\bAPI$|^cat \w+$/i.test(header.title) || params.path.length + params.query.length > 0 || INTRODUCES_API.test(header.intro.split('\n\n')[0]!)
  const withExamples = documented.length === 0 && (isApi || titledApi(header.title, examples)) ? endpointsFromExamples(ctx, examples, header.title) : documented
  const description = [header.intro, ...of('description').map((s) => sectionText(ctx, s))].filter(Boolean).join('\n\n')
  lintUndefinedAttributes(ctx)
  lintLostProsePlaceholders(ctx)
  lintSections(ctx, header.title, header.titleLine, sections, documented.length)
  lintPathTypos(ctx, documented, header.id, header.title)
  return assemble(ctx, {
    id: header.id,
    title: header.title,
    titleabbrev: header.titleabbrev,
    role: header.role,
    testenv: header.testenv,
    stability: header.stability,
    description,
    endpoints: withExamples,
    prerequisites: readPrerequisites(ctx, of('prerequisites')),
    pathParams: params.path.map((r) => orderedParam(r.param)),
    queryParams: params.query.map((r) => orderedParam(r.param)),
    bodyParams: params.body.map((r) => orderedParam(r.param)),
    responseBody: params.response.map((r) => orderedParam(r.param)),
    responseCodes: readResponseCodes(ctx, of('responseCodes')),
    examples,
  })
}

/**
 * Older pages list query parameters under "Path parameters". A parameter there that is not written as a
 * placeholder (`<name>`) and appears in no request path is a query parameter; say so.
 */
function moveMisplacedPathParams(ctx: PageContext, params: Record<ParamPlace, ReadParam[]>, paths: string[]): void {
  if (paths.length === 0) return
  // Old pages list path and query parameters together under "Parameters": placeholders in a path are path parameters.
  params.query = params.query.filter((read) => {
    if (!read.placeholder || !paths.some((p) => p.includes(`{${read.param.name}}`))) return true
    read.param.required = true
    params.path.push(read)
    return false
  })
  params.path = params.path.filter((read) => {
    const name = read.param.name
    if (read.placeholder || paths.some((p) => p.includes(`{${name}}`))) return true
    ctx.report('misplaced-param', read.param.position, `\`${name}\` is documented under path parameters but is in no request path; read as a query parameter.`)
    read.param.required = false
    params.query.push(read)
    return false
  })
}

/**
 * A path parameter written as a placeholder that no request path has (`<policy-id>` beside
 * `/_slm/policy/<snapshot-lifecycle-policy-id>`): one of the two names is wrong. The model keeps both as written.
 */
function lintUnboundPathParams(ctx: PageContext, pathParams: ReadParam[], endpoints: Endpoint[]): void {
  if (endpoints.length === 0) return
  const inPaths = new Set(endpoints.flatMap((e) => [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)))
  const undocumented = [...inPaths].filter((name) => !pathParams.some((r) => r.param.name === name))
  for (const { param } of pathParams) {
    if (inPaths.has(param.name)) continue
    const hint = undocumented.length ? `; the paths have ${undocumented.map((n) => `{${n}}`).join(', ')}, which no parameter documents` : ''
    ctx.report('misplaced-param', param.position, `\`${param.name}\` is documented as a path parameter, but no request path has {${param.name}}${hint}.`)
  }
}

/** "The Create Index API is used to …", "Use this API to …": the opening of an API page, not of a resource page. */
const INTRODUCES_API = /\b(?:this|the [\w -]+?) API (?:is used to|allows|lets you|enables)\b|^use this API\b/i

/**
 * A path parameter the text does not flag is optional when every request with it is also listed without
 * it: old pages list `GET _watcher/stats` and `GET _watcher/stats/<metric>` and describe `metric` with no
 * "Optional". (A page of several APIs may list `GET _x/policy` but no `PUT _x/policy`: still required.)
 */
function optionalPathParams(path: ReadParam[], endpoints: Endpoint[]): void {
  const listed = new Set(endpoints.map((e) => `${e.method} ${e.path}`))
  for (const read of path) {
    const segment = `/{${read.param.name}}`
    const using = endpoints.filter((e) => e.path.includes(`${segment}/`) || e.path.endsWith(segment))
    if (!read.statedRequired && using.length > 0 && using.every((e) => listed.has(`${e.method} ${e.path.replace(segment, '') || '/'}`))) read.param.required = false
  }
}

const SCALAR = /^(?:string|boolean|integer|long|int|short|number|float|double|date|time|time value|timevalue|time units|duration)$/i

/**
 * Elasticsearch reads the scalar parameters of a GET API's request body from the query string too (a GET
 * body is optional in HTTP and many clients cannot send one), and the ML "get" pages document them only
 * under the request body. Such parameters are listed as query parameters as well.
 */
function alsoQueryForGet(ctx: PageContext, params: Record<ParamPlace, ReadParam[]>, methods: string[]): void {
  if (methods.length === 0 || methods.some((m) => m !== 'GET')) return
  const query = new Set(params.query.map((r) => r.param.name))
  for (const read of params.body) {
    const { type } = read.param
    // Paging is `page.from` / `page.size` in a body and `from` / `size` in the query string.
    const name = read.param.name.replace(/^page\.(from|size)$/, '$1')
    if (query.has(name) || !type || !SCALAR.test(type) || !/^[\w-]+$/.test(name)) continue
    ctx.report('body-param-in-query', read.param.position, `\`${read.param.name}\` is a scalar request-body parameter of a GET API; also listed as query parameter \`${name}\`, as Elasticsearch accepts it there.`)
    params.query.push({ param: { ...read.param, name, required: false }, placeholder: false })
  }
}

function sectionText(ctx: PageContext, section: AbstractBlock): string {
  const parts: string[] = []
  for (const block of descendants(section)) {
    const context = block.getContext()
    if (context === 'paragraph' || context === 'admonition') parts.push(ctx.text((block as Block).getSource()))
    else if (context === 'list_item') parts.push(`- ${ctx.text(rawText(block as unknown as ListItem))}`)
  }
  return parts.filter(Boolean).join('\n\n')
}

function assemble(ctx: PageContext, fields: Partial<PageModel> & { id: string; title: string }): PageModel {
  const model: PageModel = {
    modelVersion: MODEL_VERSION,
    file: ctx.source.file,
    id: fields.id,
    title: fields.title,
    ...(fields.titleabbrev !== undefined && { titleabbrev: fields.titleabbrev }),
    ...(fields.role !== undefined && { role: fields.role }),
    ...(fields.testenv !== undefined && { testenv: fields.testenv }),
    stability: fields.stability ?? { level: 'stable' },
    description: fields.description ?? '',
    endpoints: fields.endpoints ?? [],
    prerequisites: fields.prerequisites ?? [],
    pathParams: fields.pathParams ?? [],
    queryParams: fields.queryParams ?? [],
    bodyParams: fields.bodyParams ?? [],
    responseBody: fields.responseBody ?? [],
    responseCodes: fields.responseCodes ?? [],
    examples: fields.examples ?? [],
    diagnostics: sortDiagnostics(ctx.diagnostics),
  }
  return model
}

function sortDiagnostics(list: PageModel['diagnostics']): PageModel['diagnostics'] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule))
}

/** Page files under the inputs: files as given, folders walked for `*.asciidoc` / `*.adoc`, sorted. */
export function findPages(inputs: string[]): string[] {
  const out = new Set<string>()
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        if (entry.startsWith('.') || entry === 'node_modules') continue
        const child = path.join(p, entry)
        if (fs.statSync(child, { throwIfNoEntry: false })?.isDirectory() || /\.(asciidoc|adoc)$/.test(entry)) walk(child)
      }
    } else out.add(path.resolve(p))
  }
  inputs.forEach(walk)
  return [...out].sort()
}

export interface ExtractResult {
  models: PageModel[]
  /** Files that are not pages (no title): include fragments. */
  fragments: string[]
  /** Pages whose result came from the cache (`run.store`) rather than from extraction. */
  cached: number
}

/** One file's result: its model (none for a fragment) and every include target it looked up, found or not. */
export interface FileResult {
  model?: PageModel
  includes: string[]
}

/** Results of earlier runs: a page's result is reused while its bytes and the includes it looked up are unchanged. */
export interface PageStore {
  get(file: string, bytes: Uint8Array): FileResult | undefined
  set(file: string, bytes: Uint8Array, result: FileResult): void
}

export interface ExtractRun {
  /** Called with the files found, before any is extracted. */
  onStart?: (files: string[]) => void
  /** Called once per file, in no particular order when workers run. */
  onPage?: (file: string, result: FileResult) => void
  store?: PageStore
  /** Worker threads for extraction; 1 (the default) extracts in this thread. */
  workers?: number
}

/** Loads and extracts every page under the inputs; results are in sorted path order. */
export async function extractFiles(inputs: string[], options: Omit<LoadOptions, 'cache'>, run: ExtractRun = {}): Promise<ExtractResult> {
  const files = findPages(inputs)
  run.onStart?.(files)
  const results: FileResult[] = new Array(files.length)
  const todo: PageJob[] = []
  let cached = 0
  files.forEach((file, index) => {
    const bytes = run.store ? readSmallFile(file) : undefined
    const hit = bytes && run.store!.get(file, bytes)
    if (hit) {
      results[index] = hit
      if (hit.model) cached++
      run.onPage?.(file, hit)
    } else todo.push({ index, file, ...(bytes && { bytes }) })
  })
  await extractJobs(todo, options, run.workers ?? 1, (job, result) => {
    results[job.index] = result
    if (job.bytes) run.store!.set(job.file, job.bytes, result)
    run.onPage?.(job.file, result)
  })
  const out: ExtractResult = { models: [], fragments: [], cached }
  // A title-less file another page includes whole (a shared sentence) is a fragment, not a damaged page.
  const included = new Set(results.flatMap((r) => r.includes))
  const pages: RunPage[] = []
  results.forEach((r, i) => {
    const fragment = !r.model || (included.has(files[i]!) && r.model.diagnostics.some((d) => d.rule === 'no-page-title'))
    if (fragment) out.fragments.push(files[i]!)
    else pages.push({ path: files[i]!, model: r.model! })
  })
  const duplicates = lintDuplicateIds(pages, included)
  out.models = pages.map(({ path, model }) => {
    const finding = duplicates.get(path)
    return finding ? { ...model, diagnostics: sortDiagnostics([...model.diagnostics, finding]) } : model
  })
  return out
}

/** The file's bytes, or undefined when it cannot be read or is too large (loading reports those; nothing is cached). */
function readSmallFile(file: string): Uint8Array | undefined {
  try {
    return fs.statSync(file).size > MAX_PAGE_BYTES ? undefined : fs.readFileSync(file)
  } catch {
    return undefined
  }
}

/** Extracts one file (from `bytes` when given, else read from disk), logging the include targets it looks up. */
export async function extractFile(file: string, options: LoadOptions, bytes?: Uint8Array): Promise<FileResult> {
  const includes = new Set<string>()
  const load = { ...options, cache: new LoggedCache(options.cache ?? new Map(), includes) }
  const model = await extractPage(bytes ? loadText(bytes, file, load) : loadPage(file, load))
  return { ...(model && { model }), includes: [...includes].sort() }
}

/** The run's shared include cache as one page sees it: every lookup is logged, storage is the shared map's. */
class LoggedCache extends Map<string, string | null> {
  constructor(
    private readonly shared: Map<string, string | null>,
    private readonly log: Set<string>,
  ) {
    super()
  }

  override has(key: string): boolean {
    this.log.add(key)
    return this.shared.has(key)
  }

  override get(key: string): string | null | undefined {
    this.log.add(key)
    return this.shared.get(key)
  }

  override set(key: string, value: string | null): this {
    this.log.add(key)
    this.shared.set(key, value)
    return this
  }
}
