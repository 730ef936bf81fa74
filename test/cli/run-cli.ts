import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BIN = path.join(ROOT, 'dist/cli/main.js')
const GUARD = path.join(ROOT, 'test/support/loopback-only.cjs')

/** Builds `dist/` when any source file is newer than the built CLI, so the CLI is tested as shipped. */
export function ensureBuilt(): void {
  const built = fs.statSync(BIN, { throwIfNoEntry: false })?.mtimeMs ?? 0
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const p = path.join(dir, e.name)
      return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
    }, 0)
  if (newest(path.join(ROOT, 'src')) > built) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' })
}

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  // The CLI runs under the tests' loopback-only guard too (test/support/loopback-only.cjs).
  const result = spawnSync(process.execPath, ['--require', GUARD, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ES_URL: undefined, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

export { ROOT }
