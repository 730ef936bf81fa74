import { load, MemoryLogger, LoggerManager, type AbstractBlock, type Document, type ListItem } from '@asciidoctor/core'

/**
 * Parses loaded page lines with Asciidoctor. Includes were already expanded by `load` (inside the docs
 * root), so Asciidoctor runs in secure mode and reads nothing itself. Asciidoctor's own warnings
 * (section levels out of sequence, unterminated blocks …) are returned with their line numbers.
 */
export async function parseAsciiDoc(
  lines: string[],
  attributes: Record<string, string>,
): Promise<{ doc: Document; messages: { severity: string; text: string; line?: number }[] }> {
  const logger = MemoryLogger.create()
  const previous = LoggerManager.getLogger()
  LoggerManager.setLogger(logger)
  try {
    // The docs build includes every page into a book, so a `= Title` page is a section there, not a
    // document header (whose next lines would be read as author and revision lines).
    const leveloffset = lines.some((l) => /^= \S/.test(l)) ? { leveloffset: '+1' } : {}
    const doc = await load(lines, { safe: 'secure', sourcemap: true, attributes: { ...attributes, ...leveloffset, 'attribute-missing': 'skip' } })
    const messages = logger.getMessages().map((m) => ({
      severity: String(m.getSeverity()),
      text: String(m.getText()),
      line: m.getSourceLocation()?.getLineNumber?.() ?? undefined,
    }))
    return { doc, messages }
  } finally {
    LoggerManager.setLogger(previous)
  }
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
