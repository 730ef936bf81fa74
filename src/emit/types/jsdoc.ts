/**
 * JSDoc for generated declarations. Text comes from the docs, so it is made safe for a block comment:
 * a star-slash would close it, a slash-star derails ts-morph's writer and a line starting with `@` would
 * become a tag. Everything else (backticks, `${`,
 * unicode, long lines) is harmless inside a comment and kept as written.
 */
import type { JSDocStructure, JSDocTagStructure, OptionalKind } from 'ts-morph'
import type { Param, SourcePosition, Stability } from '../../model/types.js'

export type Doc = OptionalKind<JSDocStructure>
type Tag = OptionalKind<JSDocTagStructure>

function commentSafe(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    // Control characters have no place in a comment and some tools choke on them.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\*\//g, '*\\/')
    // ts-morph's writer takes `/*` inside a comment for a nested comment and closes it before the tags.
    .replace(/\/\*/g, '/\\*')
    .split('\n')
    .map((line) => line.replace(/\s+$/, '').replace(/^(\s*)@/, '$1\\@'))
    .join('\n')
    .trim()
}

/** Tag text is a single line. */
function tagText(text: string): string {
  return commentSafe(text).replace(/\s*\n\s*/g, ' ')
}

export function seeTag(position: SourcePosition): Tag {
  return { tagName: 'see', text: tagText(`${position.file}:${position.line}`) }
}

export function stabilityTags(stability: Stability): Tag[] {
  if (stability.level === 'stable') return []
  const text = [stability.version, stability.note].filter((t) => t !== undefined && t !== '').join(' ')
  return [text === '' ? { tagName: stability.level } : { tagName: stability.level, text: tagText(text) }]
}

export function doc(description: string, tags: Tag[]): Doc[] {
  const text = commentSafe(description)
  // A leading newline makes ts-morph write a multi-line comment; without text, the tags stand alone.
  return [text === '' ? { tags } : { description: `\n${text}`, tags }]
}

export function paramDoc(param: Param, extraTags: Tag[] = []): Doc[] {
  const tags: Tag[] = []
  if (param.default !== undefined) tags.push({ tagName: 'default', text: tagText(param.default) })
  if (param.deprecated) tags.push({ tagName: 'deprecated' })
  tags.push(...extraTags, seeTag(param.position))
  return doc(param.description, tags)
}
