import type { AbstractBlock, Block, ListItem } from '@asciidoctor/core'
import type { Param } from '../model/types.js'
import { children, lineIndexOf, rawText } from './asciidoc.js'
import type { PageContext } from './context.js'
import { statusMacros } from './inline.js'
import { allowsAnyNumber, isCommaList, isConditional, leadingFacts, listedValues, statedDefault } from './param-text.js'

/** A term whose name the page lost (an empty `` `` `` term), to be named by placeholder recovery. */
export interface LostParam {
  param: Param
}

export type ParamPlace = 'path' | 'query' | 'body' | 'response'

/** A parameter and whether its term was written as a placeholder (`<name>`), which path parameters are. */
export interface ReadParam {
  param: Param
  placeholder: boolean
  /** The text says Required or Optional (else the place decides). */
  statedRequired?: boolean
}

type DlistEntry = [ListItem[], ListItem | undefined]

const LOOSE_TERM = /^`([^`]*)`\s*(?=\((?:optional|required)\b)/i

/** Parameters defined in a section: definition-list entries, and `` `name` (Optional) … `` paragraphs that lost their `::`. */
export function readParams(ctx: PageContext, section: AbstractBlock, place: ParamPlace): { params: ReadParam[]; lost: LostParam[] } {
  const out: Collected = { params: [], lost: [], continued: new Set() }
  for (const block of children(section)) collect(ctx, block, place, out)
  for (const param of out.continued) finish(param)
  return { params: out.params, lost: out.lost }
}

/** `continued`: definitions that text after the list continues, whose facts are read again once all of it is in. */
interface Collected {
  params: ReadParam[]
  lost: LostParam[]
  continued: Set<Param>
}

function collect(ctx: PageContext, block: AbstractBlock, place: ParamPlace, out: Collected): void {
  const context = block.getContext()
  if (context === 'dlist') {
    for (const entry of (block as unknown as { getItems(): DlistEntry[] }).getItems()) {
      const read = readEntry(ctx, entry, place, out.lost)
      if (read) out.params.push(read)
    }
  } else if (context === 'paragraph') {
    const read = readLooseParagraph(ctx, block as Block, place, out.lost)
    if (read) out.params.push(read)
    else if (out.params.length > 0 && !LOOSE_TERM.test((block as Block).getSource())) {
      // Text after the list continues the last definition (damaged pages lose the `+`); read it for facts too.
      const last = out.params[out.params.length - 1]!.param
      // Read once after the section: reread after every paragraph, a long continuation cost its length squared.
      appendText(ctx, last, block)
      out.continued.add(last)
    }
  } else if (context === 'open' || context === 'example' || context === 'sidebar') {
    for (const child of children(block)) collect(ctx, child, place, out)
  } else if (context === 'ulist' || context === 'olist') {
    // A list after the last definition continues it, as a paragraph there does ("Each rule has:" and its bullets).
    const last = out.params[out.params.length - 1]?.param
    if (last) {
      appendText(ctx, last, block)
      finish(last)
    }
    for (const list of escapedEntries(ctx, block)) collect(ctx, list, place, out)
  }
}

/**
 * Definition lists written with the section's own `::` after a bulleted list (a `- values …` item, a blank line,
 * `` `actions`:: ``): Asciidoctor nests a list of another kind into the bullet before it, but the page goes
 * on with its parameters there.
 */
function escapedEntries(ctx: PageContext, list: AbstractBlock): AbstractBlock[] {
  const items = (list as unknown as { getItems(): ListItem[] }).getItems()
  return items.flatMap((item) => children(item as unknown as AbstractBlock)).filter((b) => b.getContext() === 'dlist' && sectionMarker(ctx, b))
}

/** The definition list's first term is written with `::` (not `:::` or `;;`, which nest). */
function sectionMarker(ctx: PageContext, dlist: AbstractBlock): boolean {
  const term = (dlist as unknown as { getItems(): DlistEntry[] }).getItems()[0]?.[0][0]
  const index = term && lineIndexOf(term)
  return index !== undefined && /^\S.*?[^:]::(?:\s|$)/.test(ctx.line(index))
}

function readEntry(ctx: PageContext, [terms, dd]: DlistEntry, place: ParamPlace, lost: LostParam[]): ReadParam | undefined {
  const term = terms[0]
  if (!term) return undefined
  const lineIndex = lineIndexOf(term) ?? 0
  const termText = rawText(term)
  const column = Math.max(ctx.line(lineIndex).indexOf(termText), 0) + 1
  // A definition written wholly in an attached open block (`::`, `+`, `--`) starts with its first paragraph.
  const opening = dd && !rawText(dd).trim() ? openingParagraph(dd) : undefined
  const described = opening ? opening.getSource() : dd ? rawText(dd) : ''
  const param = build(ctx, termText, described, place, lineIndex, column, lost)
  if (!param) return undefined
  if (dd) {
    for (const child of children(dd)) attach(ctx, param.param, child, place, lost, opening)
  }
  finish(param.param)
  return param
}

function readLooseParagraph(ctx: PageContext, block: Block, place: ParamPlace, lost: LostParam[]): ReadParam | undefined {
  const source = block.getSource()
  const m = LOOSE_TERM.exec(source)
  if (!m) return undefined
  const lineIndex = lineIndexOf(block) ?? 0
  const column = Math.max(ctx.line(lineIndex).indexOf(m[0].trim()), 0) + 1
  ctx.report('missing-dlist-delimiter', ctx.at(lineIndex, column + m[0].trimEnd().length), `The definition of \`${m[1]}\` lacks the \`::\` that makes it a definition-list entry; read as one.`)
  const param = build(ctx, `\`${m[1]}\``, source.slice(m[0].length), place, lineIndex, column, lost)
  if (param) finish(param.param)
  return param
}

/** The first paragraph of a definition's attached open block, when the block comes first. */
function openingParagraph(dd: ListItem): Block | undefined {
  const first = children(dd as unknown as AbstractBlock)[0]
  const inner = first?.getContext() === 'open' ? children(first)[0] : undefined
  return inner?.getContext() === 'paragraph' ? (inner as Block) : undefined
}

/** Blocks attached to a definition (continuations, open blocks, notes, nested lists); `read` was read already. */
function attach(ctx: PageContext, param: Param, block: AbstractBlock, place: ParamPlace, lost: LostParam[], read?: Block): void {
  if (block === read) return
  const context = block.getContext()
  if (context === 'dlist') {
    const nested: Param[] = []
    for (const entry of (block as unknown as { getItems(): DlistEntry[] }).getItems()) {
      const read = readEntry(ctx, entry, place === 'query' || place === 'path' ? 'body' : place, lost)
      if (read) nested.push(read.param)
    }
    // Under a query or path parameter, nested entries list its allowed values; under a body field, its properties,
    // unless the field is a scalar and the entries are bare names (`status` (string) with `green`:::, `red`:::).
    if (place === 'query' || place === 'path' || namesValues(param, nested)) {
      param.values ??= nested.map((p) => p.name)
      // A value marked `(Default)` (`full_copy` (Default):::) is the default; its mark reads as a type. When several
      // are marked (the columns a cat API shows unless `h` picks others), no one of them is the default.
      const marked = nested.filter((p) => /^default$/i.test(p.type ?? ''))
      if (marked.length === 1) param.default ??= marked[0]!.name
      appendDescription(ctx, param, nested.map((p) => `${p.name}: ${p.description}`).join('\n'))
    } else param.children = [...(param.children ?? []), ...nested]
  } else if (context === 'open' || context === 'example' || context === 'sidebar') {
    for (const child of children(block)) attach(ctx, param, child, place, lost, read)
  } else {
    if (context === 'ulist' && (place === 'query' || place === 'path')) bulletedValues(param, block)
    appendText(ctx, param, block)
  }
}

const SCALAR_TYPE = /^(?:string|keyword|enum|text)$/i

function namesValues(param: Param, nested: Param[]): boolean {
  return SCALAR_TYPE.test(param.type ?? '') && nested.length >= 2 && nested.every((p) => !p.children && (!p.type || /^default$/i.test(p.type)))
}

/**
 * A bulleted list whose every item opens with a code span (`` * `closed` (Default) ``) lists a query or
 * path parameter's values; the one item marked `(Default)` is its default.
 */
function bulletedValues(param: Param, list: AbstractBlock): void {
  const items = (list as unknown as { getItems(): ListItem[] }).getItems().map((item) => /^`([^`\s]+)`\s*(\(default\))?/i.exec(rawText(item)))
  if (items.length < 2 || items.some((m) => !m)) return
  param.values ??= items.map((m) => m![1]!)
  const marked = items.filter((m) => m![2])
  if (marked.length === 1) param.default ??= marked[0]![1]
}

function appendText(ctx: PageContext, param: Param, block: AbstractBlock): void {
  const context = block.getContext()
  if (context === 'listing' || context === 'literal' || context === 'pass' || context === 'image') return
  if (context === 'ulist' || context === 'olist') {
    const items = (block as unknown as { getItems(): ListItem[] }).getItems()
    appendDescription(ctx, param, items.map((item) => `- ${rawText(item)}`).join('\n'))
    return
  }
  // A delimited admonition (`[TIP]` + `====`) holds its text in child blocks, not in its own source.
  const inner = context === 'admonition' ? children(block) : []
  const source = inner.length > 0 ? inner.map((b) => (b as Block).getSource?.() ?? '').join('\n\n') : ((block as Block).getSource?.() ?? '')
  const label = context === 'admonition' ? `${String(block.getStyle() ?? 'NOTE')}: ` : ''
  appendDescription(ctx, param, label + source)
}

function appendDescription(ctx: PageContext, param: Param, raw: string): void {
  const text = ctx.text(raw)
  if (!text) return
  param.description = param.description ? `${param.description}\n\n${text}` : text
  rawTexts.set(param, `${rawTexts.get(param) ?? ''}\n${raw}`)
}

/** The AsciiDoc text of each definition read so far, for the facts read once all of it is in (`finish`). */
const rawTexts = new WeakMap<Param, string>()

function build(ctx: PageContext, termText: string, described: string, place: ParamPlace, lineIndex: number, column: number, lost: LostParam[]): ReadParam | undefined {
  // `page`.`from` names the nested field page.from.
  const nameMatch = /`([^`]*)`(?:\.`[^`]*`)*/.exec(termText) ?? /^\s*([^\s(]+)/.exec(termText)
  const written = (nameMatch ? nameMatch[0].replace(/^`|`$/g, '').replace(/`\.`/g, '.') : '').trim()
  const placeholder = /^<.*>$|^\{.*\}$/.test(written)
  const name = written.replace(/^<(.*)>$|^\{(.*)\}$/, '$1$2').trim()
  const termRest = nameMatch ? termText.slice(nameMatch.index + nameMatch[0].length) : ''
  const termFacts = leadingFacts(termRest)
  const facts = leadingFacts(described)
  const stated = facts.required ?? termFacts.required
  const required = stated ?? place === 'path'
  const type = facts.type ?? termFacts.type
  const rest = facts.rest
  if (facts.misspeltFlag) ctx.report('unknown-param-flag', ctx.at(lineIndex), `The definition of \`${name}\` opens with (${facts.misspeltFlag}, ${facts.type}): '${facts.misspeltFlag}' is neither Required nor Optional; read as ${stated === undefined ? 'unflagged' : stated ? 'Required' : 'Optional'}.`)
    if (facts.unclosed) ctx.report('unclosed-param-facts', ctx.at(lineIndex), `The \`(${stated ? 'Required' : 'Optional'}${type ? `, ${ctx.text(type)}` : ''}\` group opening the definition of \`${name}\` has no closing parenthesis; read up to where the description starts.`)
  const param: Param = {
    name: name || '\u0000',
    required,
    ...(type && { type: ctx.text(type) }),
    description: ctx.text(rest),
    position: ctx.at(lineIndex, column),
  }
  // A response property flagged `(Optional, …)` is there only in some answers.
  if (place === 'response' && stated === false) param.conditional = true
  // In a body or a response, `<node_id>`:: names keys that are values (a map), not a property.
  if ((place === 'body' || place === 'response') && placeholder && name) param.placeholder = true
  rawTexts.set(param, rest)
  if (!name) lost.push({ param })
  return { param, placeholder: placeholder || !name, statedRequired: stated !== undefined }
}

/** Facts read from the whole description once every attached block is in. */
function finish(param: Param): void {
  const raw = rawTexts.get(param) ?? ''
  const stated = statedDefault(raw)
  if (stated !== undefined) param.default = stated
  const values = param.values ?? listedValues(raw)
  if (values) param.values = values
  if (allowsAnyNumber(raw)) param.anyNumber = true
  if (isCommaList(raw)) param.list = true
  if (isConditional(raw)) param.conditional = true
  if (statusMacros(raw).some((m) => m.name === 'deprecated')) param.deprecated = true
}

/** The parameter with its keys in the model's order (readable, byte-stable JSON). */
export function orderedParam(p: Param): Param {
  return {
    name: p.name,
    ...(p.placeholder !== undefined && { placeholder: p.placeholder }),
    required: p.required,
    ...(p.type !== undefined && { type: p.type }),
    ...(p.values !== undefined && { values: p.values }),
    ...(p.anyNumber !== undefined && { anyNumber: p.anyNumber }),
    ...(p.list !== undefined && { list: p.list }),
    ...(p.conditional !== undefined && { conditional: p.conditional }),
    ...(p.default !== undefined && { default: p.default }),
    description: p.description,
    ...(p.deprecated !== undefined && { deprecated: p.deprecated }),
    ...(p.children !== undefined && { children: p.children.map(orderedParam) }),
    ...(p.recovered !== undefined && { recovered: p.recovered }),
    position: p.position,
  }
}
