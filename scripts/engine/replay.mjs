/**
 * Replays generated tests the way Elasticsearch's doc tests run them: one page after the other, and an
 * empty server after every test (`wipe`). `docspec replay` runs pages side by side and keeps what each
 * test left behind, which a real engine answers with "already exists"; comparing both runs shows it.
 * Returns the same per-test outcomes as docspec's `runReplay`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { startVitest } from 'vitest/node'
import { projectRoot } from './launcher.mjs'
import { wipe } from './wipe.mjs'

export async function replaySequential({ dir, target }) {
  const testsDir = fs.existsSync(path.join(dir, 'replay', 'manifest.json')) ? path.join(dir, 'replay') : dir
  await wipe(target)
  const summary = { target, passed: 0, failed: 0, skipped: 0, tests: [], errors: [] }
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  const exitCode = process.exitCode
  const vitest = await startVitest(
    'test',
    [],
    {
      root: testsDir,
      config: false,
      watch: false,
      include: ['**/*.test.ts'],
      reporters: [{}],
      passWithNoTests: true,
      pool: 'threads',
      isolate: false,
      fileParallelism: false,
      sequence: { shuffle: false },
      cache: false,
      testTimeout: 120_000,
      hookTimeout: 60_000,
      setupFiles: [path.join(projectRoot, 'scripts/engine/clean-state-setup.mjs')],
      env: { ES_URL: target, DOCSPEC_ALLOW_WRITES: '0' },
    },
    { resolve: { alias: [{ find: /^docspec\/replay$/, replacement: path.join(projectRoot, 'dist/replay/index.js') }] }, logLevel: 'silent' },
    { stdout: sink, stderr: sink },
  )
  try {
    const files = vitest.state.getFiles().sort((a, b) => (a.filepath < b.filepath ? -1 : 1))
    for (const file of files) {
      const relative = path.relative(testsDir, file.filepath)
      for (const error of file.result?.errors ?? []) summary.errors.push(`${relative}: ${error.message ?? error}`)
      const visit = (task) => {
        if (task.type === 'suite') return task.tasks.forEach(visit)
        const result = task.result
        const state = result?.state === 'pass' ? 'passed' : result?.state === 'fail' ? 'failed' : 'skipped'
        const message = state === 'failed' ? (result?.errors ?? []).map((e) => e.message ?? String(e)).join('\n') : result?.note
        summary.tests.push({ name: task.name, file: relative, state, ...(message ? { message } : {}) })
        summary[state]++
      }
      file.tasks.forEach(visit)
    }
  } finally {
    await vitest.close()
    process.exitCode = exitCode
  }
  return summary
}
