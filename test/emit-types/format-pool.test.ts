import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as prettier from 'prettier'
import { beforeAll, describe, expect, it } from 'vitest'
import type * as FormatPoolModule from '../../src/emit/format-pool.js'
import { ensureBuilt } from '../cli/run-cli.js'

let pool: typeof FormatPoolModule
const options = { parser: 'babel-ts', singleQuote: true, semi: false, filepath: 'x.ts' } as const
const texts = Array.from({ length: 6 }, (_, i) => `export interface Widget${i} { id: string; "size": number ; tags ?: string[] }\n`)

beforeAll(async () => {
  // The worker thread runs the built module.
  ensureBuilt()
  pool = (await import(pathToFileURL(path.resolve('dist/emit/format-pool.js')).href)) as typeof FormatPoolModule
}, 120_000)

describe('openFormatPool', () => {
  it('formats the first files in this thread and the rest on a worker, to prettier\'s bytes, in order', async () => {
    const formatter = pool.openFormatPool({ threads: 1, inline: 2 })
    try {
      const formatted = await Promise.all(texts.map((text) => formatter.format(text, options)))
      expect(formatted).toEqual(await Promise.all(texts.map((text) => prettier.format(text, options))))
      expect(formatter.offloaded).toBe(4)
    } finally {
      await formatter.close()
    }
  })

  it('fails the file a worker cannot format, with prettier\'s message', async () => {
    const formatter = pool.openFormatPool({ threads: 1, inline: 0 })
    try {
      await expect(formatter.format('export interface {', options)).rejects.toThrow(/Unexpected token|expected/i)
      expect(await formatter.format(texts[0]!, options)).toBe(await prettier.format(texts[0]!, options))
    } finally {
      await formatter.close()
    }
  })

  it('formats everything in this thread with no thread to spare', async () => {
    const formatter = pool.openFormatPool({ threads: 0, inline: 0 })
    expect(await formatter.format(texts[1]!, options)).toBe(await prettier.format(texts[1]!, options))
    expect(formatter.offloaded).toBe(0)
    await formatter.close()
  })
})
