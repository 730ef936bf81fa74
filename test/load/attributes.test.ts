import { describe, expect, it } from 'vitest'
import { resolveAttributeRefs } from '../../src/load/attributes.js'

describe('attribute references', () => {
  it('resolve values that refer to others, leave escaped and undefined ones as written', () => {
    const missing: [string, number][] = []
    const text = resolveAttributeRefs('{ml} {dfanalytics-job} \\{kept} {nope}', { ml: 'machine learning', 'dfanalytics-job': '{ml} job' }, (name, at) => missing.push([name, at]))
    expect(text).toBe('machine learning machine learning job {kept} {nope}')
    expect(missing).toEqual([['nope', 31]])
  })

  it('leave a value that refers back to itself as written', () => {
    expect(resolveAttributeRefs('{a} / {c}', { a: 'A{b}', b: 'B{a}', c: '{c}{c}' })).toBe('AB{a} / {c}{c}')
  })

  it('stay bounded when every value refers to the next one three times', () => {
    const attributes: Record<string, string> = { x31: 'end' }
    for (let i = 30; i >= 1; i--) attributes[`x${i}`] = `{x${i + 1}}`.repeat(3)
    // Expanded naively, {x1} is 3^30 references: the test would never end.
    const text = resolveAttributeRefs('{x1}', attributes)
    expect(text.length).toBeLessThanOrEqual(30_000)
    expect(text).toMatch(/^(?:\{x\d+\})+$/)
  })
})
