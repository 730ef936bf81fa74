import { describe, expect, it } from 'vitest'
import { groupByFolder, MIN_GROUP_TESTS } from '../../src/emit/replay-tests/groups.js'

const big = MIN_GROUP_TESTS
const ids = (groups: Map<string, { file: string }[]>) => Object.fromEntries([...groups].map(([folder, pages]) => [folder, pages.map((p) => p.file)]))

describe('groupByFolder', () => {
  it('puts everything in the docs root when no folder holds enough tests', () => {
    expect(ids(groupByFolder([{ file: 'a/x.adoc', tests: 3 }, { file: 'b/c/y.adoc', tests: 4 }, { file: 'z.adoc', tests: 1 }]))).toEqual({
      '': ['a/x.adoc', 'b/c/y.adoc', 'z.adoc'],
    })
  })

  it('gives a folder with enough tests its own group; small subfolders join the nearest grouped parent', () => {
    const pages = [
      { file: 'ref/aggs/a.adoc', tests: big },
      { file: 'ref/aggs/deep/b.adoc', tests: 1 },
      { file: 'ref/c.adoc', tests: 2 },
      { file: 'ref/small/d.adoc', tests: 3 },
      { file: 'top.adoc', tests: 1 },
    ]
    expect(ids(groupByFolder(pages))).toEqual({
      '': ['ref/c.adoc', 'ref/small/d.adoc', 'top.adoc'],
      'ref/aggs': ['ref/aggs/a.adoc', 'ref/aggs/deep/b.adoc'],
    })
  })

  it('counts a folder with the small subfolders carried into it', () => {
    const pages = [
      { file: 'ref/one/a.adoc', tests: big / 2 },
      { file: 'ref/two/b.adoc', tests: big / 2 },
      { file: 'c.adoc', tests: 1 },
    ]
    expect(ids(groupByFolder(pages))).toEqual({ '': ['c.adoc'], ref: ['ref/one/a.adoc', 'ref/two/b.adoc'] })
  })

  it('keeps the pages of each group in their given order', () => {
    const pages = [{ file: 'b.adoc', tests: 1 }, { file: 'x/a.adoc', tests: 1 }, { file: 'a.adoc', tests: 1 }]
    expect(ids(groupByFolder(pages))).toEqual({ '': ['b.adoc', 'x/a.adoc', 'a.adoc'] })
  })
})
