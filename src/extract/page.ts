import type { AbstractBlock, Block, ListItem } from '@asciidoctor/core'
import type { PageSource } from '../load/source.js'
import { MODEL_VERSION, type PageModel } from '../model/types.js'
import { parseAsciiDoc, rawText } from './asciidoc.js'
import { descendants } from './blocks.js'
import { PageContext } from './context.js'
import { readEndpoints } from './endpoints.js'
import { checkExampleEndpoints, dropExampleRequestLines, dropListedExamples } from './example-endpoints.js'
import { endpointsFromExamples, titledApi } from './example-only-endpoints.js'
import { readExamples } from './examples.js'
import { closeTitleabbrevPass, readHeader } from './header.js'
import { lintUndefinedAttributes } from './attribute-refs.js'
import { lintLostProsePlaceholders, lintPathTypos, lintSections } from './lint.js'
import { lintNoEndpoint } from './no-endpoint.js'
import { lintUnboundPathParams, placeParams, readPageParams, readResponseArray } from './param-placement.js'
import { orderedParam } from './params.js'
import { recoverPlaceholders } from './placeholders.js'
import { readPrerequisites } from './prerequisites.js'
import { readResponseCodes } from './response-codes.js'
import { classifySections, pageNode, type SectionKind } from './sections.js'

/**
 * One loaded page → its endpoint model. Returns undefined for an include fragment: no title, and tagged
 * regions for pages to include (`common-parms.asciidoc`). Any other file without a title gets a model
 * with `no-page-title` (it may be a page whose damage hid the title); `extractFiles` drops those that
 * another page of the run includes.
 */
export async function extractPage(source: PageSource): Promise<PageModel | undefined> {
  const ctx = new PageContext(source)
  for (const found of source.diagnostics) ctx.diagnostics.push(found)
  if (source.lines.length === 0) return assemble(ctx, { id: '', title: '' })
  const { doc, messages, live } = await parseAsciiDoc(closeTitleabbrevPass(ctx, source.lines), source.attributes)
  reportAsciidoctor(ctx, messages)
  const page = pageNode(doc)
  if (page.node === doc && !doc.getDoctitle()) {
    if (isFragment(source.lines, messages)) return undefined
    ctx.report('no-page-title', ctx.at(0), 'No page title (`=== Title`) was found: the file is not a page, or damage hid its title.')
    return assemble(ctx, { id: '', title: '' })
  }
  const header = readHeader(ctx, page.node, page.lineIndex)
  const sections = classifySections(ctx, page.node)
  const of = (kind: SectionKind) => sections.filter((s) => s.kind === kind).map((s) => s.node)

  const { params, lost: lostParams } = readPageParams(ctx, of)
  const { endpoints, lost, query, hosted, listed, commaLists } = readEndpoints(ctx, of('request'), params.path.map((r) => r.param.name))
  placeParams(ctx, params, endpoints, query, commaLists)
  const all = Object.values(params).flat().map((r) => r.param)
  const named = dropListedExamples(ctx, dropExampleRequestLines(ctx, recoverPlaceholders(ctx, endpoints, lost, lostParams, all)), listed)
  lintUnboundPathParams(ctx, params.path, named)

  // Kibana's pages write a host before the path, or call its `/api/…` (`/s/<space_id>/api/…`) paths.
  const kibana = hosted || endpoints.some((e) => /^\/(?:s\/\{[^}/]+\}\/)?api\//.test(e.path))
  const examples = readExamples(ctx, doc, { kibana })
  const documented = checkExampleEndpoints(ctx, named, examples)
  // An API page without request lines (the curl era, or a lost Request section) still shows its API in its examples.
  // Old titles are bare names ("Cluster Health", "cat health"): the cat prefix, their parameters, their opening
  // sentence or a title naming the path an example calls tell an API page. A book or a chapter is no API page:
  // its examples introduce the pages it includes.
  const isApi = /\bAPI$|^cat \w+$/i.test(header.title) || params.path.length + params.query.length > 0 || INTRODUCES_API.test(header.intro.split('\n\n')[0]!)
  const kind = fileKind(source)
  const withExamples = documented.length === 0 && !kind && (isApi || titledApi(header.title, examples)) ? endpointsFromExamples(ctx, examples, header.title) : documented
  const description = [header.intro, ...of('description').map((s) => sectionText(ctx, s))].filter(Boolean).join('\n\n')
  lintUndefinedAttributes(ctx, doc, live)
  lintLostProsePlaceholders(ctx)
  // A book or a chapter lists no API of its own: its pages do.
  if (!kind) {
    lintSections(ctx, header.title, header.titleLine, sections)
    lintNoEndpoint(ctx, sections, documented, withExamples, examples)
  }
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
    responseArray: params.response.length > 0 ? readResponseArray(ctx, of('responseBody')) : undefined,
    responseCodes: readResponseCodes(ctx, of('responseCodes')),
    examples,
    ...(kind && { kind }),
  })
}

/** Asciidoctor's own messages. A page that includes itself repeats its lines, and Asciidoctor its complaint about them: each is said once. */
function reportAsciidoctor(ctx: PageContext, messages: { severity: string; text: string; line?: number }[]): void {
  const said = new Set<string>()
  for (const m of messages) {
    const at = ctx.at((m.line ?? 1) - 1)
    const key = `${at.file}:${at.line}:${at.column} ${m.severity} ${m.text}`
    if (said.has(key)) continue
    said.add(key)
    const severity = m.severity === 'ERROR' || m.severity === 'FATAL' ? 'error' : m.severity === 'WARN' ? 'warning' : 'info'
    ctx.report('asciidoc', at, m.text, severity)
  }
}

/**
 * An include fragment: tagged regions, no title line anywhere, and nothing Asciidoctor warned about. A page
 * whose title an unterminated block swallowed has tag comments too, but it must not vanish without a word.
 */
function isFragment(lines: string[], messages: { severity: string }[]): boolean {
  if (messages.some((m) => m.severity !== 'INFO' && m.severity !== 'DEBUG')) return false
  return lines.some((l) => /\btag::[\w.*-]+\[\]/.test(l)) && !lines.some((l) => /^={1,6}[ \t]+\S/.test(l))
}

/** A book's root, or a container: a file that includes pages of the run whole (a chapter, a section index). */
function fileKind(source: PageSource): PageModel['kind'] {
  if (source.book !== undefined && source.book === source.file) return 'book'
  return source.pageIncludes.length > 0 ? 'container' : undefined
}

/** "The Create Index API is used to …", "Use this API to …": the opening of an API page, not of a resource page. */
const INTRODUCES_API = /\b(?:this|the [\w -]+?) API (?:is used to|allows|lets you|enables)\b|^use this API\b/i

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
    ...(fields.responseArray !== undefined && { responseArray: fields.responseArray }),
    responseCodes: fields.responseCodes ?? [],
    examples: fields.examples ?? [],
    ...(fields.kind && { kind: fields.kind }),
    ...(ctx.source.book !== undefined && { book: ctx.source.book }),
    diagnostics: sortDiagnostics(ctx.diagnostics),
  }
  return model
}

export function sortDiagnostics(list: PageModel['diagnostics']): PageModel['diagnostics'] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule))
}
