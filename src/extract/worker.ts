/** Extraction worker thread (see `pool.ts`): extracts the pages it is sent, one at a time, with its own include cache. */
import { parentPort, workerData } from 'node:worker_threads'
import type { LoadOptions, PagePlan } from '../load/index.js'
import { extractFile } from './file.js'
import type { WorkerMessage } from './pool.js'

const options = workerData as Omit<LoadOptions, 'cache'>
const cache = new Map<string, string | null>()
const queue: { id: number; file: string; bytes?: Uint8Array; plan?: PagePlan }[] = []
let busy = false

// Pages run strictly in turn: the Asciidoctor parse swaps a process-wide logger while it awaits.
async function drain(): Promise<void> {
  busy = true
  for (let job = queue.shift(); job; job = queue.shift()) {
    let message: WorkerMessage
    try {
      message = { id: job.id, result: await extractFile(job.file, { ...options, cache }, job.bytes, job.plan) }
    } catch (error) {
      message = { id: job.id, error: (error as Error).stack ?? String(error) }
    }
    parentPort!.postMessage(message)
  }
  busy = false
}

parentPort!.on('message', (job: (typeof queue)[number]) => {
  queue.push(job)
  if (!busy) void drain()
})
