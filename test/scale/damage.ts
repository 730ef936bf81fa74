import fs from 'node:fs'
import path from 'node:path'

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = ReturnType<typeof prng>
export const int = (r: Random, n: number) => Math.floor(r() * n)

export const MUTATIONS: Record<string, (text: string, r: Random) => string | Uint8Array> = {
  truncate: (t, r) => t.slice(0, int(r, t.length)),
  duplicateLines: (t, r) => {
    const lines = t.split('\n')
    for (let k = int(r, 20) + 1; k > 0; k--) {
      const i = int(r, lines.length)
      lines.splice(i, 0, ...lines.slice(i, i + int(r, 5) + 1))
    }
    return lines.join('\n')
  },
  deleteLines: (t, r) => t.split('\n').filter(() => r() > 0.15).join('\n'),
  shuffleBlocks: (t, r) => {
    const blocks = t.split('\n\n')
    for (let i = blocks.length - 1; i > 0; i--) {
      const j = int(r, i + 1)
      ;[blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!]
    }
    return blocks.join('\n\n')
  },
  randomBytes: (t, r) => {
    const bytes = Buffer.from(t)
    const out = Buffer.alloc(bytes.length + 64)
    bytes.copy(out)
    for (let k = int(r, 64) + 1; k > 0; k--) out[int(r, out.length)] = int(r, 256)
    return new Uint8Array(out.subarray(0, bytes.length + int(r, 64)))
  },
  longLines: (t, r) => {
    const lines = t.split('\n')
    const filler = ['word ', '`code` ', '{attr} ', '[[x]] ', '== ', '{"a": [', '<id> ', '// TEST '][int(r, 8)]!
    lines.splice(int(r, lines.length), 0, filler.repeat(20_000 + int(r, 30_000)))
    return lines.join('\n')
  },
  flatten: (t) => t.replace(/\s+/g, ' '),
}

export function fixturePages(FIXTURES: string): { file: string; text: string }[] {
  return fs
    .readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.asciidoc'))
    .sort()
    .map((f) => ({ file: path.join(FIXTURES, f), text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') }))
}

