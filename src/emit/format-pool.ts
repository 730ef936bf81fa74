/**
 * Prettier on worker threads. Printing a page's module from ts-morph structures and formatting its text cost
 * about the same, so while this thread prints the next modules, workers format the ones printed: on two cores
 * a cold run's emission takes about half the time. A worker loads prettier before its first file (a few
 * hundred milliseconds), so the first `INLINE_FILES` files of a run are formatted in this thread, and workers
 * start only for a run that formats more: a rebuild after one page changed starts none. The bytes are
 * prettier's either way.
 */
import fs from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type * as prettier from 'prettier'
import { formatTs, type FormatTs } from './format.js'

export interface FormatJob {
  id: number
  text: string
  options: prettier.Options
}

export type FormatReply = { id: number; content: string } | { id: number; error: string }

const WORKER = fileURLToPath(new URL('./format-worker.js', import.meta.url))

/** Files formatted in this thread before workers start. */
export const INLINE_FILES = 40

export interface FormatPool {
  format: FormatTs
  /** Files the workers formatted. */
  readonly offloaded: number
  close(): Promise<void>
}

/**
 * A formatter that hands files to `threads` workers (default: one per CPU but the one this thread keeps)
 * once `inline` files have been formatted here. With no thread to spare, or run from the TypeScript sources
 * (no built worker module), everything is formatted in this thread.
 */
export function openFormatPool(options: { threads?: number; inline?: number } = {}): FormatPool {
  const threads = options.threads ?? os.availableParallelism() - 1
  const inline = options.inline ?? INLINE_FILES
  const usable = threads >= 1 && fs.existsSync(WORKER)
  const workers: Worker[] = []
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>()
  let calls = 0
  let offloaded = 0
  let failure: Error | undefined

  const start = (): void => {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER)
      worker.on('message', (reply: FormatReply) => {
        const job = waiting.get(reply.id)
        waiting.delete(reply.id)
        if ('error' in reply) job?.reject(new Error(reply.error))
        else job?.resolve(reply.content)
      })
      worker.on('error', (error) => fail(error))
      worker.on('exit', (code) => fail(new Error(`a formatting worker stopped (exit code ${code})`)))
      workers.push(worker)
    }
  }
  const fail = (error: Error): void => {
    failure ??= error
    for (const job of waiting.values()) job.reject(failure)
    waiting.clear()
  }

  const format: FormatTs = (text, formatOptions) => {
    const id = calls++
    if (!usable || id < inline) return formatTs(text, formatOptions)
    if (failure) return Promise.reject(failure)
    if (workers.length === 0) start()
    offloaded++
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject })
      workers[id % workers.length]!.postMessage({ id, text, options: formatOptions } satisfies FormatJob)
    })
  }

  return {
    format,
    get offloaded() {
      return offloaded
    },
    async close() {
      const running = workers.splice(0)
      for (const worker of running) worker.removeAllListeners('exit')
      await Promise.all(running.map((worker) => worker.terminate()))
    },
  }
}
