import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

const dashes = (n: number) => '-'.repeat(n)

describe('listing blocks closed by a delimiter line of another length', () => {
  // A setup hidden in a comment block, closed by one dash less than it opened with; a test follows.
  const hidden = apiPage(
    [
      '==== {api-examples-title}',
      '',
      '////',
      '',
      '[source,console]',
      dashes(20),
      'PUT /widgets',
      '',
      'POST /widgets/_bulk?refresh',
      '{"index":{"_id":1}}',
      '{"size": 3}',
      dashes(19),
      '// TESTSETUP',
      '',
      '////',
      '',
      '[source,console]',
      dashes(20),
      'GET /widgets/_search',
      dashes(20),
    ].join('\n'),
  )

  it('a hidden snippet ends where the doc build ends it, at the first dash line, and the page is told', async () => {
    const model = await extractModel(hidden)
    const [setup, search] = model.examples
    expect(model.examples).toHaveLength(2)
    expect(setup).toMatchObject({ role: 'request', testSetup: true })
    expect(setup!.requests.map((r) => [r.method, r.path, r.body?.kind])).toEqual([
      ['PUT', '/widgets', undefined],
      ['POST', '/widgets/_bulk', 'ndjson'],
    ])
    expect(search!.requests.map((r) => r.path)).toEqual(['/widgets/_search'])
    const finding = model.diagnostics.find((d) => d.rule === 'delimiter-length')
    expect(finding).toMatchObject({ severity: 'warning', line: 22 })
    expect(finding!.message).toMatch(/19 characters.*opened at line 16 with 20/)
  })

  it('a hidden snippet closed by a line of the same length gives no finding', async () => {
    const model = await extractModel(hidden.replace(`${dashes(19)}\n// TESTSETUP`, `${dashes(20)}\n// TESTSETUP`))
    expect(model.examples).toHaveLength(2)
    expect(model.diagnostics.filter((d) => d.rule === 'delimiter-length')).toEqual([])
  })

  it('a visible block runs on past a shorter line, as Asciidoctor reads it, and the line is reported', async () => {
    const page = apiPage(['==== {api-examples-title}', '', '[source,console]', dashes(20), 'GET /widgets', dashes(19), '', 'Some prose.', '', dashes(20)].join('\n'))
    const model = await extractModel(page)
    expect(model.examples).toHaveLength(1)
    const finding = model.diagnostics.find((d) => d.rule === 'delimiter-length')
    expect(finding).toMatchObject({ severity: 'warning', line: 16 })
    expect(finding!.message).toMatch(/Asciidoctor reads it as content.*runs on to line 20/)
  })
})
