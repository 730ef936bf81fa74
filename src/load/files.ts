import fs from 'node:fs'
import path from 'node:path'

/** Pages larger than this are refused rather than parsed for minutes. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024

/**
 * Page files under the inputs: files as given, folders walked for `*.asciidoc` / `*.adoc`, sorted. A walk
 * enters a linked folder only when it lies inside the folder walked and was not entered before (a link to `/`
 * or a link loop would walk forever); linked and special files are returned, for loading to refuse.
 */
export function findPages(inputs: string[]): string[] {
  const out = new Set<string>()
  for (const input of inputs) {
    const stat = statOrUndefined(input)
    if (!stat) continue
    if (stat.isDirectory()) walkFolder(input, out)
    else out.add(path.resolve(input))
  }
  return [...out].sort()
}

function walkFolder(folder: string, out: Set<string>): void {
  const top = fs.realpathSync(folder)
  const entered = new Set<string>()
  const pending = [folder]
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const real = realpathOrUndefined(dir)
    if (real === undefined || entered.has(real) || !inside(top, real)) continue
    entered.add(real)
    let entries: string[]
    try {
      entries = fs.readdirSync(dir).sort()
    } catch {
      continue
    }
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === 'node_modules') continue
      const child = path.join(dir, entry)
      if (statOrUndefined(child)?.isDirectory()) pending.push(child)
      else if (/\.(asciidoc|adoc)$/.test(entry)) out.add(path.resolve(child))
    }
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p)
  } catch {
    return undefined
  }
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p)
  } catch {
    return undefined
  }
}

/** Whether `p` is `root` or lies under it. */
export function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * The file's bytes, or undefined when it cannot be read, is no regular file, is too large or is a link from
 * inside `root` to outside it (loading reports those; nothing is cached).
 */
export function readPageBytes(file: string, root: string): Uint8Array | undefined {
  try {
    const stat = fs.statSync(file)
    if (inside(root, file) && !inside(fs.realpathSync(root), fs.realpathSync(file))) return undefined
    return !stat.isFile() || stat.size > MAX_PAGE_BYTES ? undefined : fs.readFileSync(file)
  } catch {
    return undefined
  }
}
