import { describe, expect, it } from 'vitest'
import { diagnostic } from '../../src/model/diagnostic.js'
import { collectDiagnostics } from '../../src/run/diagnostics.js'
import { page } from '../emit-types/models.js'

const at = (file: string, line: number, column = 1) => ({ file, line, column })

describe('the findings of a run', () => {
  it('are one per place, with the number of pages a shared fragment’s reaches', () => {
    const shared = diagnostic('undefined-attribute', at('shared.asciidoc', 3, 5), 'Attribute {x} is not defined.')
    const models = [
      { ...page({ file: 'a.asciidoc' }), diagnostics: [shared, diagnostic('missing-page-id', at('a.asciidoc', 1), 'No id.')] },
      { ...page({ file: 'b.asciidoc' }), diagnostics: [shared, { ...shared, column: 9 }] },
      { ...page({ file: 'c.asciidoc' }), diagnostics: [shared] },
    ]
    const emitted = diagnostic('untyped-param', at('a.asciidoc', 7), 'No type.')
    expect(collectDiagnostics(models, [emitted, emitted]).map((d) => [d.rule, `${d.file}:${d.line}:${d.column}`, d.pages])).toEqual([
      ['undefined-attribute', 'shared.asciidoc:3:5', 3],
      ['missing-page-id', 'a.asciidoc:1:1', undefined],
      ['undefined-attribute', 'shared.asciidoc:3:9', undefined],
      ['untyped-param', 'a.asciidoc:7:1', undefined],
    ])
  })
})
