import { walkFile } from './book-walk.js'

export interface AttributesRead {
  attributes: Record<string, string>
  errors: { line: number; message: string }[]
}

/**
 * The attributes an `--attributes` file sets: a JSON object of strings, or any AsciiDoc file read as
 * Asciidoctor reads it (`:name: value` entries, conditionals, includes inside the docs root, the docs
 * build's `{docs-root}` files stood in for), as `docs/Versions.asciidoc` is.
 */
export async function readAttributesText(text: string, absFile: string, options: { root: string; readable?: readonly string[]; cache?: Map<string, string | null> }): Promise<AttributesRead> {
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) return jsonAttributes(trimmed)
  const walk = await walkFile(absFile, text, { root: options.root, ...(options.readable && { readable: options.readable }), attributes: {}, cache: options.cache ?? new Map() })
  const errors = walk.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ line: d.line, message: `${d.message} (${d.rule})` }))
  // The folder of the attributes file is no docdir of the pages.
  const { docdir: _docdir, ...attributes } = walk.final
  return { attributes, errors }
}

function jsonAttributes(text: string): AttributesRead {
  try {
    const value: unknown = JSON.parse(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return { attributes: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])), errors: [] }
    }
    return { attributes: {}, errors: [{ line: 1, message: 'a JSON attributes file holds one object of names and values' }] }
  } catch (error) {
    return { attributes: {}, errors: [{ line: 1, message: `invalid JSON: ${(error as Error).message}` }] }
  }
}
