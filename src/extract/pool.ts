import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { LoadOptions, PagePlan } from '../load/index.js'
import { extractFile, type FileResult } from './file.js'

export interface PageJob {
  /** Position of the file in the run's sorted file list. */
  index: number
  file: string
  /** The file's bytes when already read (for the cache); else the file is read where it is extracted. */
  bytes?: Uint8Array
  /** How its book reads the file, when a book does. */
  plan?: PagePlan
}

export interface WorkerMessage {
  id: number
  result?: FileResult
  error?: string
}

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url))

/** Each worker loads Asciidoctor and warms up on its own: below this many pages per worker that costs more than it saves. */
const MIN_PAGES_PER_WORKER = 150

/**
 * Extracts the jobs in this thread, or on `workers` worker threads when there are enough of them (and the
 * built worker module exists: run from TypeScript sources, extraction stays in this thread).
 */
export async function extractJobs(
  jobs: PageJob[],
  options: Omit<LoadOptions, 'cache'>,
  workers: number,
  done: (job: PageJob, result: FileResult) => void,
): Promise<void> {
  const count = Math.min(workers, Math.floor(jobs.length / MIN_PAGES_PER_WORKER))
  if (count >= 2 && fs.existsSync(WORKER)) return runWorkers(jobs, options, count, done)
  const cache = new Map<string, string | null>()
  for (const job of jobs) done(job, await extractFile(job.file, { ...options, cache }, job.bytes, job.plan))
}

function runWorkers(jobs: PageJob[], options: Omit<LoadOptions, 'cache'>, count: number, done: (job: PageJob, result: FileResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0
    let finished = 0
    let settled = false
    const pool = Array.from({ length: count }, () => new Worker(WORKER, { workerData: options }))
    const end = (error?: unknown) => {
      if (settled) return
      settled = true
      void Promise.all(pool.map((w) => w.terminate())).then(() => (error === undefined ? resolve() : reject(error)))
    }
    const feed = (worker: Worker) => {
      if (next >= jobs.length) return
      const job = jobs[next]!
      worker.postMessage({ id: next++, file: job.file, bytes: job.bytes, plan: job.plan })
    }
    for (const worker of pool) {
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return
        if (message.error !== undefined) return end(new Error(`extraction failed in a worker thread: ${message.error}`))
        try {
          done(jobs[message.id]!, message.result!)
        } catch (error) {
          return end(error)
        }
        if (++finished === jobs.length) end()
        else feed(worker)
      })
      worker.on('error', end)
      worker.on('exit', (code) => end(new Error(`an extraction worker stopped (exit code ${code})`)))
      // Two pages in flight per worker, so that it never waits for this thread between pages.
      feed(worker)
      feed(worker)
    }
  })
}
