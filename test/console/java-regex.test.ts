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

  it('rejects the comments flag, whose meaning JavaScript cannot keep', () => {
    expect(() => translateJavaRegex('(?x) a b')).toThrow(/\(\?x\)/)
  })

  it('adds flags when compiling', () => {
    expect(compileJavaRegex('(?i)a', 'g').flags).toBe('gi')
  })
})
