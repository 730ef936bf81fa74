import { createHash } from 'node:crypto'
import fs from 'node:fs'

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** The hash of each file's bytes (null: it cannot be read), each file read once: one instance serves one run. */
export class FileHashes {
  private readonly hashes = new Map<string, string | null>()

  of(file: string): string | null {
    let hash = this.hashes.get(file)
    if (hash === undefined) {
      try {
        hash = sha256(fs.readFileSync(file))
      } catch {
        hash = null
      }
      this.hashes.set(file, hash)
    }
    return hash
  }
}
