import fs from 'node:fs'
import path from 'node:path'

/** Writes a file atomically: a temporary sibling, then a rename, so a failure never leaves half a file. */
export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    fs.writeFileSync(tmp, content)
    fs.renameSync(tmp, file)
  } catch (error) {
    fs.rmSync(tmp, { force: true })
    throw error
  }
}
