import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests connect to loopback only: every test process (and the worker threads of the replays they start)
// preloads a guard that refuses any other address.
const loopbackOnly = fileURLToPath(new URL('./test/support/loopback-only.cjs', import.meta.url))

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    poolOptions: { forks: { execArgv: ['--require', loopbackOnly] } },
  },
})
