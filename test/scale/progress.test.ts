import { describe, expect, it } from 'vitest'
import { progressReporter } from '../../src/cli/progress.js'

function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { text: '', isTTY, columns: 80, write(chunk: string) { s.text += chunk; return true }, cursorTo() { return true }, clearLine() { return true }, moveCursor() { return true }, on() { return s }, removeListener() { return s } }
  return s as unknown as NodeJS.WriteStream & { text: string }
}

function run(ticks: number, options: Parameters<typeof progressReporter>[1]): void {
  const progress = progressReporter('extract', options)
  progress.start(ticks)
  for (let i = 0; i < ticks; i++) progress.tick()
  progress.stop()
}

describe('progress on stderr', () => {
  it.each([
    ['a line every 500 pages when not a terminal', 1200, 500, ['extract: 500/1200 pages', 'extract: 1000/1200 pages']],
    ['no line for a run shorter than one step', 499, 500, []],
    ['no line at the very end (the summary says it)', 1000, 500, ['extract: 500/1000 pages']],
  ])('%s', (_name, ticks, everyPages, want) => {
    const s = stream(false)
    run(ticks, { stream: s, everyPages, everyMs: 60_000 })
    expect(s.text.split('\n').filter(Boolean).map((l) => l.replace(/, [\d.]+ s$/, ''))).toEqual(want)
  })

  it.each([true, false])('prints nothing when quiet (terminal: %s)', (isTTY) => {
    const s = stream(isTTY)
    run(2000, { stream: s, quiet: true, everyPages: 1 })
    expect(s.text).toBe('')
  })

  it('shows no bar on a terminal for a run that ends within a second', () => {
    const s = stream(true)
    run(2000, { stream: s })
    expect(s.text).toBe('')
  })
})
