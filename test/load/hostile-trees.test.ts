/**
 * Docs trees built to hurt: includes that fan out exponentially or include their own page, links out of the
 * root, link loops, FIFOs and devices among the pages, a page an unterminated block swallows, an escape
 * sequence in an include target. Each ends in bounded time with a diagnostic, never a crash, a hang or
 * silence.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'
import { statedDefault } from '../../src/extract/param-text.js'
import { MAX_INCLUDES, MAX_REPEATED_CHARS } from '../../src/load/includes.js'
import { findPages, loadText } from '../../src/load/index.js'
import { apiPage, docsRoot, extractText } from '../extract/pages.js'

const rules = (list: { rule: string }[]) => list.map((d) => d.rule)

describe('include fan-out', () => {
  it('stops at 10,000 include directives when repeats add no lines', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 18; i++) files[`l${i}.txt`] = Array.from({ length: 3 }, () => `include::l${i + 1}.txt[]`).join('\n')
    const root = docsRoot(files)
    const got = loadText(`${apiPage('')}\ninclude::l0.txt[]\n`, path.join(root, 'p.asciidoc'), { root })
    expect(got.diagnostics.filter((d) => d.rule === 'include-too-large').map((d) => d.message)).toEqual([expect.stringContaining(`${MAX_INCLUDES} include directives`)])
  })

  it('stops 18 files that each include the next three times at the include budgets, with a few diagnostics', () => {
    const files: Record<string, string> = { 'l18.txt': 'leaf\n' }
    for (let i = 0; i < 18; i++) files[`l${i}.txt`] = `include::l${i + 1}.txt[]\n`.repeat(3)
    const root = docsRoot(files)
    const got = loadText(`${apiPage('')}\ninclude::l0.txt[]\n`, path.join(root, 'p.asciidoc'), { root })
    expect(rules(got.diagnostics)).toContain('include-too-large')
    // Each directive that nests too deep is reported once, however many include paths reach it.
    expect(got.diagnostics.length).toBeLessThan(100)
  })

  it('stops a page that repeats a large include at the budget for repeated text', () => {
    const root = docsRoot({ 'big.txt': `${'x'.repeat(100_000)}\n` })
    const got = loadText(`${apiPage('')}\n${'include::big.txt[]\n'.repeat(20)}`, path.join(root, 'p.asciidoc'), { root })
    expect(got.diagnostics.filter((d) => d.rule === 'include-too-large').map((d) => d.message)).toEqual([expect.stringContaining(`past ${MAX_REPEATED_CHARS} characters`)])
    expect(got.lines.join('\n').length).toBeLessThan(MAX_REPEATED_CHARS + 110_000)
  })

  it('gives a page that includes itself under eight attribute lists a model and a few diagnostics', async () => {
    const lines = Array.from({ length: 8 }, (_, k) => `include::page.asciidoc[lines=${k + 1}]`).join('\n')
    const root = docsRoot({ 'page.asciidoc': apiPage(lines) })
    const model = await extractText(apiPage(lines), { root })
    expect(model).toBeDefined()
    expect(rules(model!.diagnostics)).toContain('include-too-large')
    expect(model!.diagnostics.length).toBeLessThan(100)
  })

  it('reads a 20-file chain of includes under a parameter definition in one pass', async () => {
    const files: Record<string, string> = { 'c20.txt': 'Defaults to `5`.\n' }
    for (let i = 0; i < 20; i++) files[`c${i}.txt`] = `Line ${i} of the shared text.\ninclude::c${i + 1}.txt[]\ninclude::c${i + 1}.txt[]\n`
    const root = docsRoot(files)
    const page = apiPage('[[demo-api-query-params]]\n==== {api-query-parms-title}\n\n`size`::\n(Optional, integer) The size.\ninclude::c0.txt[]\n')
    const model = await extractText(page, { root })
    expect(model!.queryParams.map((p) => p.name)).toEqual(['size'])
    expect(rules(model!.diagnostics)).toContain('include-too-large')
  })
})

describe('parameter text', () => {
  it('reads a definition list item of 150 KB of unclosed passthrough marks in linear time', async () => {
    // Asciidoctor converted every list item while loading, rescanning it from each `+`: this took most of a minute.
    const lines = Array.from({ length: 10 }, () => '+a '.repeat(5_000)).join('\n')
    const model = await extractText(apiPage(`[[demo-api-query-params]]\n==== {api-query-parms-title}\n\n\`size\`::\n(Optional, integer) ${lines}\n`))
    expect(model!.queryParams.map((p) => p.name)).toEqual(['size'])
  })

  it('finds a default after a 400 KB word in linear time (the by-default pattern no longer rescans the word)', () => {
    expect(statedDefault(`${'a'.repeat(400_000)} and \`true\` by default.`)).toBe('true')
    expect(statedDefault(`${'a.'.repeat(200_000)} x`)).toBeUndefined()
  })
})

describe('walking folders', () => {
  it('refuses a page linked from inside the root to outside it', async () => {
    const outside = docsRoot({ 'secret.asciidoc': apiPage('TOP-SECRET') })
    const root = docsRoot({ 'in.asciidoc': apiPage('inside') })
    fs.symlinkSync(path.join(outside, 'secret.asciidoc'), path.join(root, 'link.asciidoc'))
    const { models } = await extractFiles([root], { root })
    expect(JSON.stringify(models)).not.toContain('TOP-SECRET')
    const linked = models.find((m) => m.file === 'link.asciidoc')!
    expect(rules(linked.diagnostics)).toEqual(['page-outside-root'])
  })

  it('walks past a link loop and a link to / without following them', () => {
    const root = docsRoot({ 'a.asciidoc': apiPage('a'), 'sub/b.asciidoc': apiPage('b') })
    fs.symlinkSync('.', path.join(root, 'self'))
    fs.symlinkSync('..', path.join(root, 'sub', 'up'))
    fs.symlinkSync('/', path.join(root, 'everything'))
    fs.symlinkSync('loop2', path.join(root, 'loop1.adoc'))
    fs.symlinkSync('loop1.adoc', path.join(root, 'loop2'))
    expect(findPages([root]).map((f) => path.relative(root, f))).toEqual(['a.asciidoc', 'loop1.adoc', 'sub/b.asciidoc'])
  })

  it('refuses FIFOs and devices named like pages, as pages and as include targets, without blocking', async () => {
    const root = docsRoot({ 'a.asciidoc': `${apiPage('a')}\ninclude::pipe.txt[]\ninclude::zero.txt[]\n` })
    execFileSync('mkfifo', [path.join(root, 'x.adoc'), path.join(root, 'pipe.txt')])
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.adoc'))
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.txt'))
    const { models } = await extractFiles([root], { root })
    const byFile = new Map(models.map((m) => [m.file, rules(m.diagnostics)]))
    expect(byFile.get('x.adoc')).toEqual(['unreadable-file'])
    expect(byFile.get('zero.adoc')).toEqual(['unreadable-file'])
    expect(byFile.get('a.asciidoc')).toEqual(expect.arrayContaining(['include-not-found', 'include-outside-root']))
  })
})

describe('pages that must not vanish', () => {
  it('gives a page an unterminated listing block swallows, tag comments and all, a model with diagnostics', async () => {
    const model = await extractText(`----\n// tag::x[]\ntext\n// end::x[]\n${apiPage('Some text.')}`)
    expect(model).toBeDefined()
    expect(model!.diagnostics.map((d) => `${d.rule} ${d.message}`)).toEqual(
      expect.arrayContaining(['asciidoc unterminated listing block', expect.stringMatching(/^no-page-title /)]),
    )
  })

  it("reports Asciidoctor's warnings about blocks nested in list items, which it would print to the console", async () => {
    const printed = vi.spyOn(console, 'warn')
    try {
      const model = await extractText(apiPage('* item\n+\n====\nunterminated'))
      expect(model!.diagnostics.map((d) => `${d.rule} ${d.message}`)).toContain('asciidoc unterminated example block')
      expect(printed).not.toHaveBeenCalled()
    } finally {
      printed.mockRestore()
    }
  })

  it('still treats a title-less file of tagged regions as an include fragment', async () => {
    expect(await extractText('// tag::x[]\nShared text.\n// end::x[]\n')).toBeUndefined()
  })
})

describe('page text in messages', () => {
  it('escapes control characters quoted from the page (an escape sequence in an include target)', async () => {
    const model = await extractText(apiPage('include::\u001b]0;owned\u0007x.txt[]'))
    const found = model!.diagnostics.find((d) => d.rule === 'include-not-found')!
    expect(found.message).toContain('\\u001b]0;owned\\u0007x.txt')
    expect(found.message).not.toMatch(/[\u0000-\u001f]/)
  })
})
