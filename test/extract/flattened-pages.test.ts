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

const hidden = `[[widget-drop]]
=== Drop widget API

Drops a widget.

////
[source,console]
----
PUT /_widgets/w1
{"size": 1}
----
// TESTSETUP
////

[[widget-drop-request]]
==== {api-request-title}

\`DELETE /_widgets/<widget_id>\`

[role="child_attributes"]
[[widget-drop-response-body]]
==== {api-response-body-title}

\`result\`::
(object)
What was dropped.
+
.Properties of \`result\`
[%collapsible%open]
====
\`count\`::
(integer)
Widgets dropped.

\`parts\`::
(object)
Parts dropped.
+
.Properties of \`parts\`
[%collapsible%open]
=====
\`bolts\`::
(integer)
Bolts dropped
=====
====

\`filter\`::
(Optional, string) Which widgets, for example +blue,-red
\`shelf\`::
(Optional, string) The shelf.
`

describe('flattened constructs that keep their structure', () => {
  it('keeps snippets hidden in a comment block, nested collapsible properties and terms after an unfinished sentence', async () => {
    const intact = await extractModel(hidden)
    const flattened = await extractModel(hidden.replace(/\n/g, ' '))
    const shape = (m: PageModel) => ({
      ...meaning(m),
      examples: m.examples.map((e) => [e.role, e.testSetup, e.requests.map((r) => `${r.method} ${r.path}`)]),
      response: m.responseBody.map((p) => [p.name, p.type, (p.children ?? []).map((c) => [c.name, (c.children ?? []).map((d) => d.name)])]),
    })
    expect(shape(flattened)).toEqual(shape(intact))
    expect(intact.responseBody).toHaveLength(3)
    expect(intact.examples[0]).toMatchObject({ testSetup: true })
  })
})
