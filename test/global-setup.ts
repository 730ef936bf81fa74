import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Every temp folder the suite makes (`os.tmpdir()` reads TMPDIR) lives in one folder per run, removed
 * when the run ends, so test pages and outputs never pile up in the system's temp folder.
 */
export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-test-'))
  process.env.TMPDIR = dir
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
