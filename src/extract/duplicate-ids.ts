import fs from 'node:fs'
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, PageModel } from '../model/types.js'

/** A page of the run: its file on disk and its model. */
export interface RunPage {
  path: string
  model: PageModel
}

/**
 * Pages of one run that declare the same id. A docs build links `<<id>>` to one of them, so a stale copy
 * left beside its successor (an old page no book includes) goes unnoticed. Each such page gets a warning
 * naming the others and saying which of them a page of the run includes. Returns the findings by page
 * path (models are left alone: they may be shared with the cache).
 */
export function lintDuplicateIds(pages: RunPage[], included: ReadonlySet<string>): Map<string, Diagnostic> {
  const byId = new Map<string, RunPage[]>()
  for (const page of pages) {
    if (!page.model.id) continue
    byId.set(page.model.id, [...(byId.get(page.model.id) ?? []), page])
  }
  const findings = new Map<string, Diagnostic>()
  for (const same of byId.values()) {
    if (same.length < 2) continue
    for (const page of same) findings.set(page.path, finding(page, same, included))
  }
  return findings
}

function finding(page: RunPage, same: RunPage[], included: ReadonlySet<string>): Diagnostic {
  const others = same.filter((p) => p !== page)
  const where = (p: RunPage) => `${p.model.file}${included.has(p.path) ? ' (included by a page of this run)' : ''}`
  const alone = !included.has(page.path) && others.some((p) => included.has(p.path))
  const message =
    `Page id \`${page.model.id}\` is also declared by ${others.map(where).join(', ')}; a docs build links it to one page only.` +
    (alone ? ' No page of this run includes this one: it may be a stale copy.' : '')
  return diagnostic('duplicate-id', { file: page.model.file, ...anchorPosition(page.path, page.model.id) }, message)
}

/** Line and column of the id's anchor (`[[id]]`, `[[id,…]]`, `[#id]`) in the file as written, else 1:1. */
function anchorPosition(file: string, id: string): { line: number; column: number } {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  } catch {
    return { line: 1, column: 1 }
  }
  const at = [`[[${id}]]`, `[[${id},`, `[#${id}]`, `[#${id}.`].map((a) => text.indexOf(a)).filter((i) => i >= 0)
  if (at.length === 0) return { line: 1, column: 1 }
  const offset = Math.min(...at)
  const before = text.slice(0, offset).split(/\r\n|\r|\n/)
  return { line: before.length, column: before.at(-1)!.length + 1 }
}
