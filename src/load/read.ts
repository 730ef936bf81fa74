import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic } from '../model/types.js'

/** Decodes a page's bytes: strips a BOM, normalises CRLF/CR to LF, refuses binary content. */
export function decodePage(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  const start = { file, line: 1, column: 1 }
  if (bytes.length === 0) return { text: '', diagnostics: [diagnostic('empty-file', start, 'The file is empty.')] }
  // Editors on Windows save UTF-16 with a byte order mark; Asciidoctor reads such files too.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(2)).replace(/\r\n?/g, '\n')
    return { text, diagnostics: [diagnostic('utf16-file', start, `The file is ${utf16.toUpperCase()} (byte order mark); read as such. Docs tools expect UTF-8.`)] }
  }
  if (looksBinary(bytes)) {
    return { text: '', diagnostics: [diagnostic('binary-file', start, 'The file is not text (NUL bytes or invalid UTF-8); it was not parsed.')] }
  }
  let text = new TextDecoder('utf-8').decode(bytes)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return { text: text.replace(/\r\n?/g, '\n'), diagnostics: [] }
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) return true
  const decoded = new TextDecoder('utf-8').decode(head)
  let bad = 0
  for (const ch of decoded) if (ch === '\ufffd') bad++
  // A few bad bytes can come from a cut at the 8 KiB boundary or a stray Latin-1 character; many mean binary.
  return bad > 8 && bad / decoded.length > 0.02
}
