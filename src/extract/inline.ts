import { Document } from '@asciidoctor/core'
import { resolveAttributeRefs } from '../load/attributes.js'

// Written `name[…]` (legacy), `name:[…]` (inline macro) or `name::[…]` (block macro); `dev` marks features in development.
const STATUS_MACRO = /\b(experimental|beta|deprecated|preview|coming|added|dev):{0,2}\[([^\]]*)\]/g

/**
 * AsciiDoc inline text → plain text: attributes resolved, links and cross references reduced to their
 * text, formatting marks and status macros removed, whitespace folded. Used for titles, descriptions
 * and every other text field of the model.
 */
export function plainText(raw: string, attributes: Record<string, string>): string {
  // Code spans are set aside first so that `_all` or `index_*` inside them is not read as emphasis.
  const code: string[] = []
  let s = resolveAttributeRefs(intrinsicRefs(raw, attributes), attributes)
    .replace(/``(.+?)``/g, (_m, c: string) => `\u0000${code.push(c) - 1}\u0000`)
    .replace(/(^|[^\w`\\])`([^`]*)`(?![\w`])/g, (_m, pre: string, c: string) => `${pre}\u0000${code.push(c) - 1}\u0000`)
  s = s
    .replace(/ \+$/gm, ' ')
    .replace(/pass:[a-z,]*\[([^\]]*)\]/g, '$1')
    .replace(/\+\+\+(.*?)\+\+\+/g, '$1')
    // A reference holds no `<`: scanning from every `<<` to the end of a text of unclosed ones took its length squared.
    .replace(/<<([^,<>]+),\s*([^<>]+)>>/g, '$2')
    .replace(/<<([^<>]+)>>/g, '$1')
    .replace(/\bxref:[^[\s]+\[([^\]]*)\]/g, '$1')
    .replace(/\b(?:link:)?(?:https?|mailto|ftp):\/\/?[^\s[]*\[([^\]]*)\]/g, (_m, text: string) => text.replace(/\^$/, ''))
    .replace(/\bfootnote:\[([^\]]*)\]/g, ' ($1)')
    .replace(/\[\[[^\]]*\]\]/g, '')
    .replace(STATUS_MACRO, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^\w*\\])\*(\S(?:[^*]*?\S)?)\*(?![\w*])/g, '$1$2')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[^\w\\])_(\S(?:[^_]*?\S)?)_(?!\w)/g, '$1$2')
    .replace(/(^|[^\w\\])#(\S(?:[^#]*?\S)?)#(?!\w)/g, '$1$2')
    .replace(/\\([*_`#{+])/g, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => code[Number(i)]!)
  return s.replace(/\s+/g, ' ').trim()
}

const intrinsic = new Map<string, string | null>()
let bare: { subAttributes(text: string): string; getAttributes(): Record<string, unknown> } | undefined

/** The value Asciidoctor itself gives `{name}` (`{nbsp}`, `{empty}`, `{startsb}` …; not a document attribute), character references decoded. */
function intrinsicValue(name: string): string | null {
  let value = intrinsic.get(name)
  if (value === undefined) {
    bare ??= new Document('', { safe: 'secure' }) as unknown as NonNullable<typeof bare>
    const sub = name in bare.getAttributes() ? `{${name}}` : bare.subAttributes(`{${name}}`)
    value = sub === `{${name}}` ? null : sub.replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    intrinsic.set(name, value)
  }
  return value
}

/** References to Asciidoctor's intrinsic attributes no attribute of the page redefines, replaced by their values. */
function intrinsicRefs(text: string, attributes: Record<string, string>): string {
  if (!text.includes('{')) return text
  return text.replace(/(\\)?\{([\w][\w-]*)\}/g, (whole, escape: string | undefined, name: string) => {
    const key = name.toLowerCase()
    return escape || key in attributes ? whole : (intrinsicValue(key) ?? whole)
  })
}

/** The status macros a text starts with (`deprecated:[7.0.0]` on the line above `(Optional, string)`), and the text after them. */
export function leadingStatusMacros(raw: string): { macros: string; rest: string } {
  const m = new RegExp(`^(?:\\s*${STATUS_MACRO.source})+\\s*`).exec(raw)
  return m ? { macros: m[0].trim(), rest: raw.slice(m[0].length) } : { macros: '', rest: raw }
}

/** Stability macros (`experimental[]`, `deprecated[7.10.0, "note"]`) found in a text. */
export function statusMacros(raw: string): { name: string; args: string[] }[] {
  return [...raw.matchAll(STATUS_MACRO)].map((m) => ({ name: m[1]!, args: splitMacroArgs(m[2]!) }))
}

function splitMacroArgs(args: string): string[] {
  const out: string[] = []
  const re = /\s*("([^"]*)"|[^,]*)\s*(?:,|$)/g
  for (let m = re.exec(args); m && m.index < args.length; m = re.exec(args)) {
    out.push((m[2] ?? m[1]!).trim())
    if (m[0] === '') break
  }
  return out.filter(Boolean)
}
