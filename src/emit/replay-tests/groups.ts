/**
 * Which replay test file holds which page. A test file costs vitest about as much to collect as a hundred
 * tests cost to run (it is transformed, sent to a worker, collected and reported on its own), so pages are
 * grouped by the folder they are in: a folder whose pages, with those of subfolders not grouped on their
 * own, hold at least `MIN_GROUP_TESTS` tests has a file of its own; smaller ones go to their parent's. The
 * docs root's file holds what is left.
 */

/** Tests a folder's pages must hold for a file of their own. */
export const MIN_GROUP_TESTS = 100

export interface GroupedPage {
  /** The page's path relative to the docs root. */
  file: string
  tests: number
}

/** The pages (in their order) of each group, by the group's folder ('' for the docs root), folders sorted. */
export function groupByFolder<P extends GroupedPage>(pages: readonly P[]): Map<string, P[]> {
  const own = new Map<string, P[]>()
  for (const page of pages) push(own, folderOf(page.file), page)
  // Deepest folders first, so that each folder has received its small subfolders' pages when it is decided.
  const folders = new Set<string>()
  for (const folder of own.keys()) for (let f: string | undefined = folder; f !== undefined; f = parentOf(f)) folders.add(f)
  const order = [...folders].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0))
  const carried = new Map<string, P[]>()
  const groups = new Map<string, P[]>()
  for (const folder of order) {
    const held = [...(own.get(folder) ?? []), ...(carried.get(folder) ?? [])]
    if (held.length === 0) continue
    const parent = parentOf(folder)
    if (parent === undefined || held.reduce((n, p) => n + p.tests, 0) >= MIN_GROUP_TESTS) groups.set(folder, held)
    else for (const page of held) push(carried, parent, page)
  }
  const index = new Map(pages.map((page, i) => [page, i]))
  return new Map([...groups.keys()].sort().map((folder) => [folder, groups.get(folder)!.sort((a, b) => index.get(a)! - index.get(b)!)]))
}

function folderOf(file: string): string {
  const at = file.lastIndexOf('/')
  return at < 0 ? '' : file.slice(0, at)
}

function parentOf(folder: string): string | undefined {
  return folder === '' ? undefined : folderOf(folder)
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
