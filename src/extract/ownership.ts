import path from 'node:path'
import type { BookPlan } from '../load/index.js'
import type { PageModel, Snippet } from '../model/types.js'
import { sortDiagnostics } from './page.js'

/** Where each model stands in reading order: the books' order for their files, then path order. */
function ranks(paths: string[], plan: BookPlan): number[] {
  const inBook = new Map(plan.order.map((file, i) => [file, i]))
  return paths.map((p, i) => inBook.get(p) ?? plan.order.length + i)
}

/** The page whose content each fragment is part of, by path relative to the root. */
function fragmentOwners(plan: BookPlan, root: string): Map<string, string> {
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/')
  return new Map([...plan.fragments].map(([fragment, owner]) => [rel(fragment), rel(owner)]))
}

/**
 * Every snippet in exactly one model: the model of the file it is written in when that file has one;
 * else (a fragment) the page its book reads it as part of, or the first model holding it in reading order.
 * A fragment two pages include is tested once, with the first. Models are new objects (the cache may
 * hold the old ones); snippets are numbered again in page order.
 */
export function assignSnippets(models: PageModel[], paths: string[], plan: BookPlan, root: string): PageModel[] {
  const modelled = new Set(models.map((m) => m.file))
  const bookOwner = fragmentOwners(plan, root)
  const rank = ranks(paths, plan)
  const owner = new Map<string, { file: string; rank: number }>()
  models.forEach((m, i) => {
    for (const s of m.examples) {
      const file = s.position.file
      if (file === m.file || modelled.has(file)) continue
      const known = owner.get(file)
      if (!known || rank[i]! < known.rank) owner.set(file, { file: m.file, rank: rank[i]! })
    }
  })
  for (const [fragment, page] of bookOwner) if (owner.has(fragment) && modelled.has(page)) owner.set(fragment, { file: page, rank: -1 })
  return models.map((m) => {
    const seen = new Set<string>()
    const kept = m.examples.filter((s) => {
      const file = s.position.file
      const place = `${file}:${s.position.line}:${s.position.column}`
      const mine = file === m.file || (!modelled.has(file) && owner.get(file)?.file === m.file)
      if (!mine || seen.has(place)) return false
      seen.add(place)
      return true
    })
    return kept.length === m.examples.length ? m : { ...m, examples: renumber(kept) }
  })
}

function renumber(snippets: Snippet[]): Snippet[] {
  const index = new Map(snippets.map((s, i) => [s.index, i]))
  return snippets.map((s, i) => {
    const { answers, ...rest } = s
    const answered = answers === undefined ? undefined : index.get(answers)
    return { ...rest, index: i, ...(answered !== undefined && { answers: answered }) }
  })
}

/**
 * The books' include findings, each on the model of the file it is in (or of the page a fragment is part
 * of, or of the book itself): diagnostics travel with the file they are about.
 */
export function attachFindings(models: PageModel[], paths: string[], plan: BookPlan, root: string): PageModel[] {
  if (plan.diagnostics.length === 0) return models
  const byFile = new Map(models.map((m, i) => [m.file, i]))
  const owners = fragmentOwners(plan, root)
  const firstBook = plan.books.map((b) => paths.indexOf(b)).find((i) => i >= 0)
  const extra = new Map<number, PageModel['diagnostics']>()
  for (const d of plan.diagnostics) {
    const at = byFile.get(d.file) ?? byFile.get(owners.get(d.file) ?? '') ?? firstBook
    if (at !== undefined) extra.set(at, [...(extra.get(at) ?? []), d])
  }
  return models.map((m, i) => (extra.has(i) ? { ...m, diagnostics: sortDiagnostics([...m.diagnostics, ...extra.get(i)!]) } : m))
}
