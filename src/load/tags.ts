const TAG_LINE = /\b(tag|end)::([\w.*-]+)\[\]/

export interface TagSelection {
  runs: { lines: string[]; firstLine: number }[]
  /** Tags asked for that the file does not have. */
  missing: string[]
}

interface TagRequest {
  include: string[]
  exclude: string[]
  all: boolean
}

/** Tags asked for by `tag=x`, `tags=x;y`; `**` / `*` mean all lines but tag directives; `!x` excludes. */
function parseTags(attrlist: string): TagRequest | undefined {
  const m = /(?:^|,)\s*tags?\s*=\s*("([^"]*)"|[^,]*)/.exec(attrlist)
  if (!m) return undefined
  const names = (m[2] ?? m[1]!).split(/[;,]/).map((s) => s.trim()).filter(Boolean)
  return {
    include: names.filter((n) => !n.startsWith('!') && n !== '*' && n !== '**'),
    exclude: names.filter((n) => n.startsWith('!')).map((n) => n.slice(1)),
    all: names.some((n) => n === '*' || n === '**'),
  }
}

/**
 * An include target scanned once for its tag regions. Shared fragments (`ml-shared.asciidoc`, 1,500 lines
 * and hundreds of tags) are included hundreds of times per run, each time for another tag: selecting from
 * the regions costs the selected lines only, where a rescan cost the whole file.
 */
export class TaggedFile {
  private readonly lines: string[]
  private readonly directive: boolean[] = []
  /** Line indexes of `tag::name[]` and of its `end::name[]` (or the line count when never closed). */
  private readonly regions = new Map<string, [number, number][]>()
  private readonly seen = new Set<string>()
  /** Every `end::` closes the innermost open tag: only then are regions the same as the line-by-line reading. */
  private nested = true
  private readonly selections = new Map<string, TagSelection>()

  constructor(readonly content: string) {
    this.lines = content.split('\n')
    const open: [string, number][] = []
    this.lines.forEach((line, i) => {
      const m = TAG_LINE.exec(line)
      this.directive.push(m !== null)
      if (!m) return
      const [, kind, name] = m
      this.seen.add(name!)
      if (kind === 'tag') open.push([name!, i])
      else if (open.length > 0 && open[open.length - 1]![0] === name) this.addRegion(name!, open.pop()![1], i)
      else this.nested = false
    })
    for (const [name, start] of open) this.addRegion(name, start, this.lines.length)
  }

  /** The lines an include with this attribute list selects, in runs of consecutive lines. */
  select(attrlist: string): TagSelection {
    let selection = this.selections.get(attrlist)
    if (!selection) this.selections.set(attrlist, (selection = this.compute(parseTags(attrlist))))
    return selection
  }

  private addRegion(name: string, start: number, end: number): void {
    const list = this.regions.get(name)
    if (list) list.push([start, end])
    else this.regions.set(name, [[start, end]])
  }

  private compute(tags: TagRequest | undefined): TagSelection {
    if (!tags) return { runs: [{ lines: this.lines, firstLine: 1 }], missing: [] }
    const missing = tags.include.filter((t) => !this.seen.has(t))
    if (tags.all || !this.nested) return { runs: this.scan(tags), missing }
    const intervals = tags.include.flatMap((t) => this.regions.get(t) ?? []).sort((a, b) => a[0] - b[0])
    const runs: TagSelection['runs'] = []
    let covered = -1
    for (const [start, end] of intervals) {
      // A region nested in one already taken adds nothing; regions never partly overlap when nested.
      if (start < covered) continue
      covered = end
      let from = start + 1
      for (let i = start + 1; i <= end; i++) {
        if (i < end && !this.directive[i]) continue
        if (i > from) runs.push({ lines: this.lines.slice(from, i), firstLine: from + 1 })
        from = i + 1
      }
    }
    return { runs, missing }
  }

  /** Line-by-line reading, for `*` / `**` and for files whose tags do not nest. */
  private scan(tags: TagRequest): TagSelection['runs'] {
    const runs: TagSelection['runs'] = []
    const open: string[] = []
    let run: TagSelection['runs'][number] | undefined
    this.lines.forEach((line, i) => {
      const m = this.directive[i] ? TAG_LINE.exec(line) : null
      if (m) {
        const [, kind, name] = m
        if (kind === 'tag') open.push(name!)
        else open.splice(open.lastIndexOf(name!), 1)
        run = undefined
        return
      }
      const wanted = open.some((t) => tags.include.includes(t)) || (tags.all && !open.some((t) => tags.exclude.includes(t)))
      if (!wanted) {
        run = undefined
        return
      }
      if (!run) runs.push((run = { lines: [], firstLine: i + 1 }))
      run.lines.push(line)
    })
    return runs
  }
}
