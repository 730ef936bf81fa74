// vitest setup file of the sequential replay (scripts/engine/replay.mjs): an empty server after each test.
import { afterEach } from 'vitest'
import { wipe } from './wipe.mjs'

afterEach(async () => {
  await wipe(process.env.ES_URL)
})
