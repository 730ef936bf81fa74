import { describe, expect, it } from 'vitest'
import { apiPage, extractModel } from './pages.js'

// Asciidoctor nests a `name`:: entry written after a bulleted list into the last bullet; the page means a sibling.
describe('a definition-list entry after a bulleted list', () => {
  const body = [
    '==== {api-request-body-title}',
    '',
    '`criteria`::',
    '(Required, array of objects) The criteria.',
    '',
    'Each criterion has:',
    '',
    '- `kind` (Required, string) The kind.',
    '- `values` (Optional, array of strings) The values.',
    '',
    '`actions`::',
    '(Required, object) The actions.',
    '',
  ].join('\n')

  it('is a parameter of the section', async () => {
    const model = await extractModel(apiPage(body, '`PUT _demo/<demo_id>`'))
    expect(model.bodyParams.map((p) => p.name)).toEqual(['criteria', 'actions'])
    expect(model.bodyParams[1]).toMatchObject({ required: true, type: 'object', description: 'The actions.' })
  })

  it('stays nested when written with a deeper marker', async () => {
    const model = await extractModel(apiPage(body.replace('`actions`::', '`actions`:::'), '`PUT _demo/<demo_id>`'))
    expect(model.bodyParams.map((p) => p.name)).toEqual(['criteria'])
  })
})

// "Each rule has:" after a definition continues it; so do the bullets that follow that sentence.
describe('a bulleted list after the last definition of a section', () => {
  it('continues that definition like a paragraph there', async () => {
    const body = '==== {api-request-body-title}\n\n`rules`::\n(Required, array of objects) The rules.\n\nEach rule has:\n\n- `id` (Required, string) Its id.\n- `kind` (Optional, string) Its kind.\n'
    const model = await extractModel(apiPage(body, '`PUT _demo/<demo_id>`'))
    expect(model.bodyParams).toHaveLength(1)
    expect(model.bodyParams[0]!.description).toBe('The rules.\n\nEach rule has:\n\n- id (Required, string) Its id. - kind (Optional, string) Its kind.')
  })

  it('stays out of the section when no definition comes before it', async () => {
    const model = await extractModel(apiPage('==== {api-request-body-title}\n\n- `id` (Required, string) Its id.\n\n`rules`::\n(Required, object) The rules.\n', '`PUT _demo/<demo_id>`'))
    expect(model.bodyParams).toMatchObject([{ name: 'rules', description: 'The rules.' }])
  })
})
