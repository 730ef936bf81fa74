import type { AbstractBlock, Block, ListItem } from '@asciidoctor/core'
import type { Prerequisite } from '../model/types.js'
import { lineIndexOf, rawText } from './asciidoc.js'
import { descendants } from './blocks.js'
import type { PageContext } from './context.js'

/** Each requirement (list item or paragraph) of the Prerequisites section, with the privileges and roles it names. */
export function readPrerequisites(ctx: PageContext, sections: AbstractBlock[]): Prerequisite[] {
  const out: Prerequisite[] = []
  for (const section of sections) {
    for (const block of descendants(section)) {
      const context = block.getContext()
      let raw: string | undefined
      if (context === 'list_item') raw = rawText(block as unknown as ListItem)
      else if (context === 'paragraph' && block.getParent()?.getContext() !== 'list_item') raw = (block as Block).getSource()
      if (!raw) continue
      const named = namedGrants(ctx.text(raw.replace(/`([^`]+)`/g, '\u0001$1\u0002')))
      out.push({ text: ctx.text(raw), ...named, position: ctx.at(lineIndexOf(block) ?? 0) })
    }
  }
  return out
}

/**
 * Sorts the code-quoted names of a requirement into privileges and roles by the first of the words
 * "role" or "privilege" that follows each in its sentence ("`manage` or `manage_rollup` cluster
 * privileges", "`machine_learning_admin` built-in role"), else the last one before it.
 */
function namedGrants(marked: string): { privileges: string[]; roles: string[] } {
  const privileges = new Set<string>()
  const roles = new Set<string>()
  for (const sentence of marked.split(/(?<=\.)\s+/)) {
    // Linear in the sentence (a pathological page has tens of thousands of names in one): the keyword
    // positions are found once, in the sentence and in the sentence without its code spans.
    const { stripped, offsetAfter } = stripSpans(sentence)
    const inStripped = [...stripped.matchAll(KEYWORD)]
    const inSentence = [...sentence.matchAll(KEYWORD)]
    let nextAfter = 0
    let nextBefore = 0
    for (const m of sentence.matchAll(/\u0001([^\u0002]+)\u0002/g)) {
      const name = m[1]!
      if (!/^[\w.*:-]+$/.test(name)) continue
      const offset = offsetAfter.get(m.index! + m[0].length)!
      while (nextAfter < inStripped.length && inStripped[nextAfter]!.index! <= offset) nextAfter++
      // Read from here on, the text starts a word: a keyword right at the offset counts.
      const after = /^(role|privilege)/i.exec(stripped.slice(offset, offset + 9)) ?? inStripped[nextAfter]
      while (nextBefore < inSentence.length && inSentence[nextBefore]!.index! < m.index!) nextBefore++
      const before = inSentence[nextBefore - 1]
      const kind = (after ?? before)?.[1]?.toLowerCase()
      if (kind === 'role') roles.add(name)
      else if (kind === 'privilege') privileges.add(name)
    }
  }
  return { privileges: [...privileges], roles: [...roles] }
}

const KEYWORD = /\b(role|privilege)/gi

/** The sentence without its code spans, and for the end of each span the offset in the stripped text. */
function stripSpans(sentence: string): { stripped: string; offsetAfter: Map<number, number> } {
  const offsetAfter = new Map<number, number>()
  let stripped = ''
  let last = 0
  for (const m of sentence.matchAll(/\u0001[^\u0002]*\u0002/g)) {
    stripped += sentence.slice(last, m.index)
    last = m.index! + m[0].length
    offsetAfter.set(last, stripped.length)
  }
  return { stripped: stripped + sentence.slice(last), offsetAfter }
}
