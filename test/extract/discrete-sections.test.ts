import { describe, expect, it } from 'vitest'
import { extractModel } from './pages.js'

// 6.x pages head every section with a discrete heading and call the requirements "Authorization".
const page = (heading: string) => `[role="xpack"]
[[widget-get]]
=== Get widget API

Returns a widget.

${heading}
==== Request

\`GET /_xpack/widget/<widget_id>\`

${heading}
==== Description

Widgets are kept in the cluster state.

${heading}
==== Authorization

You must have \`monitor_widgets\` cluster privileges to use this API.
`

describe('pages whose sections are all discrete headings', () => {
  it.each(['[float]', '[discrete]', ''])('%j: the intro ends at the first heading', async (heading) => {
    const model = await extractModel(page(heading))
    expect(model.description).toBe('Returns a widget.\n\nWidgets are kept in the cluster state.')
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /_xpack/widget/{widget_id}'])
  })

  it('reads an Authorization section as the prerequisites', async () => {
    const model = await extractModel(page('[float]'))
    expect(model.prerequisites).toMatchObject([{ privileges: ['monitor_widgets'], text: 'You must have monitor_widgets cluster privileges to use this API.' }])
  })
})
