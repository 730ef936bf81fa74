/** Formatting worker thread (see `format-pool.ts`): formats the texts it is sent with prettier, as they come. */
import { parentPort } from 'node:worker_threads'
import * as prettier from 'prettier'
import type { FormatJob, FormatReply } from './format-pool.js'

parentPort!.on('message', ({ id, text, options }: FormatJob) => {
  prettier.format(text, options).then(
    (content): void => parentPort!.postMessage({ id, content } satisfies FormatReply),
    (error: unknown): void => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FormatReply),
  )
})
