import path from 'node:path'
import { Extensions, load, LoggerManager, NullLogger, type Document, type PreprocessorReader } from '@asciidoctor/core'
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, RuleId, SourcePosition } from '../model/types.js'
import { resolveAttributeRefs } from './attributes.js'
import { BUILTIN_ATTRIBUTES } from './builtin-attributes.js'
import { docsBuildFile, standInMessage, VERSION_STAND_INS } from './docs-build.js'
import { readable, readInside, relative, taggedFile } from './includes.js'
import { hasOwnTitle } from './title.js'

export interface WalkOptions {
  /** Absolute docs root: the walk reads nothing outside it, but for the `readable` folders. */
  root: string
  readable?: readonly string[]
  /** Attributes handed to Asciidoctor as its API attributes: `name: 'value'` is locked, `name: 'value@'` soft. */
  attributes: Record<string, string>
  /** Decoded files by absolute path, shared with the run. */
  cache: Map<string, string | null>
}

/** One file the walk included, in reading order. */
export interface WalkedFile {
  /** Absolute path. */
  file: string
  /** Included whole and opening with its own title: a page of its own. */
  page: boolean
  /** The page (or the root) whose content it is part of: itself for a page, else the nearest page up the include chain. */
  owner: string
  /** For a page: the attributes Asciidoctor had in effect at its include directive (see `pageAttributes`). */
  attributes?: Record<string, string>
}

export interface Walk {
  files: WalkedFile[]
  /** Include directives that failed, once each, at their line. */
  diagnostics: Diagnostic[]
  /** Every include target looked up (found or not): the walk's result holds while these are unchanged. */
  read: string[]
  /** The attributes in effect at the root's end: what the file has set by then. */
  final: Record<string, string>
}

/** Include directives nest at most this deep (a file including itself is caught before). */
const MAX_DEPTH = 32
/** A block macro put before the lines of each page the walk includes: Asciidoctor calls it when its parse reaches the page. */
const PAGE_MARK = 'docspecpage'
/** The page mark's target at the end of the root file. */
const END = 'end'
const ASCIIDOC = /\.(?:asciidoc|adoc|asc)$/

/**
 * Reads a file as Asciidoctor reads it, with docspec's include processor: attribute entries, conditionals
 * (`ifdef`, `ifeval`) and attribute references in include targets are Asciidoctor's to evaluate; reading
 * (inside the docs root only, symbolic links by their real path), tag selection and the findings are
 * docspec's. Where the parse reaches a page included whole, the attributes in effect are kept: exactly what
 * that page gets from its book. The parse stops once the tree is built: nothing is converted.
 */
export async function walkFile(absFile: string, text: string, options: WalkOptions): Promise<Walk> {
  const walk = new WalkState(absFile, options)
  const registry = Extensions.create()
  registry.includeProcessor(function () {
    this.process((doc, reader, target, attrs) => walk.include(doc, reader as PreprocessorReader, target, attrs as Record<string, string>))
  })
  registry.blockMacro(function () {
    this.named(PAGE_MARK)
    this.process((parent, target) => walk.reached(target, parent.getDocument()))
  })
  const done = await load('')
  // A tree processor that returns another document ends the parse before Asciidoctor resolves every text.
  registry.treeProcessor(function () {
    this.process(() => done)
  })
  // Asciidoctor's own messages (section levels, unterminated blocks) are the pages' findings, reported when each is extracted.
  const marked = `${text}\n\n${PAGE_MARK}::${END}[]\n`
  await quietly(() => load(marked, { safe: 'safe', base_dir: path.dirname(absFile), extension_registry: registry, attributes: { docfile: absFile, ...options.attributes } }))
  return { files: walk.files, diagnostics: walk.diagnostics, read: [...walk.read].sort(), final: walk.final }
}

/**
 * Runs the walk's parse with Asciidoctor's logger and the console silenced: the readers Asciidoctor makes
 * for the content of a list item have no document, so they log to the console instead of the logger (an
 * unclosed block in one page of a book makes the parse of the pages after it say so, once per block).
 * The logger is swapped, not given to `load`: that option turns on async context tracking for the rest of
 * the process, which costs every later page's parse.
 */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const saved = { warn: console.warn, error: console.error, info: console.info }
  const logger = LoggerManager.getLogger()
  console.warn = console.error = console.info = () => {}
  LoggerManager.setLogger(NullLogger.create())
  try {
    return await run()
  } finally {
    Object.assign(console, saved)
    LoggerManager.setLogger(logger)
  }
}

class WalkState {
  readonly files: WalkedFile[] = []
  readonly diagnostics: Diagnostic[] = []
  readonly read = new Set<string>()
  final: Record<string, string> = {}
  private readonly reported = new Set<string>()
  /** The file read at each include depth (0: the root) and the page it belongs to. */
  private readonly chain: { file: string; part: string; owner: string }[]

  constructor(
    rootFile: string,
    private readonly options: WalkOptions,
  ) {
    this.chain = [{ file: rootFile, part: `${rootFile}[]`, owner: rootFile }]
  }

  include(doc: Document, reader: PreprocessorReader, target: string, attrs: Record<string, string>): void {
    const depth = reader.getIncludeDepth()
    this.chain.length = Math.min(this.chain.length, depth + 1)
    const from = this.chain[depth] ?? this.chain[this.chain.length - 1]!
    const at = { file: relative(this.options.root, from.file), line: reader.getCursor().getLineNumber() - 1, column: 10 }
    const resolved = this.resolve(doc, target, from.file, at)
    if (resolved === undefined) return
    const selection = tagSelection(attrs)
    const part = `${resolved}[${selection}]`
    if (this.chain.some((c) => c.part === part) || depth >= MAX_DEPTH) {
      return this.report('include-cycle', at, `Include ${relative(this.options.root, resolved)} would include itself (or nests deeper than ${MAX_DEPTH}); skipped.`)
    }
    this.read.add(resolved)
    const content = readInside(resolved, this.options)
    if (content === null) return this.report('include-not-found', at, `Include file not found: ${relative(this.options.root, resolved)}`)
    const selected = taggedFile(resolved, content).select(selection)
    for (const tag of selected.missing) this.report('include-tag-missing', at, `Tag '${tag}' not found in ${relative(this.options.root, resolved)}.`)
    const page = selection === '' && ASCIIDOC.test(resolved) && hasOwnTitle(content)
    const owner = page ? resolved : from.owner
    this.files.push({ file: resolved, page, owner, ...(page && { attributes: pageAttributes(doc) }) })
    // Asciidoctor reads ahead (a list looks past a blank line for more items), so an include directive may be
    // read before the attribute entries above it are: a page's attributes are taken again where the parse
    // reaches its first line, marked by a block macro before it.
    const mark = page ? [`${PAGE_MARK}::${this.files.length - 1}[]`] : []
    // Runs are pushed last first, so that they are read in order, each at its own line numbers.
    const runs = selected.runs.filter((r) => r.lines.length > 0).reverse()
    runs.forEach((run, i) => {
      const lines = i === runs.length - 1 ? [...mark, ...run.lines] : run.lines
      reader.pushInclude(lines, resolved, relative(this.options.root, resolved), run.firstLine - (lines.length - run.lines.length), selection === '' ? attrs : {})
      this.chain.push({ file: resolved, part, owner })
    })
  }

  /** The parse reached the first line of the page included as the `target`th file (or the root's end): the attributes in effect now are the page's. */
  reached(target: string, doc: Document): void {
    if (target === END) this.final = pageAttributes(doc)
    const file = this.files[Number(target)]
    if (file?.page) this.final = file.attributes = pageAttributes(doc)
  }

  /** The include target as a path, or undefined (with its finding) when it names no readable file. */
  private resolve(doc: Document, target: string, fromFile: string, at: SourcePosition): string | undefined {
    const standIn = docsBuildFile(target)
    if (standIn) {
      if (standIn === 'versions') for (const [name, value] of Object.entries(VERSION_STAND_INS)) if (!doc.hasAttribute(name)) doc.setAttribute(name, value)
      this.report('docs-build-stand-in', at, standInMessage(standIn, target))
      return undefined
    }
    // Asciidoctor resolved the references once; built-in values refer to others (`{es-ref-dir}` → `{es-repo-dir}`).
    const missing: string[] = []
    const expanded = resolveAttributeRefs(target, doc.getAttributes() as Record<string, string>, (name) => missing.push(name))
    if (missing.length > 0) {
      this.report('include-unresolved', at, `Include target uses undefined attribute(s) ${missing.map((n) => `{${n}}`).join(', ')}: ${target}`)
      return undefined
    }
    const resolved = path.resolve(path.dirname(fromFile), expanded)
    if (!readable(this.options, resolved)) {
      this.report('include-outside-root', at, `Include ${expanded} resolves outside the docs root ${this.options.root}; it was not read.`)
      return undefined
    }
    return resolved
  }

  /** A finding at an include line, once however often the line is read (a fragment two pages include). */
  private report(rule: RuleId, at: SourcePosition, message: string): void {
    const place = `${at.file}:${at.line}:${rule}:${message}`
    if (this.reported.has(place)) return
    this.reported.add(place)
    this.diagnostics.push(diagnostic(rule, at, message))
  }
}

function tagSelection(attrs: Record<string, string>): string {
  if (attrs.tags !== undefined) return `tags=${attrs.tags}`
  if (attrs.tag !== undefined) return `tag=${attrs.tag}`
  return ''
}

/** Attributes of the document model itself, which every page's own parse sets again: not handed on. */
const OWN_ATTRIBUTES = new Set(['authorcount', 'docfile', 'docname', 'doctitle', 'leveloffset', 'docdate', 'docdatetime', 'doctime', 'docyear', 'localdate', 'localdatetime', 'localtime', 'localyear'])
let defaults: Readonly<Record<string, unknown>> | undefined

/**
 * The attributes in effect at this point of the walk that a page must be given, over the built-in ones it
 * starts from anyway: all but Asciidoctor's own defaults (a fresh document has them, unchanged), those of
 * the document model itself and built-in ones with their built-in value. `docdir` stays: it is the book's
 * folder, which include targets start from.
 */
export function pageAttributes(doc: Document): Record<string, string> {
  const own = (defaults ??= freshDefaults(doc))
  const attributes = doc.getAttributes() as Record<string, unknown>
  const out: Record<string, string> = {}
  for (const name in attributes) {
    const value = attributes[name]
    if (value === null || value === undefined || own[name] === value || BUILTIN_ATTRIBUTES[name] === value) {
      if (name !== 'docdir') continue
    }
    if (!OWN_ATTRIBUTES.has(name)) out[name] = typeof value === 'string' ? value : String(value)
  }
  return out
}

function freshDefaults(doc: Document): Record<string, unknown> {
  const Fresh = doc.constructor as new (data: string, options: object) => Document
  return { ...(new Fresh('', { safe: 'safe' }).getAttributes() as Record<string, unknown>) }
}
