import { describe, expect, it } from 'vitest'
import { TaggedFile } from '../../src/load/tags.js'
import { int, prng } from './damage.js'

/** The line-by-line reading the tag index must agree with (Asciidoctor's rules as docspec applies them). */
function reference(content: string, attrlist: string): { runs: { lines: string[]; firstLine: number }[]; missing: string[] } {
  const lines = content.split('\n')
  const m = /(?:^|,)\s*tags?\s*=\s*("([^"]*)"|[^,]*)/.exec(attrlist)
  if (!m) return { runs: [{ lines, firstLine: 1 }], missing: [] }
  const names = (m[2] ?? m[1]!).split(/[;,]/).map((s) => s.trim()).filter(Boolean)
  const include = names.filter((n) => !n.startsWith('!') && n !== '*' && n !== '**')
  const exclude = names.filter((n) => n.startsWith('!')).map((n) => n.slice(1))
  const all = names.some((n) => n === '*' || n === '**')
  const runs: { lines: string[]; firstLine: number }[] = []
  const seen = new Set<string>()
  const open: string[] = []
  let run: { lines: string[]; firstLine: number } | undefined
  lines.forEach((line, i) => {
    const t = /\b(tag|end)::([\w.*-]+)\[\]/.exec(line)
    if (t) {
      if (t[1] === 'tag') open.push(t[2]!)
      else open.splice(open.lastIndexOf(t[2]!), 1)
      seen.add(t[2]!)
      run = undefined
      return
    }
    if (!(open.some((o) => include.includes(o)) || (all && !open.some((o) => exclude.includes(o))))) {
      run = undefined
      return
    }
    if (!run) runs.push((run = { lines: [], firstLine: i + 1 }))
    run.lines.push(line)
  })
  return { runs, missing: include.filter((t) => !seen.has(t)) }
}

const FILE = ['intro', '// tag::a[]', 'a1', 'tag::b[]', 'b1', 'end::b[]', 'a2', 'end::a[]', 'between', 'tag::c[]', 'c1', '', 'c2', 'end::c[]', 'tag::a[]', 'a3', 'end::a[]', 'outro'].join('\n')

describe('include tag selection from the tag index', () => {
  it.each([
    ['tag=a', [[3, ['a1']], [5, ['b1']], [7, ['a2']], [16, ['a3']]]],
    ['tag=b', [[5, ['b1']]]],
    ['tags=c;b', [[5, ['b1']], [11, ['c1', '', 'c2']]]],
    ['tags="a,c"', [[3, ['a1']], [5, ['b1']], [7, ['a2']], [11, ['c1', '', 'c2']], [16, ['a3']]]],
    ['tags=**;!a', [[1, ['intro']], [9, ['between']], [11, ['c1', '', 'c2']], [18, ['outro']]]],
    ['tag=zz', []],
  ])('%s', (attrlist, want) => {
    const got = new TaggedFile(FILE).select(attrlist)
    expect(got.runs.map((r) => [r.firstLine, r.lines])).toEqual(want)
    expect(got).toEqual(reference(FILE, attrlist))
  })

  it('reports tags the file does not have', () => {
    expect(new TaggedFile(FILE).select('tags=a;zz;!q').missing).toEqual(['zz'])
  })

  it('agrees with the line-by-line reading on random files, unclosed and crossed tags included', () => {
    const r = prng(42)
    const pick = <T>(xs: T[]) => xs[int(r, xs.length)]!
    for (let n = 0; n < 3000; n++) {
      const lines = Array.from({ length: int(r, 16) }, () => pick(['x', 'y', '', 'tag::a[]', 'end::a[]', 'tag::b[]', 'end::b[]', '// tag::c[] here', 'end::c[]', 'tag::a.b-c[]', 'end::a.b-c[]']))
      const content = lines.join('\n')
      const attrlist = pick(['', 'tag=a', 'tags=a;b', 'tag=c', 'tags=**', 'tags=*;!b', 'tag=a.b-c', 'leveloffset=+1,tag=b', 'tags="a,c"'])
      const file = new TaggedFile(content)
      expect(file.select(attrlist), `${JSON.stringify(content)} [${attrlist}]`).toEqual(reference(content, attrlist))
    }
  })
})
