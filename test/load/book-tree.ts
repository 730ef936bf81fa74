import fs from 'node:fs'
import path from 'node:path'
import { docsRoot } from '../extract/pages.js'

/** A copy of test/fixtures/book (a small book in the Elasticsearch layout) as a fresh docs root, with `extra` files written over it. */
export function bookTree(extra: Record<string, string> = {}): string {
  const root = docsRoot()
  fs.cpSync(path.resolve(import.meta.dirname, '../fixtures/book/docs'), path.join(root, 'docs'), { recursive: true })
  for (const [name, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), text)
  }
  return root
}
