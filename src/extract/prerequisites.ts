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
    for (const m of sentence.matchAll(/\u0001([^\u0002]+)\u0002/g)) {
      const name = m[1]!
      if (!/^[\w.*:-]+$/.test(name)) continue
      const after = /\b(role|privilege)/i.exec(sentence.slice(m.index! + m[0].length).replace(/\u0001[^\u0002]*\u0002/g, ''))
      const before = [...sentence.slice(0, m.index).matchAll(/\b(role|privilege)/gi)].pop()
      const kind = (after ?? before)?.[1]?.toLowerCase()
      if (kind === 'role') roles.add(name)
      else if (kind === 'privilege') privileges.add(name)
    }
  }
  return { privileges: [...privileges], roles: [...roles] }
}
