import { describe, expect, it } from 'vitest'
import type { PageModel } from '../../src/model/types.js'
import { extractModel } from './pages.js'

const meaning = (m: PageModel) => ({
  title: m.title,
  description: m.description,
  endpoints: m.endpoints.map((e) => `${e.method} ${e.path}`),
  params: [...m.pathParams, ...m.queryParams].map((p) => [p.name, p.required, p.type, p.default, p.values]),
  prerequisites: m.prerequisites.map((p) => p.privileges),
})

// Pages written before the {api-*-title} attributes: discrete headings with titles written out, and the
// 8.x "New API reference" sidebar. Flattened to one line, they must mean what they meant.
const oldStyle = `[role="xpack"]
[[widget-stats]]
=== Get widget stats API

Retrieves widget metrics.

[float]
==== Request

\`GET _widgets/stats\` +

\`GET _widgets/stats/<metric>\`

[float]
==== Path Parameters

\`emit_traces\`::
  (boolean) Whether traces are added. The default value is \`false\`.

\`metric\`::
  (enum) Which metrics to add.
  \`current\`::: The current widgets.
  \`queued\`::: The queued widgets.

[float]
==== Authorization

You must have \`monitor_widgets\` cluster privileges to use this API.
`

const sidebar = `[[widget-count]]
=== Widget count API

.New API reference
[sidebar]
--
For the most up-to-date API details, refer to {api-es}/group/endpoint-widgets[Widget APIs].
--

Counts the widgets.

[[widget-count-request]]
==== {api-request-title}

\`GET /<shelf>/_count\`

[[widget-count-path-params]]
==== {api-path-parms-title}

\`<shelf>\`::
(Optional, string) Shelf to count.
`

describe('flattened pages of older and newer styles', () => {
  it.each([
    ['discrete headings with written-out titles', oldStyle],
    ['a sidebar before the description', sidebar],
  ])('%s', async (_name, page) => {
    const intact = await extractModel(page)
    const flattened = await extractModel(page.replace(/\n/g, ' '))
    expect(meaning(flattened)).toEqual(meaning(intact))
    expect(intact.endpoints.length).toBeGreaterThan(0)
    expect(intact.pathParams.length).toBeGreaterThan(0)
  })
})
