import fs from 'node:fs'
import path from 'node:path'
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic } from '../model/types.js'
import { baseAttributes, overBuiltins } from './attributes.js'
import { expandIncludes, relative } from './includes.js'
import { inside, MAX_PAGE_BYTES } from './files.js'
import { decodePage } from './read.js'
import { reflowLines } from './reflow.js'
import type { LineOrigin, PagePlan, PageSource } from './source.js'

export { readAttributesText, type AttributesRead } from './attributes-file.js'
export { bookCandidates, nearestBook, planBooks, walkBook, type BookOptions, type BookPlan, type WalkStore } from './books.js'
export type { Walk, WalkedFile } from './book-walk.js'
export { findPages, MAX_PAGE_BYTES, readPageBytes } from './files.js'
export type { PagePlan, PageSource } from './source.js'

export interface LoadOptions {
  /** Absolute docs root; includes never read outside it, but for the `readable` folders. */
  root: string
  /** Folders outside the root the user named (an explicit `docs-root`) that includes may read. */
  readable?: readonly string[]
  /** Attributes from `--attributes` and `--attribute`, over the built-in ones. */
  attributes?: Record<string, string>
  /** Files with a model of their own in this run: a whole-file include of one that has its own title is left to that model. */
  pages?: ReadonlySet<string>
  /** Shared include cache for one run. */
  cache?: Map<string, string | null>
}


/** Loads one page: bytes → text → includes → reflow, with every line traced to its origin. */
export function loadPage(absFile: string, options: LoadOptions, plan?: PagePlan): PageSource {
  const file = relative(options.root, absFile)
  let bytes: Uint8Array
  try {
    const stat = fs.statSync(absFile)
    // A FIFO would block the run and a link to `/dev/zero` never end; a link from inside the root to a page
    // outside it would read what the root is there to keep out.
    if (!stat.isFile()) return failed(file, options, plan, 'unreadable-file', 'Not a regular file (a FIFO, a device or a socket); it was not read.')
    if (inside(options.root, absFile) && !inside(fs.realpathSync(options.root), fs.realpathSync(absFile))) {
      return failed(file, options, plan, 'page-outside-root', `The page is a symbolic link to ${fs.realpathSync(absFile)}, outside the docs root; it was not read.`)
    }
    if (stat.size > MAX_PAGE_BYTES) return failed(file, options, plan, 'file-too-large', `The file is ${stat.size} bytes; pages over ${MAX_PAGE_BYTES} bytes are not parsed.`)
    bytes = fs.readFileSync(absFile)
  } catch (error) {
    return failed(file, options, plan, 'unreadable-file', `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  return loadText(bytes, absFile, options, plan)
}

/** Same as `loadPage` for bytes already in memory (tests, caches). */
export function loadText(bytes: Uint8Array | string, absFile: string, options: LoadOptions, plan?: PagePlan): PageSource {
  const file = relative(options.root, absFile)
  const decoded = typeof bytes === 'string' ? { text: bytes.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), diagnostics: [] } : decodePage(bytes, file)
  const attributes = startAttributes(options, plan, absFile)
  const book = plan?.walked && { book: plan.book }
  if (!decoded.text) return { file, lines: [], origins: [], attributes, diagnostics: decoded.diagnostics, pageIncludes: [], ...book }
  const lines = decoded.text.split('\n')
  // A flattened page holds its include directives mid-line: its own lines are rebuilt before includes are
  // expanded, and the expanded lines once more for included files that are flattened too.
  const own = reflowLines(lines, lines.map((_, i) => ({ file, line: i + 1, column: 1 })))
  const expanded = expandIncludes(own.lines, own.origins, absFile, {
    root: options.root,
    ...(options.readable && { readable: options.readable }),
    attributes,
    cache: options.cache ?? new Map(),
    ...(options.pages && { pages: options.pages }),
    findings: !plan?.walked,
  })
  const reflowed = reflowLines(expanded.lines, expanded.origins)
  const diagnostics: Diagnostic[] = [...decoded.diagnostics, ...own.diagnostics, ...expanded.diagnostics, ...reflowed.diagnostics]
  const parsed = cutLongLines(reflowed.lines, reflowed.origins, diagnostics)
  return { file, lines: parsed, origins: reflowed.origins, attributes, diagnostics, pageIncludes: expanded.pageIncludes, ...book }
}

/**
 * Longest line parsed, in characters: the longest line of the Elasticsearch and Kibana references is 2,574.
 * Asciidoctor's own inline patterns rescan a line from every cross reference or macro opening it finds, so
 * a line of hundreds of kilobytes took minutes; reflow has already split a page that lost its newlines.
 */
export const MAX_LINE_CHARS = 16_384

function cutLongLines(lines: string[], origins: LineOrigin[], diagnostics: Diagnostic[]): string[] {
  return lines.map((line, i) => {
    if (line.length <= MAX_LINE_CHARS) return line
    const origin = origins[i]!
    const at = { file: origin.file, line: origin.line, column: origin.column + MAX_LINE_CHARS }
    diagnostics.push(diagnostic('line-too-long', at, `The line is ${line.length} characters long; only its first ${MAX_LINE_CHARS} are read.`))
    return line.slice(0, MAX_LINE_CHARS)
  })
}

/** A page of a book starts from the built-in attributes and what its book gives it; any other from the built-in attributes and the user's. */
function startAttributes(options: LoadOptions, plan: PagePlan | undefined, absFile: string): Record<string, string> {
  return plan ? overBuiltins(plan.attributes) : baseAttributes(options.attributes ?? {}, bookFolder(absFile, options.root))
}

const bookFolders = new Map<string, string>()

/**
 * The folder of the book a page read alone would belong to: the outermost folder above it, from the root
 * down, that holds an `index.asciidoc` (inner ones index chapters), else the root. The docs build points
 * `{docdir}` and `{es-repo-dir}` there, so `include::{es-repo-dir}/rest-api/common-parms.asciidoc[…]`
 * resolves when the root is a repository's `docs/` folder whose book index could not be read as a book.
 */
function bookFolder(absFile: string, root: string): string {
  const dir = path.dirname(absFile)
  let found = bookFolders.get(dir)
  if (found === undefined) {
    const rel = path.relative(root, dir)
    if (rel.startsWith('..') || path.isAbsolute(rel)) found = root
    else {
      // The root itself first: with the root at docs/reference, its index.asciidoc is the book's, not apis/index.asciidoc.
      const parts = rel === '' ? [] : rel.split(path.sep)
      const depth = [...parts.keys(), parts.length].find((i) => fs.existsSync(path.join(root, ...parts.slice(0, i), 'index.asciidoc')))
      found = depth === undefined ? root : path.join(root, ...parts.slice(0, depth))
    }
    bookFolders.set(dir, found)
  }
  return found
}

function failed(file: string, options: LoadOptions, plan: PagePlan | undefined, rule: 'file-too-large' | 'unreadable-file' | 'page-outside-root', message: string): PageSource {
  return {
    file,
    lines: [],
    origins: [],
    attributes: startAttributes(options, plan, path.resolve(options.root, file)),
    diagnostics: [diagnostic(rule, { file, line: 1, column: 1 }, message)],
    pageIncludes: [],
    ...(plan?.walked && { book: plan.book }),
  }
}

/** Resolves `--root` (default: the folder of the first input) to an absolute real path. */
export function resolveRoot(root: string | undefined, firstInput: string): string {
  const base = root ?? (fs.existsSync(firstInput) && fs.statSync(firstInput).isDirectory() ? firstInput : path.dirname(firstInput))
  return path.resolve(base)
}
