import fs from 'node:fs'
import path from 'node:path'

/** Pages larger than this are refused rather than parsed for minutes. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024

/** Page files under the inputs: files as given, folders walked for `*.asciidoc` / `*.adoc`, sorted. */
export function findPages(inputs: string[]): string[] {
  const out = new Set<string>()
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        if (entry.startsWith('.') || entry === 'node_modules') continue
        const child = path.join(p, entry)
        if (fs.statSync(child, { throwIfNoEntry: false })?.isDirectory() || /\.(asciidoc|adoc)$/.test(entry)) walk(child)
      }
    } else out.add(path.resolve(p))
  }
  inputs.forEach(walk)
  return [...out].sort()
}

/** The file's bytes, or undefined when it cannot be read or is too large (loading reports those; nothing is cached). */
export function readPageBytes(file: string): Uint8Array | undefined {
  try {
    return fs.statSync(file).size > MAX_PAGE_BYTES ? undefined : fs.readFileSync(file)
  } catch {
    return undefined
  }
}
