import { describe, expect, it } from 'vitest'
import { compileJavaRegex, translateJavaRegex } from '../../src/console/java-regex.js'

describe('translateJavaRegex', () => {
  it.each([
    ['\\A', '^'],
    ['x\\z', 'x$(?![\\s\\S])'],
    ['[\\A]', '[\\A]'],
    ['a$', 'a(?=\\n?$)'],
    ['(?m)a$', 'a$'],
  ])('translates anchors: %s', (pattern, source) => {
    expect(translateJavaRegex(pattern).source).toBe(source)
  })

  it.each([
    ['(?s)a', 's'],
    ['(?iu)a', 'i'],
    ['(?msm)a', 'ms'],
  ])('takes leading inline flags: %s', (pattern, flags) => {
    expect(translateJavaRegex(pattern).flags).toBe(flags)
  })

  it('reads the comments flag as Java does: white space dropped (in classes too), # to the line end a comment', () => {
    expect(translateJavaRegex('(?x) a b # a comment\n [ c] \\ d').source).toBe('ab[c] d')
    expect(compileJavaRegex('(?x)^ \\d+ \\s+ \\w+ $').test('12   ab')).toBe(true)
  })

  it('adds flags when compiling', () => {
    expect(compileJavaRegex('(?i)a', 'g').flags).toBe('gi')
  })
})
