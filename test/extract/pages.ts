import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { extractPage } from '../../src/extract/index.js'
import { loadText } from '../../src/load/index.js'
import type { PageModel } from '../../src/model/types.js'

/** A fresh docs root in the temp folder holding `files` (path → text); returns its absolute real path. */
export function docsRoot(files: Record<string, string | Uint8Array> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-extract-')))
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), content)
  }
  return root
}

/** Extracts `text` as the page `page.asciidoc` of `root` (a fresh empty root unless given). */
export async function extractText(
  text: string | Uint8Array,
  options: { root?: string; file?: string; attributes?: Record<string, string> } = {},
): Promise<PageModel | undefined> {
  const root = options.root ?? docsRoot()
  const abs = path.join(root, options.file ?? 'page.asciidoc')
  return extractPage(loadText(text, abs, { root, attributes: options.attributes }))
}

/** Like `extractText`, for pages that must be pages. */
export async function extractModel(text: string | Uint8Array, options: Parameters<typeof extractText>[1] = {}): Promise<PageModel> {
  const model = await extractText(text, options)
  if (!model) throw new Error('not a page (no title)')
  return model
}

/** A page with the usual API sections around `body` (placed after the Request section). */
export function apiPage(body: string, request = '`GET _demo/<demo_id>`'): string {
  return `[[demo-api]]\n=== Demo API\n\nDoes demo things.\n\n[[demo-api-request]]\n==== {api-request-title}\n\n${request}\n\n${body}\n`
}

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')
