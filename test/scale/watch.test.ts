import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, expect, it } from 'vitest'
import { generate, watchGenerate } from '../../src/run/index.js'
import { makeTree, WIDGET_PAGE } from './tree.js'

let tree: string | undefined
afterEach(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true })
})

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!condition() && Date.now() < end) await sleep(20)
}

it('regenerates once after a burst of changes, ignores its own output, and stops when closed', async () => {
  tree = makeTree()
  // The output inside the watched tree: writing it must not trigger another run.
  const options = { out: path.join(tree, 'generated'), cache: false, workers: 1 }
  await generate([tree], options)
  let runs = 0
  const watcher = watchGenerate([tree], options, async () => {
    runs++
    await generate([tree!], options)
  }, { debounceMs: 100 })
  await sleep(150)
  const page = path.join(tree, 'get-widget.asciidoc')
  fs.writeFileSync(page, WIDGET_PAGE.replace('Returns widgets.', 'Returns a widget.'))
  fs.appendFileSync(page, '\nOne more line.\n')
  await until(() => runs > 0, 5000)
  await sleep(600)
  expect(runs).toBe(1)
  const types = fs.readdirSync(path.join(options.out, 'types')).map((f) => fs.readFileSync(path.join(options.out, 'types', f), 'utf8'))
  expect(types.join('\n')).toContain('Returns a widget.')

  await watcher.close()
  fs.appendFileSync(page, '\nAfter closing.\n')
  await sleep(400)
  expect(runs).toBe(1)
})
