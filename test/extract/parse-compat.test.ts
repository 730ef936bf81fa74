/**
 * The extractor reads Asciidoctor's block tree and a few of its internals (`rawText`). These tests record
 * the tree of every fixture page in committed snapshot files, so that an @asciidoctor/core upgrade that
 * parses the pages differently shows up as a snapshot diff, not as subtly different models.
 */
import path from 'node:path'
import type { AbstractBlock, ListItem } from '@asciidoctor/core'
import { describe, expect, it } from 'vitest'
import { children, parseAsciiDoc, rawText } from '../../src/extract/asciidoc.js'
import { findPages, loadPage } from '../../src/load/index.js'
import { FIXTURES } from './pages.js'

type DlistEntry = [ListItem[], ListItem | undefined]

/** One line per block: context, style, level, line number (in the loaded lines) and dlist term counts, indented by depth. */
function tree(block: AbstractBlock, depth = 0, out: string[] = []): string[] {
  const node = (b: AbstractBlock, d: number, extra = '') => {
    const style = b.getStyle?.()
    const level = b.getContext() === 'section' ? ` level=${(b as unknown as { getLevel(): number }).getLevel()}` : ''
    out.push(`${'  '.repeat(d)}${b.getContext()}${style ? `[${style}]` : ''}${level} line=${b.getLineNumber() ?? '-'}${extra}`)
  }
  for (const child of children(block)) {
    const context = child.getContext()
    if (context === 'dlist') {
      const entries = (child as unknown as { getItems(): DlistEntry[] }).getItems()
      node(child, depth, ` terms=${entries.map(([terms]) => terms.length).join(',')}`)
      for (const [terms, dd] of entries) {
        for (const term of terms) out.push(`${'  '.repeat(depth + 1)}term line=${term.getLineNumber() ?? '-'}`)
        if (dd) {
          node(dd as unknown as AbstractBlock, depth + 1)
          tree(dd as unknown as AbstractBlock, depth + 2, out)
        }
      }
    } else if (context === 'ulist' || context === 'olist') {
      node(child, depth)
      for (const item of (child as unknown as { getItems(): ListItem[] }).getItems()) {
        node(item as unknown as AbstractBlock, depth + 1)
        tree(item as unknown as AbstractBlock, depth + 2, out)
      }
    } else {
      node(child, depth)
      tree(child, depth + 1, out)
    }
  }
  return out
}

const pages = findPages([FIXTURES]).map((file) => path.relative(FIXTURES, file))

describe('Asciidoctor parses the fixture pages as recorded', () => {
  it.each(pages)('%s', async (file) => {
    const source = loadPage(path.join(FIXTURES, file), { root: FIXTURES })
    const { doc, messages } = await parseAsciiDoc(source.lines, source.attributes)
    const text = [`header=${doc.hasHeader()}`, ...messages.map((m) => `message ${m.severity} line=${m.line ?? '-'} ${m.text}`), ...tree(doc)].join('\n') + '\n'
    await expect(text).toMatchFileSnapshot(`__snapshots__/parse-tree/${file.replace(/\.asciidoc$/, '.txt')}`)
  })
})

describe('rawText', () => {
  it.each([
    ['a list item', '* Uses `code`, *bold* and {es}\nover two lines.\n', 'Uses `code`, *bold* and {es}\nover two lines.'],
    ['a definition', '`name`::\n(Optional, string) A <<link,link>> & more.\n', '(Optional, string) A <<link,link>> & more.'],
    ['a term', '`name` (Required)::\nText.\n', '`name` (Required)'],
  ])('returns the source text of %s, unsubstituted', async (_name, page, want) => {
    const { doc } = await parseAsciiDoc(page.split('\n'), {})
    const [list] = children(doc)
    const items = (list as unknown as { getItems(): (ListItem | DlistEntry)[] }).getItems()
    const first = items[0]!
    const item = Array.isArray(first) ? (_name === 'a term' ? first[0][0]! : first[1]!) : first
    expect(rawText(item)).toBe(want)
  })
})
