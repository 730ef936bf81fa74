import type { AbstractBlock, Block } from '@asciidoctor/core'
import { children, lineIndexOf } from './asciidoc.js'

/** Line range (0-based, inclusive start, exclusive end) a block's own text occupies in the loaded lines. */
export function textLines(block: AbstractBlock): { start: number; end: number } | undefined {
  const start = lineIndexOf(block)
  if (start === undefined) return undefined
  const lines = (block as Block).getSourceLines?.() ?? []
  return { start, end: start + Math.max(lines.length, 1) }
}

/** All blocks below `block` (depth first, sections excluded unless asked), in document order. */
export function descendants(block: AbstractBlock, includeSections = false): AbstractBlock[] {
  const out: AbstractBlock[] = []
  const visit = (b: AbstractBlock) => {
    for (const child of children(b)) {
      if (child.getContext() === 'section' && !includeSections) continue
      out.push(child)
      if (child.getContext() === 'dlist' || child.getContext() === 'ulist' || child.getContext() === 'olist') {
        for (const item of listItems(child)) {
          out.push(item)
          visit(item)
        }
      } else visit(child)
    }
  }
  visit(block)
  return out
}

/** The items of a list; for a definition list, the description of each entry. */
function listItems(list: AbstractBlock): AbstractBlock[] {
  const items = (list as unknown as { getItems(): unknown[] }).getItems()
  return items.flatMap((item) => (Array.isArray(item) ? (item[1] ? [item[1] as AbstractBlock] : []) : [item as AbstractBlock]))
}
