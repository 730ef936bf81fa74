import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-ids-'))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text)
  return root
}

const page = (title: string, request: string) => `[role="xpack"]\n[[widget-remove]]\n=== ${title}\n\n==== {api-request-title}\n\n\`${request}\`\n`
const BOOK = '[[widgets]]\n== Widget APIs\n\ninclude::remove-widget.asciidoc[]\n'

describe('pages of one run that declare the same id', () => {
  it('each get a duplicate-id warning at the anchor, naming the other page and which one the book includes', async () => {
    const root = tree({
      'book.asciidoc': BOOK,
      'remove-widget.asciidoc': page('Remove widget API', 'POST <index>/_widget/remove'),
      'remove-widget-old.asciidoc': `\uFEFF${page('Remove Widget API', 'DELETE <index>/_widget')}`,
    })
    const { models } = await extractFiles([root], { root })
    const found = (file: string) => models.find((m) => m.file === file)!.diagnostics.filter((d) => d.rule === 'duplicate-id')
    expect(found('remove-widget-old.asciidoc')).toEqual([
      {
        file: 'remove-widget-old.asciidoc',
        line: 2,
        column: 1,
        severity: 'warning',
        rule: 'duplicate-id',
        message:
          'Page id `widget-remove` is also declared by remove-widget.asciidoc (included by a page of this run); a docs build links it to one page only. No page of this run includes this one: it may be a stale copy.',
      },
    ])
    expect(found('remove-widget.asciidoc').map((d) => [d.line, d.message])).toEqual([
      [2, 'Page id `widget-remove` is also declared by remove-widget-old.asciidoc; a docs build links it to one page only.'],
    ])
    // The model still comes from each page as written.
    expect(models.find((m) => m.file === 'remove-widget-old.asciidoc')!.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['DELETE /{index}/_widget'])
  })

  it('are not reported when the ids differ, and the finding does not leak into the cache', async () => {
    const root = tree({ 'a.asciidoc': page('Remove widget API', 'POST _widget/remove'), 'b.asciidoc': page('Remove widget API', 'POST _widget/remove').replace('widget-remove', 'widget-remove-2') })
    const { models } = await extractFiles([root], { root })
    expect(models.flatMap((m) => m.diagnostics).filter((d) => d.rule === 'duplicate-id')).toEqual([])
    fs.writeFileSync(path.join(root, 'b.asciidoc'), page('Remove widget API', 'POST _widget/remove'))
    const store = new Map<string, unknown>()
    const cache = { get: (file: string) => store.get(file) as never, set: (file: string, _b: Uint8Array, _reading: unknown, r: unknown) => void store.set(file, r) }
    const first = await extractFiles([root], { root }, { store: cache })
    expect(first.models.map((m) => m.diagnostics.filter((d) => d.rule === 'duplicate-id').length)).toEqual([1, 1])
    fs.unlinkSync(path.join(root, 'b.asciidoc'))
    const second = await extractFiles([root], { root }, { store: cache })
    expect(second.cached).toBe(1)
    expect(second.models[0]!.diagnostics.filter((d) => d.rule === 'duplicate-id')).toEqual([])
  })
})
