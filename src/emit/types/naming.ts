/**
 * Type and module names for generated types.
 *
 * Naming rule: a page's base name is `<Namespace><Action>`, both in PascalCase.
 * - Namespace: the first segment of the page's first endpoint path when it is an API namespace
 *   (starts with `_`, e.g. `/_rollup/job/{job_id}/_stop` → `Rollup`), or, after leading placeholders, an
 *   `_` segment followed by a literal one (`/{index}/_ilm/explain` → `Ilm`); none for paths such as
 *   `/{index}/_doc/{id}` or `/{index}/_mget`, where the `_` segment is the action.
 * - Action: the title's words without a trailing "API"/"APIs" and without words repeating the namespace.
 *   A plural title word is written singular when the page id spells it so, because the id is the docs' own
 *   short name (`Stop rollup jobs API`, id `rollup-stop-job` → `Stop Job`). No other English rules apply.
 * - Falls back to the page id, then the file name, when the title yields nothing; a name starting with a
 *   digit gets an `Api` prefix. Only ASCII letters and digits survive, so every name is an identifier.
 * - At most `MAX_BASE_NAME` characters, cut after a whole word; a name Windows reserves for devices (`Con`,
 *   `Nul`) gets an `Api` suffix, so that every module file can be written everywhere.
 * The page's types are `<Base>Request`, `<Base>Response`, `<Base>Error` and nested `<Base>Request<Prop>`…;
 * its module is `types/<Base>.ts`. Bases that collide (case-insensitively, as module files would on
 * case-insensitive file systems) are resolved by file order: the first page keeps the name, later ones get
 * `2`, `3`, … and a `name-collision` warning.
 */
import { diagnostic } from '../../model/diagnostic.js'
import type { Diagnostic, PageModel } from '../../model/types.js'

const API_WORDS = new Set(['api', 'apis'])

/** ASCII words of a text (accents dropped): `Stop {rollup-jobs} API` → `Stop`, `rollup`, `jobs`, `API`. */
function wordsOf(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').match(/[A-Za-z0-9]+/g) ?? []
}

function pascalCase(words: string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('')
}

/** A PascalCase identifier from free text; `fallback` when the text has no ASCII letters or digits. */
function identifierFrom(text: string, fallback: string): string {
  const name = pascalCase(wordsOf(text)) || fallback
  return /^[0-9]/.test(name) ? `Api${name}` : name
}

function namespaceWords(page: PageModel): string[] {
  const segments = page.endpoints[0]?.path.split('/').filter((s) => s !== '') ?? []
  const at = segments.findIndex((s) => !s.startsWith('{'))
  const first = segments[at]
  const next = segments[at + 1]
  return first?.startsWith('_') && (at === 0 || (next !== undefined && !next.startsWith('{'))) ? wordsOf(first) : []
}

function singularPerId(word: string, idWords: Set<string>): string {
  const lower = word.toLowerCase()
  if (idWords.has(lower)) return word
  const candidates = lower.endsWith('ies') ? [`${lower.slice(0, -3)}y`, lower.slice(0, -1)] : [lower.slice(0, -1)]
  return lower.endsWith('s') ? (candidates.find((c) => idWords.has(c)) ?? word) : word
}

/** The base name of a page before collision handling. */
export function baseName(page: PageModel): string {
  const namespace = namespaceWords(page)
  const ns = new Set(namespace.map((w) => w.toLowerCase()))
  const idWords = new Set(wordsOf(page.id).map((w) => w.toLowerCase()))
  const titleWords = wordsOf(page.title)
  while (titleWords.length > 0 && API_WORDS.has(titleWords[titleWords.length - 1]!.toLowerCase())) titleWords.pop()
  const action = titleWords
    .filter((w) => !ns.has(w.toLowerCase()) && !ns.has(w.toLowerCase().replace(/s$/, '')))
    .map((w) => singularPerId(w, idWords))
  const fileStem = page.file.split('/').pop()?.replace(/\.[^.]*$/, '') ?? ''
  const fallback = identifierFrom(page.id, identifierFrom(fileStem, 'Page'))
  const name = bounded(pascalCase([...namespace, ...action]) || fallback)
  // `types/Con.ts`, `types/Nul.ts` cannot be written on Windows.
  return /^[0-9]/.test(name) ? `Api${name}` : WINDOWS_RESERVED.test(name) ? `${name}Api` : name
}

/** Longest base name: its module file and its nested type names stay well within file-name limits. */
export const MAX_BASE_NAME = 64

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/** A name cut after its last whole word within `MAX_BASE_NAME` (a 300-character title is no file name). */
function bounded(name: string): string {
  if (name.length <= MAX_BASE_NAME) return name
  const cut = name.slice(0, MAX_BASE_NAME + 1).search(/[A-Z0-9][^A-Z0-9]*$/)
  return name.slice(0, cut > 0 ? cut : MAX_BASE_NAME)
}

/**
 * Unique base names for pages already sorted by file, with a warning for every renamed page. `reserved`
 * bases belong to docspec's shared types.
 */
export function assignBaseNames(
  pages: PageModel[],
  reserved: string[],
): { names: Map<PageModel, string>; diagnostics: Diagnostic[] } {
  const natural = pages.map(baseName)
  const naturalTaken = new Set([...natural, ...reserved].map((n) => n.toLowerCase()))
  const assigned = new Set(reserved.map((n) => n.toLowerCase()))
  const firstFile = new Map(reserved.map((n) => [n.toLowerCase(), "docspec's shared types"]))
  const names = new Map<PageModel, string>()
  const diagnostics: Diagnostic[] = []
  pages.forEach((page, i) => {
    const wanted = natural[i]!
    let name = wanted
    if (assigned.has(name.toLowerCase())) {
      let n = 2
      while (naturalTaken.has(`${wanted}${n}`.toLowerCase()) || assigned.has(`${wanted}${n}`.toLowerCase())) n++
      name = `${wanted}${n}`
      const at = { file: page.file, line: page.endpoints[0]?.position.line ?? 1, column: 1 }
      diagnostics.push(diagnostic('name-collision', at, `type name ${wanted} is already derived from ${firstFile.get(wanted.toLowerCase())}; this page's types are named ${name}`))
    } else {
      firstFile.set(name.toLowerCase(), page.file)
    }
    assigned.add(name.toLowerCase())
    names.set(page, name)
  })
  return { names, diagnostics }
}

/**
 * Exported type names across all generated modules. Every module is re-exported from one index, so a
 * nested name (e.g. `AResponseRequest` for field `request`) must not clash with another page's top-level
 * name (page `AResponse`); clashes get a numeric suffix. A page's names all continue its base name with a
 * new word (nested ones extend the name of the type holding them), so the names taken before a page that
 * do so (`under`) are all that can change the names it gets.
 */
export class NameRegistry {
  private readonly taken = new Set<string>()
  private readonly log: string[] = []
  private readonly byBase = new Map<string, string[]>()

  /** `bases`: the page base names whose `under` is asked. */
  constructor(bases: Iterable<string> = []) {
    for (const base of bases) this.byBase.set(base, [])
  }

  reserve(name: string): void {
    if (this.taken.has(name)) return
    this.taken.add(name)
    this.log.push(name)
    for (let i = 1; i < name.length; i++) if (/[A-Z0-9]/.test(name[i]!)) this.byBase.get(name.slice(0, i))?.push(name)
  }

  /** `prefix + PascalCase(hint)`, made unique. */
  claim(prefix: string, hint: string): string {
    const base = `${prefix}${pascalCase(wordsOf(hint)) || 'Field'}`
    let name = base
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`
    this.reserve(name)
    return name
  }

  /** How many names are taken: a mark for `since`. */
  get size(): number {
    return this.log.length
  }

  /** The names taken after `mark`, in order. */
  since(mark: number): string[] {
    return this.log.slice(mark)
  }

  /** The names taken that continue `base` (one of the constructor's) with a new word, sorted. */
  under(base: string): string[] {
    return [...(this.byBase.get(base) ?? [])].sort()
  }
}

/** An interface property name: bare when it is an identifier, quoted otherwise. */
export function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)
}
