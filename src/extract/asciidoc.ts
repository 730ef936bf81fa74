import { Extensions, ListItem, load, MemoryLogger, LoggerManager, type AbstractBlock, type Document, type PreprocessorReader } from '@asciidoctor/core'
import { BUILTIN_ATTRIBUTES } from '../load/builtin-attributes.js'

// docspec reads a list item's source text (`rawText`), never Asciidoctor's conversion of it, which Asciidoctor
// 4 computes for every item while loading: its inline passthrough pattern rescans an item from every unclosed
// `+` or backtick, so an item of a few kilobytes of them took seconds. Unconverted, `getText()` gives the source.
ListItem.prototype.precomputeText = async () => undefined

/**
 * Parses loaded page lines with Asciidoctor. Includes were already expanded by `load` (inside the docs
 * root), so Asciidoctor runs in secure mode and reads nothing itself. Asciidoctor's own warnings
 * (section levels out of sequence, unterminated blocks …) are returned with their line numbers, and so
 * are the lines its preprocessor kept (`live`, 0-based): a false `ifdef` or `ifeval` drops the others.
 */
export async function parseAsciiDoc(
  lines: string[],
  attributes: Record<string, string>,
): Promise<{ doc: Document; messages: { severity: string; text: string; line?: number }[]; live: Set<number> }> {
  const logger = MemoryLogger.create()
  const previous = LoggerManager.getLogger()
  LoggerManager.setLogger(logger)
  const stray = strayMessages()
  try {
    // The docs build includes every page into a book, so a `= Title` page is a section there, not a
    // document header (whose next lines would be read as author and revision lines).
    const leveloffset = lines.some((l) => /^= \S/.test(l)) ? { leveloffset: '+1' } : {}
    const live = new Set<number>()
    const doc = await load(lines, { safe: 'secure', sourcemap: true, extension_registry: keptLines(live), attributes: { ...attributesFor(lines, attributes), ...leveloffset, 'attribute-missing': 'skip' } })
    const messages = logger.getMessages().map((m) => ({
      severity: String(m.getSeverity()),
      text: String(m.getText()),
      line: m.getSourceLocation()?.getLineNumber?.() ?? undefined,
    }))
    const said = new Set(messages.map((m) => m.text))
    return { doc, messages: [...messages, ...stray.messages.filter((m) => !said.has(m.text))], live }
  } finally {
    stray.restore()
    LoggerManager.setLogger(previous)
  }
}

type Message = { severity: string; text: string; line?: number }

/**
 * Asciidoctor's readers for nested content (a block in a list item) have no document, so they log to the
 * console instead of the logger: raw objects on the terminal, and the warning lost from the diagnostics.
 * While a page is parsed, such messages are collected (pages are parsed one at a time per thread).
 */
function strayMessages(): { messages: Message[]; restore: () => void } {
  const messages: Message[] = []
  const methods = { warn: 'WARN', error: 'ERROR', info: 'INFO', debug: 'DEBUG' } as const
  type Method = keyof typeof methods
  const originals = (Object.keys(methods) as Method[]).map((name) => [name, console[name]] as const)
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      const message = args[0] as { text?: unknown; source_location?: { lineno?: unknown } } | undefined
      if (args.length !== 1 || typeof message?.text !== 'string') return original.apply(console, args)
      const line = message.source_location?.lineno
      messages.push({ severity: methods[name], text: message.text, ...(typeof line === 'number' && { line }) })
    }
  }
  return { messages, restore: () => originals.forEach(([name, original]) => (console[name] = original)) }
}

const REFERENCE = /\{([\w][\w-]*)\}|^ifn?def::([^[]+)\[/gm

/**
 * What a page's parse needs of its attributes: those its lines name (`{name}`, `ifdef::name[]`) and those
 * their values name, and every one that is not built in with its built-in value (a book's settings).
 * Asciidoctor copies its attributes several times per parse, and the built-in ones number in the hundreds.
 */
function attributesFor(lines: string[], attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  // The page's own attributes: the built-in ones are its attributes' prototype (see `overBuiltins`).
  for (const name of Object.keys(attributes)) if (BUILTIN_ATTRIBUTES[name] !== attributes[name]) out[name] = attributes[name]!
  const named = (text: string) => {
    for (const m of text.matchAll(REFERENCE)) {
      for (const name of (m[1] ?? m[2]!).toLowerCase().split(/[,+]/)) {
        const value = attributes[name]
        if (value === undefined || name in out) continue
        out[name] = value
        if (value.includes('{')) named(value)
      }
    }
  }
  named(lines.join('\n'))
  return out
}

/** A preprocessor that notes each line Asciidoctor's reader hands on (as 0-based indexes into `live`): the lines no conditional dropped. */
function keptLines(live: Set<number>) {
  const registry = Extensions.create()
  registry.preprocessor(function () {
    this.process((_doc, reader) => {
      const r = reader as PreprocessorReader & { lineno: number; processLine(line: string): Promise<string | undefined> }
      const processLine = r.processLine.bind(r)
      r.processLine = async (line: string) => {
        const kept = await processLine(line)
        if (kept !== undefined) live.add(r.lineno - 1)
        return kept
      }
      return reader
    })
  })
  return registry
}

/** 0-based index into the loaded lines of the line a block starts on (its first line: title, delimiter or term). */
export function lineIndexOf(node: AbstractBlock | ListItem): number | undefined {
  const n = node.getLineNumber()
  return n === undefined ? undefined : n - 1
}

/**
 * The raw (unsubstituted) text of a list item. Asciidoctor 4 converts list item text while loading, and
 * `getText()` returns the converted HTML; docspec reads the source text, which it keeps in `_text`
 * (the parse-compatibility test fails if a version bump moves it).
 */
export function rawText(item: ListItem): string {
  const raw = (item as unknown as { _text?: string | null })._text
  return raw ?? ''
}

export function children(block: AbstractBlock): AbstractBlock[] {
  return (block.getBlocks?.() ?? []) as AbstractBlock[]
}
