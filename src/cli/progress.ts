import cliProgress from 'cli-progress'

import type { Progress } from '../run/index.js'

export interface ProgressOptions {
  quiet?: boolean
  stream?: NodeJS.WriteStream
  /** Plain (non-TTY) output: a line every this many pages … */
  everyPages?: number
  /** … or this many milliseconds, whichever comes first. */
  everyMs?: number
}

const NONE: Progress = { start() {}, tick() {}, stop() {} }

/** A TTY bar shows up only once a run has lasted this long: short runs stay silent. */
const BAR_AFTER_MS = 1000

/**
 * Progress of a long run on stderr: a bar when stderr is a terminal, plain periodic lines otherwise (CI
 * logs), nothing when quiet.
 */
export function progressReporter(label: string, options: ProgressOptions = {}): Progress {
  if (options.quiet) return NONE
  const stream = options.stream ?? process.stderr
  return stream.isTTY ? barProgress(label, stream) : lineProgress(label, stream, options.everyPages ?? 500, options.everyMs ?? 10_000)
}

function barProgress(label: string, stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total} pages | {duration_formatted}`, clearOnComplete: true, hideCursor: null },
    cliProgress.Presets.shades_classic,
  )
  let total = 0
  let done = 0
  let started = 0
  let shown = false
  return {
    start(n) {
      total = n
      started = Date.now()
    },
    tick() {
      done++
      if (!shown && Date.now() - started >= BAR_AFTER_MS && done < total) {
        bar.start(total, done)
        shown = true
      } else if (shown) bar.update(done)
    },
    stop() {
      if (shown) bar.stop()
    },
  }
}

function lineProgress(label: string, stream: NodeJS.WritableStream, everyPages: number, everyMs: number): Progress {
  let total = 0
  let done = 0
  let started = 0
  let lastLine = 0
  let lastCount = 0
  return {
    start(n) {
      total = n
      started = lastLine = Date.now()
    },
    tick() {
      done++
      const now = Date.now()
      if (done < total && (done - lastCount >= everyPages || now - lastLine >= everyMs)) {
        stream.write(`${label}: ${done}/${total} pages, ${((now - started) / 1000).toFixed(1)} s\n`)
        lastLine = now
        lastCount = done
      }
    },
    stop() {},
  }
}
