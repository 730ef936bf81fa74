import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-fragments-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), text)
  }
  return root
}

const PAGE = '[[widget-close]]\n=== Close widget API\n\n==== {api-prereq-title}\n\ninclude::privilege.asciidoc[]\n\n==== {api-request-title}\n\n`POST _widget/<id>/_close`\n'
const SENTENCE = 'You must have the `manage_widgets` cluster privilege.\n'
const TAGGED = '// tag::id[]\n`<id>`:: (Required, string) The widget.\n// end::id[]\n'

describe('files without a title', () => {
  it('are fragments when a page of the run includes them, or when they hold tagged regions', async () => {
    const root = tree({ 'close.asciidoc': PAGE, 'privilege.asciidoc': SENTENCE, 'shared.asciidoc': TAGGED })
    const result = await extractFiles([root], { root })
    expect(result.models.map((m) => m.id)).toEqual(['widget-close'])
    expect(result.fragments.map((f) => path.basename(f))).toEqual(['privilege.asciidoc', 'shared.asciidoc'])
    expect(result.models[0]!.prerequisites[0]!.privileges).toEqual(['manage_widgets'])
  })

  it('otherwise get a model saying no title was found, so a page whose damage hid its title never vanishes', async () => {
    const root = tree({ 'damaged.asciidoc': '[[widget-close]]\nCloses a widget.\n\n[source,console]\n----\nPOST _widget/w1/_close\n----\n' })
    const { models, fragments } = await extractFiles([root], { root })
    expect(fragments).toEqual([])
    expect(models[0]!.diagnostics).toContainEqual(expect.objectContaining({ rule: 'no-page-title', severity: 'warning', line: 1, column: 1 }))
  })
})
