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
