/**
 * One writer per output folder. Two runs writing one folder at once would each remove what the other wrote
 * and leave files no manifest lists; a run killed half-way leaves temporary files behind. The lock is a file
 * (`.docspec-lock`, created exclusively) naming the process that holds it: a lock whose process is gone was
 * left by a killed run and is taken over, with the temporary files that run left.
 */
import fs from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const LOCK = '.docspec-lock'

/** A temporary file of the one atomic write (`.<name>.<pid>.<hex>.tmp`). */
const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/

export class OutputLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(`another docspec run (process ${pid}) is writing ${folder}; run again once it is done`)
    this.name = 'OutputLockedError'
  }
}

/** Takes the folder's lock (creating the folder), runs `work`, and lets go of the lock, whatever happens. */
export async function withOutputLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
  await mkdir(folder, { recursive: true })
  const lock = path.join(folder, LOCK)
  await acquire(folder, lock)
  try {
    return await work()
  } finally {
    await rm(lock, { force: true })
  }
}

async function acquire(folder: string, lock: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' })
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) throw new OutputLockedError(folder, holder)
    // Left by a run that was killed: its temporary files go with its lock.
    await rm(lock, { force: true })
  }
  throw new OutputLockedError(folder, Number.parseInt(fs.readFileSync(lock, 'utf8'), 10))
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the temporary files a killed run left in `folders` (relative to `root`). Called with the lock held,
 * so no other docspec run is writing there.
 */
export async function removeStaleTemps(root: string, folders: Iterable<string>): Promise<string[]> {
  const removed: string[] = []
  for (const folder of folders) {
    const dir = path.join(root, folder)
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      if (!TEMP_FILE.test(name)) continue
      await rm(path.join(dir, name), { force: true })
      removed.push(path.posix.join(folder, name))
    }
  }
  return removed
}
