import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The one atomic write of docspec (generated files, `extract --out`, cache entries): the content goes to a
 * hidden temporary sibling, which is then renamed over the file, so that no reader ever sees half a file
 * and a failure leaves nothing behind. The temporary name is unique per process and call.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  const temp = tempPath(file)
  try {
    await writeFile(temp, content, { flag: 'wx' })
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** `writeFileAtomic` for callers that cannot wait (cache entries written as results come in). */
export function writeFileAtomicSync(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const temp = tempPath(file)
  try {
    fs.writeFileSync(temp, content, { flag: 'wx' })
    fs.renameSync(temp, file)
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true })
    } catch {
      // The folder itself is unusable: nothing was left behind.
    }
    throw error
  }
}

function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}
