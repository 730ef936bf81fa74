import type { AbstractBlock, Block } from '@asciidoctor/core'
import type { PageModel, Stability, StabilityLevel } from '../model/types.js'
import { children, lineIndexOf } from './asciidoc.js'
import type { PageContext } from './context.js'
import { statusMacros } from './inline.js'

export interface PageHeader extends Pick<PageModel, 'id' | 'title' | 'titleabbrev' | 'role' | 'testenv' | 'stability'> {
  /** Text of the paragraphs between the title and the first section. */
  intro: string
  titleLine: number
}

const LEVELS: Record<string, StabilityLevel | undefined> = { experimental: 'experimental', preview: 'experimental', dev: 'experimental', beta: 'beta', deprecated: 'deprecated' }

export function readHeader(ctx: PageContext, page: AbstractBlock, pageLineIndex: number | undefined): PageHeader {
  const titleLine = pageLineIndex ?? Math.max(0, ctx.source.lines.findIndex((l) => /^=\s+\S/.test(l)))
  const attrs = blockAttributesAbove(ctx, titleLine)
  const rawTitle = ctx.line(titleLine).replace(/^[=#]+\s+/, '')
  let id = attrs.id ?? page.getId()
  if (!attrs.id) {
    id = id ?? ''
    ctx.report('missing-page-id', ctx.at(titleLine), `The page title has no [[anchor]] id${id ? `; using the generated id '${id}'` : ''}.`)
  }
  const before = firstSectionOffset(page)
  const intro: string[] = []
  let titleabbrev: string | undefined
  const macros = statusMacros(rawTitle)
  for (const block of before) {
    const context = block.getContext()
    if (context === 'pass') {
      titleabbrev ??= readTitleabbrev(ctx, block as Block)
    } else if (context === 'paragraph') {
      const source = (block as Block).getSource()
      const found = statusMacros(source)
      macros.push(...found)
      const text = ctx.text(source)
      if (text) intro.push(text)
    } else if (context === 'admonition' || context === 'ulist' || context === 'olist') {
      const text = ctx.text((block as Block).getSource?.() ?? '')
      if (text) intro.push(text)
    }
  }
  if (intro.length === 0) intro.push(...restatedOpening(ctx, page, rawTitle))
  return {
    id: id ?? '',
    title: ctx.text(rawTitle),
    titleabbrev,
    role: attrs.role,
    testenv: attrs.testenv,
    stability: stabilityOf(macros),
    intro: intro.join('\n\n'),
    titleLine,
  }
}

/** `[[id]]`, `[role="xpack"]`, `[testenv="basic"]` lines right above the title. */
function blockAttributesAbove(ctx: PageContext, titleLine: number): { id?: string; role?: string; testenv?: string } {
  const out: { id?: string; role?: string; testenv?: string } = {}
  for (let i = titleLine - 1; i >= 0; i--) {
    const line = ctx.line(i).trim()
    if (!/^\[.*\]$/.test(line)) break
    const anchor = /^\[\[([^\],\]]+)(?:,[^\]]*)?\]\]$/.exec(line) ?? /^\[#([\w-]+)/.exec(line)
    if (anchor) out.id ??= anchor[1]
    for (const m of line.matchAll(/\b(role|testenv)="?([^",\]]*)"?/g)) out[m[1] as 'role' | 'testenv'] ??= m[2]
  }
  return out
}

function firstSectionOffset(page: AbstractBlock): AbstractBlock[] {
  const blocks = children(page)
  // Older pages head every section with a discrete heading (`[float]`): the intro ends at the first one too.
  const first = blocks.findIndex((b) => b.getContext() === 'section' || b.getContext() === 'floating_title')
  return first < 0 ? blocks : blocks.slice(0, first)
}

/**
 * Older pages open with a heading that restates the title (`== Nodes Feature Usage`, then `[float]
 * === Nodes usage`): the paragraphs right under it open the page, they are no section of their own.
 */
function restatedOpening(ctx: PageContext, page: AbstractBlock, rawTitle: string): string[] {
  const blocks = children(page)
  const at = blocks.findIndex((b) => b.getContext() === 'section' || b.getContext() === 'floating_title')
  const heading = blocks[at]
  if (!heading) return []
  const words = (text: string) => (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).map((w) => w.replace(/s$/, ''))
  const titleWords = new Set(words(ctx.text(rawTitle)))
  const headingWords = words(ctx.text((heading as Block).getTitle?.() ?? ''))
  if (headingWords.length === 0 || !headingWords.every((w) => titleWords.has(w))) return []
  const under = heading.getContext() === 'section' ? children(heading) : blocks.slice(at + 1)
  const opening: string[] = []
  for (const block of under) {
    if (block.getContext() !== 'paragraph') break
    const text = ctx.text((block as Block).getSource())
    if (text) opening.push(text)
  }
  return opening
}

/**
 * The loaded lines with a `<titleabbrev>` pass block that lost its closing `++++` closed after the element:
 * left open, it runs to the end of the page and hides every section. The element moves up into a blank
 * line below the opening `++++` (or the closing `++++` takes the blank line under it), so no line shifts.
 */
export function closeTitleabbrevPass(ctx: PageContext, lines: string[]): string[] {
  const open = lines.findIndex((l, i) => l.trim() === '++++' && !lines.slice(i + 1).some((next) => next.trim() === '++++'))
  const element = open < 0 ? -1 : lines.findIndex((l, i) => i > open && l.trim() !== '')
  if (element < 0 || !/^\s*<titleabbrev>.*<\/titleabbrev>\s*$/.test(lines[element]!)) return lines
  const out = [...lines]
  if (element > open + 1) [out[element - 1], out[element]] = [lines[element]!, '++++']
  else if (lines[element + 1]?.trim() === '') out[element + 1] = '++++'
  else return lines
  ctx.report('unclosed-titleabbrev', ctx.at(open), 'The pass block holding <titleabbrev> is never closed (its closing ++++ lost?); closed after the element.')
  return out
}

function readTitleabbrev(ctx: PageContext, block: Block): string | undefined {
  const source = block.getSource()
  const m = /<titleabbrev>([\s\S]*?)<\/titleabbrev>/.exec(source)
  if (m) return ctx.text(m[1]!)
  const text = ctx.text(source)
  if (!text || /[<>]/.test(source) || text.length > 80) return undefined
  // Damaged pages lose `<…>` markup: a short bare text in the pass block under the title was the abbreviation.
  ctx.report('lost-markup', ctx.at(lineIndexOf(block) ?? 0), `The pass block under the title has no <titleabbrev> element (markup lost?); took "${text}" as the title abbreviation.`)
  return text
}

function stabilityOf(macros: { name: string; args: string[] }[]): Stability {
  for (const macro of macros) {
    const level = LEVELS[macro.name]
    if (!level) continue
    const stability: Stability = { level }
    const [first, second] = macro.args
    if (first && /^\d+(\.\d+)*/.test(first)) {
      stability.version = first
      if (second) stability.note = second
    } else if (first) stability.note = first
    return stability
  }
  return { level: 'stable' }
}
