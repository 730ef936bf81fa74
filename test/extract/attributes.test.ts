import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

// Pages since 8.x open with a sidebar linking the new API reference through the docs build's {api-es}.
describe('docs-build attributes of recent pages', () => {
  it.each(['api-es', 'api-cloud', 'api-ece'])('{%s} resolves without an undefined-attribute warning', async (name) => {
    const sidebar = `.New API reference\n[sidebar]\n--\nFor the most up-to-date API details, refer to {${name}}/group/endpoint-demo[Demo APIs].\n--\n`
    const model = await extractModel(apiPage('', '`GET _demo`').replace('Does demo things.', `${sidebar}\nDoes demo things.`))
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
  })
})

describe('the shared {cloud-only} note', () => {
  it('reads as the docs build writes it, with no undefined-attribute warning', async () => {
    const model = await extractModel('[[demo-api]]\n=== Demo API\n\nNOTE: {cloud-only}\n\nDoes demo things.\n\n[[demo-api-request]]\n==== {api-request-title}\n\n`GET _demo`\n')
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
    expect(model.description).toContain('designed for indirect use by Elasticsearch Service, Elastic Cloud Enterprise, and Elastic Cloud on Kubernetes')
  })
})

// The docs build's shared attributes name the Enterprise Search and ingest products; 8.x API pages write
// them in prose ("for use by {kib} and Elastic's {ents} solutions").
describe('product names of the shared attributes', () => {
  it.each([
    ['{ents}', 'Enterprise Search'],
    ['{fleet-server}', 'Fleet Server'],
    ['{agent}', 'Elastic Agent'],
    ['{elastic-agent}', 'Elastic Agent'],
  ])('%s reads as %s, with no undefined-attribute warning', async (attribute, text) => {
    const model = await extractModel(`[[demo-api]]\n=== Demo API\n\nNOTE: Meant for ${attribute} only.\n\n==== {api-request-title}\n\n\`GET _demo\`\n`)
    expect(model.description).toContain(`Meant for ${text} only.`)
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
  })
})

describe('attributes a page sets and unsets around their use', () => {
  it('are defined where they are used', async () => {
    const body = '==== {api-request-body-title}\n\n:anchor-base: demo-api\n[id="{anchor-base}-size"]\n`size`::\n(Optional, integer) Size.\n\n:!anchor-base:\n'
    const model = await extractModel(apiPage(body))
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute')).toEqual([])
  })

  it('are undefined once unset', async () => {
    const body = '==== {api-request-body-title}\n\n:anchor-base: demo-api\n\n:!anchor-base:\n[id="{anchor-base}-size"]\n`size`::\n(Optional, integer) Size.\n'
    const model = await extractModel(apiPage(body))
    expect(model.diagnostics.filter((d) => d.rule === 'undefined-attribute').map((d) => d.message)).toEqual([expect.stringContaining('{anchor-base}')])
  })
})

// Undefined references are what Asciidoctor itself leaves unresolved: only text it substitutes attributes
// in, only lines its preprocessor keeps, its own attributes defined.
describe('undefined attributes as Asciidoctor sees them', () => {
  const undefinedAt = async (body: string) =>
    (await extractModel(apiPage(body))).diagnostics.filter((d) => d.rule === 'undefined-attribute').map((d) => [d.line, d.column, d.message.replace(/ (is|are) not defined.*/, '')])
  /** The line of the page where `text` first appears. */
  const at = (body: string, text: string) => apiPage(body).split('\n').findIndex((l) => l.includes(text)) + 1

  it.each([
    ["Asciidoctor's intrinsic attributes", 'A{nbsp}B{empty}C{zwsp}D{startsb}E{backslash}F{sp}G{amp}.'],
    ['a literal block', '....\na{3}b{3}\n....'],
    ['a listing block', '[source,sh]\n----\necho {name}\n----'],
    ['an indented literal paragraph', ' a{3}b{3}'],
    ['a pass block', '++++\n<b>{x}</b>\n++++'],
    ['a comment block and comment line', '////\n{x}\n////\n// {y}'],
    ['a line a false ifdef drops', 'ifdef::never-set[]\nSee {x}.\nendif::[]'],
    ['an escaped reference and a code span', 'Write \\{x} or `{index}`.'],
    ['names in any case, as Asciidoctor reads them', 'The {ILM} and {Ess} features.'],
  ])('none in %s', async (_name, body) => {
    expect(await undefinedAt(body)).toEqual([])
  })

  it.each([
    ['a listing block that asks for attribute substitution', '[source,sh,subs="attributes+"]\n----\necho {missing-one}\n----', 6],
    ['a line a true ifndef keeps', 'ifndef::never-set[]\nSee {missing-one}.\nendif::[]', 5],
    ['a block attribute line', '[id="{missing-one}-x"]\nText.', 6],
    ['a table cell', '|===\n| a {missing-one} | b\n|===', 5],
    ['a block title', '.Title {missing-one}\nText.', 8],
  ])('one in %s', async (_name, body, column) => {
    expect(await undefinedAt(body)).toEqual([[at(body, '{missing-one}'), column, 'Attribute {missing-one}']])
  })

  it('is one finding per line, naming every reference on it', async () => {
    const body = 'A "{zoom}/{x}/{y}" label and {zoom} again.'
    expect(await undefinedAt(body)).toEqual([[at(body, '{zoom}'), 4, 'Attributes {zoom}, {x}, {y}']])
  })
})
