import type { AbstractBlock, Document } from '@asciidoctor/core'
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
  /** The section's own blocks (up to a discrete heading), as a container for the construct readers. */
  node: AbstractBlock
  lineIndex: number
}

/**
 * The API section titles (`{api-path-parms-title}` and friends, resolved), in the docs' own words and in
 * those of other Elastic books (`Request URL`, `HTTP request`, `URL parts`, `Response payload`).
 */
const KINDS: [RegExp, SectionKind][] = [
  [/^(?:http )?requests?(?: urls?| lines?)?$/, 'request'],
  // 6.x pages call the requirements "Authorization".
  [/prereq|^authori[sz]ation$/, 'prerequisites'],
  [/^(?:description|overview)$/, 'description'],
  [/path param|path parm|path part|url part/, 'pathParams'],
  [/query param|query parm|url param|query string|^(?:request )?parameters$/, 'queryParams'],
  [/request body|body param/, 'requestBody'],
  [/response body|response payload|response propert|response field/, 'responseBody'],
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

/**
 * Every section below the page node, classified by its title (source text, attributes resolved).
 * Discrete headings (`[float]`, `[discrete]`) head sections too: the blocks up to the next heading.
 */
export function classifySections(ctx: PageContext, page: AbstractBlock): PageSection[] {
  const out: PageSection[] = []
  const add = (heading: AbstractBlock, blocks: AbstractBlock[]) => {
    const lineIndex = lineIndexOf(heading) ?? 0
    const title = ctx.text(ctx.line(lineIndex).replace(/^[=#]+\s+/, ''))
    out.push({ kind: sectionKind(title), title, node: container(blocks), lineIndex })
  }
  const visit = (block: AbstractBlock) => {
    const parts = splitAtDiscreteHeadings(children(block))
    for (const { heading, blocks } of parts.slice(1)) add(heading!, blocks)
    for (const child of children(block)) {
      if (child.getContext() !== 'section') continue
      add(child, splitAtDiscreteHeadings(children(child))[0]!.blocks)
      visit(child)
    }
  }
  visit(page)
  return out.sort((a, b) => a.lineIndex - b.lineIndex)
}

function splitAtDiscreteHeadings(blocks: AbstractBlock[]): { heading?: AbstractBlock; blocks: AbstractBlock[] }[] {
  const parts: { heading?: AbstractBlock; blocks: AbstractBlock[] }[] = [{ blocks: [] }]
  for (const block of blocks) {
    if (block.getContext() === 'floating_title') parts.push({ heading: block, blocks: [] })
    else if (block.getContext() !== 'section') parts[parts.length - 1]!.blocks.push(block)
  }
  return parts
}

/** A stand-in parent holding a run of blocks; the readers only ask a container for its blocks. */
function container(blocks: AbstractBlock[]): AbstractBlock {
  return { getBlocks: () => blocks, getContext: () => 'section' } as unknown as AbstractBlock
}
