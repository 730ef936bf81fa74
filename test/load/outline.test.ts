import { describe, expect, it } from 'vitest'
import { walkOutline } from '../../src/load/outline.js'

const page = (body: string) => `[[get-widget]]\n=== Get widget API\n\n${body}\n\n:next: one\ninclude::common.asciidoc[tag=widget]\n`

describe('walkOutline', () => {
  it('keeps every line a walk reads, with its neighbours, and leaves prose out', () => {
    const text = [
      '=== Get widget API',
      ':page-attr: value',
      '',
      'Returns a widget. NOTE: it is a prose line.',
      'ifdef::widgets[]',
      'include::common.asciidoc[tag=widget]',
      'endif::[]',
      '----',
      'GET /_widget',
      '----',
      '`id`:: The id.',
      'a. First item',
      'Uses {version} here.',
      '| cell | cell',
      'image::widget.png[]',
    ].join('\n')
    expect(walkOutline(text).split('\n')).toEqual([
      'page true',
      '^s === Get widget API',
      'sb :page-attr: value',
      'ps ifdef::widgets[]',
      'ss6 include::common.asciidoc[tag=widget]',
      'ss endif::[]',
      'ss ----',
      // A line above what could be a title underline is kept.
      'ss GET /_widget',
      'ss ----',
      'ss `id`:: The id.',
      'ss a. First item',
      'ss Uses {version} here.',
      'ss | cell | cell',
      's$ image::widget.png[]',
    ])
  })

  it('is the same when the words of a paragraph change, or paragraphs are added below the last include', () => {
    const outline = walkOutline(page('One sentence.'))
    expect(walkOutline(page('Another, longer sentence.'))).toBe(outline)
    expect(walkOutline(`${page('One sentence.')}\nMore text at the end.\n`)).toBe(walkOutline(`${page('One sentence.')}\n`))
  })

  it('differs when an include directive moves (its findings name its line), or a paragraph comes to touch an attribute entry', () => {
    const outline = walkOutline(page('One sentence.'))
    expect(walkOutline(page('One sentence.\nA second line.'))).not.toBe(outline)
    expect(walkOutline(page('One sentence.').replace('\n\n:next:', '\n:next:'))).not.toBe(outline)
  })

  it('differs when a paragraph comes above the title, which makes the file no page of its own', () => {
    expect(walkOutline('[[id]]\n\nA paragraph first.\n\n=== Title\n')).not.toBe(walkOutline('[[id]]\n\n=== Title\n'))
  })
})
