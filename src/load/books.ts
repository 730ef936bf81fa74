import fs from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../model/types.js'
import { BUILTIN_ATTRIBUTES } from './builtin-attributes.js'
import { walkFile, type Walk } from './book-walk.js'
import { relative } from './includes.js'
import { decodePage } from './read.js'
import type { PagePlan } from './source.js'

/** The book roots an input folder holds: its `index.asciidoc` (or `index.adoc`), when it includes anything. */
export function bookCandidates(inputs: string[]): string[] {
  const found: string[] = []
  for (const input of inputs) {
    if (!fs.statSync(input, { throwIfNoEntry: false })?.isDirectory()) continue
    const index = ['index.asciidoc', 'index.adoc'].map((name) => path.resolve(input, name)).find((f) => fs.existsSync(f))
    if (index) found.push(index)
  }
  return found
}

export interface BookOptions {
  root: string
  readable?: readonly string[]
  /** The user's attributes (`--attributes`, `--attribute`): locked against the books' own entries, as Asciidoctor's `-a`. */
  attributes: Record<string, string>
  cache: Map<string, string | null>
}

/** Walks of books, kept between runs (`src/cache`): a walk holds while the book and every file it looked up are unchanged. */
export interface WalkStore {
  get(book: string, bytes: Uint8Array): Walk | undefined
  set(book: string, bytes: Uint8Array, walk: Walk): void
}

/** The API attributes of a walk: built-in ones soft (a book's entries override them), the user's locked. */
export function walkAttributes(options: Pick<BookOptions, 'root' | 'attributes'>): Record<string, string> {
  const soft = { ...BUILTIN_ATTRIBUTES, 'elasticsearch-root': options.root }
  return { ...Object.fromEntries(Object.entries(soft).map(([name, value]) => [name, `${value}@`])), ...options.attributes }
}

/** Walks one book (or takes its walk from the store); undefined when the file cannot be read. */
export async function walkBook(book: string, options: BookOptions, store?: WalkStore): Promise<Walk | undefined> {
  let bytes: Uint8Array
  try {
    bytes = fs.readFileSync(book)
  } catch {
    return undefined
  }
  const kept = store?.get(book, bytes)
  if (kept) return kept
  const text = decodePage(bytes, relative(options.root, book)).text
  const walk = await walkFile(book, text, { root: options.root, ...(options.readable && { readable: options.readable }), attributes: walkAttributes(options), cache: options.cache })
  store?.set(book, bytes, walk)
  return walk
}

/** How the books of a run read its files. */
export interface BookPlan {
  /** The books, absolute paths, sorted. */
  books: string[]
  /** For each book and each page a book includes: how it reads it (a page two books include: the first book's). */
  pages: Map<string, PagePlan>
  /** Fragments (files included by tag, or whole without a title of their own): the page whose content each is part of. */
  fragments: Map<string, string>
  /** Every file of the books in reading order (books sorted by path, each depth first). */
  order: string[]
  /** The books' include findings, each once. */
  diagnostics: Diagnostic[]
  /** What each book has set by its end, for pages near it that no book includes. */
  finals: Map<string, Record<string, string>>
}

/**
 * Walks the books (named ones, and the `index.asciidoc` of input folders when it includes anything) and
 * plans each file they reach: a page gets the attributes in effect where its book includes it, a fragment
 * the page it belongs to.
 */
export async function planBooks(named: string[], candidates: string[], options: BookOptions, store?: WalkStore): Promise<BookPlan> {
  const plan: BookPlan = { books: [], pages: new Map(), fragments: new Map(), order: [], diagnostics: [], finals: new Map() }
  const books = [...new Set([...named, ...candidates].map((b) => path.resolve(b)))].sort()
  for (const book of books) {
    const walk = await walkBook(book, options, store)
    // An index file whose includes all fail (a partial checkout) is read as a page, as any other file.
    if (!walk || (!named.some((n) => path.resolve(n) === book) && walk.files.length === 0)) continue
    addBook(plan, book, walk, options)
  }
  return plan
}

function addBook(plan: BookPlan, book: string, walk: Walk, options: BookOptions): void {
  const rel = relative(options.root, book)
  plan.books.push(book)
  plan.finals.set(book, walk.final)
  // The root starts from what the walk gave Asciidoctor: the built-in attributes (every page has them), the root and the user's.
  const start = { 'elasticsearch-root': options.root, ...options.attributes, docdir: path.dirname(book) }
  if (!plan.pages.has(book)) plan.pages.set(book, { book: rel, attributes: start, walked: true })
  const ordered = new Set(plan.order)
  for (const file of [book, ...walk.files.map((f) => f.file)]) {
    if (!ordered.has(file)) plan.order.push(file)
    ordered.add(file)
  }
  for (const file of walk.files) {
    if (file.page) {
      if (!plan.pages.has(file.file)) plan.pages.set(file.file, { book: rel, attributes: file.attributes ?? {}, walked: true })
      plan.fragments.delete(file.file)
    } else if (!plan.pages.has(file.file) && !plan.fragments.has(file.file)) plan.fragments.set(file.file, file.owner)
  }
  const seen = new Set(plan.diagnostics.map(key))
  plan.diagnostics.push(...walk.diagnostics.filter((d) => !seen.has(key(d))))
}

const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.rule}`

/**
 * The plan of a page no book includes: the attributes of the book nearest to it (the one whose folder shares
 * the longest path with it) at that book's end, or none when the run has no book.
 */
export function nearestBook(plan: BookPlan, file: string, root: string): PagePlan | undefined {
  let best: string | undefined
  let bestLength = -1
  for (const book of plan.books) {
    const length = commonLength(path.dirname(book), path.dirname(file))
    if (length > bestLength) [best, bestLength] = [book, length]
  }
  return best === undefined ? undefined : { book: relative(root, best), attributes: plan.finals.get(best)!, walked: false }
}

function commonLength(a: string, b: string): number {
  const x = a.split(path.sep)
  const y = b.split(path.sep)
  let i = 0
  while (i < x.length && i < y.length && x[i] === y[i]) i++
  return i
}
