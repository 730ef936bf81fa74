import type { AbstractBlock, Document, Section } from '@asciidoctor/core'
import { children, lineIndexOf } from './asciidoc.js'
import type { PageContext } from './context.js'

export type SectionKind =
  | 'request'
  | 'prerequisites'
  | 'description'
  | 'pathParams'
  | 'queryParams'
  | 'requestBody'
  | 'responseBody'
  | 'responseCodes'
  | 'examples'
  | 'other'

export interface PageSection {
  kind: SectionKind
  title: string
  node: Section
  lineIndex: number
}

/** The API section titles (`{api-path-parms-title}` and friends, resolved), in the docs' own words. */
const KINDS: [RegExp, SectionKind][] = [
  [/^requests?$/, 'request'],
  [/prereq/, 'prerequisites'],
  [/^(?:description|overview)$/, 'description'],
  [/path param|path parm|path part/, 'pathParams'],
  [/query param|query parm|url param|query string/, 'queryParams'],
  [/request body|body param/, 'requestBody'],
  [/response body|response propert|response field/, 'responseBody'],
  [/response code|status code/, 'responseCodes'],
  [/^examples?\b|\bexamples?$/, 'examples'],
]

export function sectionKind(title: string): SectionKind {
  const t = title.toLowerCase().trim()
  return KINDS.find(([re]) => re.test(t))?.[1] ?? 'other'
}

/** The node holding the page: the document when it has a `= Title`, else its first section. */
export function pageNode(doc: Document): { node: AbstractBlock; lineIndex: number | undefined } {
  if (doc.hasHeader() && doc.getDoctitle()) return { node: doc, lineIndex: undefined }
  const first = children(doc).find((b) => b.getContext() === 'section')
  return first ? { node: first, lineIndex: lineIndexOf(first) } : { node: doc, lineIndex: undefined }
}

/** Every section below the page node, classified by its title (source text, attributes resolved). */
export function classifySections(ctx: PageContext, page: AbstractBlock): PageSection[] {
  const out: PageSection[] = []
  const visit = (block: AbstractBlock) => {
    for (const child of children(block)) {
      if (child.getContext() !== 'section') continue
      const lineIndex = lineIndexOf(child) ?? 0
      const title = ctx.text(ctx.line(lineIndex).replace(/^[=#]+\s+/, ''))
      out.push({ kind: sectionKind(title), title, node: child as Section, lineIndex })
      visit(child)
    }
  }
  visit(page)
  return out
}
