import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPage } from '../../src/extract/index.js'
import { findPages, loadText } from '../../src/load/index.js'
import type { PageModel, Param } from '../../src/model/types.js'
import { docsRoot, FIXTURES } from './pages.js'

/** What a page means, without where it says it: the facts a flattened page must keep. */
function meaning(model: PageModel): unknown {
  const text = (s: string) => s.replace(/\s+/g, ' ').trim()
  const params = (ps: Param[]): unknown =>
    ps.map((p) => ({ name: p.name, required: p.required, type: p.type, default: p.default, values: p.values, description: text(p.description), children: p.children && params(p.children) }))
  return {
    id: model.id,
    title: model.title,
    stability: model.stability.level,
    description: text(model.description),
    endpoints: model.endpoints.map((e) => `${e.method} ${e.path}`),
    pathParams: params(model.pathParams),
    queryParams: params(model.queryParams),
    bodyParams: params(model.bodyParams),
    responseBody: params(model.responseBody),
    responseCodes: model.responseCodes.map((c) => c.code),
    examples: model.examples.length,
    roles: model.examples.map((e) => e.role),
    requests: model.examples.flatMap((e) => e.requests.map((r) => `${r.method} ${r.path}`)),
    bodies: model.examples.flatMap((e) => e.requests.map((r) => r.body && [r.body.kind, r.body.json])),
    prerequisites: model.prerequisites.map((p) => p.text.replace(/\s+/g, ' ')),
  }
}

const wellFormed = findPages([FIXTURES])
  .map((file) => path.relative(FIXTURES, file))
  .filter((file) => !file.includes('damaged') && !file.startsWith('shared/'))

describe('a page flattened to one line means what the intact page means', () => {
  it('covers every well-formed fixture page', () => {
    expect(wellFormed.length).toBeGreaterThanOrEqual(4)
  })

  it.each(wellFormed)('%s', async (file) => {
    const abs = path.join(FIXTURES, file)
    const text = fs.readFileSync(abs, 'utf8').replace(/^\ufeff/, '')
    const intact = (await extractPage(loadText(text, abs, { root: FIXTURES })))!
    const flat = (await extractPage(loadText(text.replace(/\s+/g, ' '), abs, { root: FIXTURES })))!
    expect(meaning(flat)).toEqual(meaning(intact))
    expect(flat.diagnostics.filter((d) => d.rule !== 'reflowed' && d.severity !== 'info')).toEqual([])
    expect(flat.diagnostics.filter((d) => d.rule === 'reflowed')).toHaveLength(1)
  })
})

const shared = [
  'tag::pipeline[]',
  '`pipeline`::',
  '(Optional, string) The pipeline to run first.',
  'end::pipeline[]',
  '',
  'tag::refresh[]',
  '`refresh`::',
  '(Optional, enum) When changes become visible. Defaults to `false`.',
  'end::refresh[]',
  '',
  'tag::owner-desc[]',
  'Who owns the widget.',
  'end::owner-desc[]',
].join('\n')

/** Small pages, each written around AsciiDoc line syntax a flattened page loses. */
const syntaxPages: [string, string][] = [
  [
    'line comments, a term glued to its anchor, a term after a sentence without a full stop, a status macro opening a definition',
    `[[widget-get]]
=== Get widget API

Returns a widget.

[[widget-get-request]]
==== {api-request-title}

\`GET /_widget/<widget_id>\`

[[widget-get-path-params]]
==== {api-path-parms-title}

\`<widget_id>\`::
(Required, string) Identifier of the widget.

[[widget-get-response-body]]
==== {api-response-body-title}

\`id\`::
(string) The widget identifier, unique within \`_all\`

//Begin parts
[[widget-parts]]\`parts\`::
(object) The parts of the widget.
+
.Properties of \`parts\`
[%collapsible%open]
====
\`count\`:::
(integer) How many parts.
====
//End parts

// Kept apart because the owner field
// is reported by another service
\`owner\`::
experimental[] (string)
include::{es-repo-dir}/shared/parms.asciidoc[tag=owner-desc]

\`size\`::
(long) The size in bytes.
`,
  ],
  [
    'a continuation before an admonition, includes after a sentence and between blank lines',
    `[[widget-put]]
=== Create widget API

Creates a widget.

[[widget-put-request]]
==== {api-request-title}

\`PUT /_widget/<widget_id>\`

[[widget-put-query-params]]
==== {api-query-parms-title}

\`op\`::
(Optional, enum) How to write. Defaults to \`index\`.
+
NOTE: Some targets need \`create\`.

include::{es-repo-dir}/shared/parms.asciidoc[tag=pipeline]

include::{es-repo-dir}/shared/parms.asciidoc[tag=refresh]

\`timeout\`::
(Optional, time units) How long to wait. Defaults to \`30s\`.

[[widget-put-example]]
==== {api-examples-title}

[source,console]
----
PUT /_widget/w1?refresh=true
{ "size": 3 }
----
`,
  ],
  [
    'callouts inside a request body, include tag comments and a list item without a full stop',
    `[[widget-move]]
=== Move widget API

Moves a widget.

[[widget-move-request]]
==== {api-request-title}

\`POST /_widget/move/<widget_id>\`

[[widget-move-prereqs]]
==== {api-prereq-title}

* \`cluster\`: \`manage_widgets\`

For more information, see <<security-privileges>>.

[[widget-move-desc]]
==== {api-description-title}

// tag::move-intro[]
Moving a widget keeps its parts.
// end::move-intro[]
Only one move runs at a time.

[[widget-move-example]]
==== {api-examples-title}

[source,console]
----
POST /_widget/move/w1
{
  "from": { <1>
    "shelf": "a"
  },
  "to": "b" <2>
}
----
<1> Where the widget is.
<2> Where it goes.
`,
  ],
  [
    'an NDJSON body, a JSON string holding a request line, an admonition after a list item without a full stop',
    `[[widget-bulk]]
=== Bulk widget API

Writes many widgets.

[[widget-bulk-request]]
==== {api-request-title}

\`POST /_widget/_bulk\`

[[widget-bulk-prereqs]]
==== {api-prereq-title}

* \`cluster\`: \`manage_widgets\`
* \`index\`: \`write\`

NOTE: The job keeps the roles of its creator.

[[widget-bulk-example]]
==== {api-examples-title}

[source,console]
----
POST /_widget/_bulk
{ "index": { "_id": "1" } }
{ "name": "first", "note": "then GET /_widget/1" }
{ "delete": { "_id": "2" } }
GET /_widget/1
----
`,
  ],
  [
    'an admonition block, a comment inside a paragraph, a code span ending a sentence before a term, a term of two code spans',
    `[[widget-update]]
=== Update widget API

Updates a widget.

[IMPORTANT]
====
Updates keep the roles of the widget's creator.

They never change its owner.
====

[[widget-update-request]]
==== {api-request-title}

\`POST /_widget/<widget_id>/_update\`

[[widget-update-query-params]]
==== {api-query-parms-title}

\`query\`::
(Optional, object) Which widgets to update. It matches every widget
// <<widget-query,query>>.
by default: \`{"match_all": {}}\`.

\`version\` & \`version_type\`::
(Optional, integer) Update only this version.

\`timeout\`::
(Optional, time units) How long to wait. Defaults to \`1m\`.
`,
  ],
  [
    'a file of a title, attribute entries and a list of links, with no other block syntax',
    `[role="xpack"]
[[widget-apis]]
= Widget APIs

:widget-dir: widgets
:edit_url:

* <<widget-get>>
* <<widget-put>>
* <<widget-delete>>
* <<widget-list>>
`,
  ],
]

describe.each(syntaxPages)('a flattened page with %s', (_name, page) => {
  it('means what the intact page means, every line a slice of the damaged line', async () => {
    const root = docsRoot({ 'shared/parms.asciidoc': shared })
    const abs = path.join(root, 'api/page.asciidoc')
    const flatText = page.replace(/\s+/g, ' ')
    const intact = (await extractPage(loadText(page, abs, { root })))!
    const source = loadText(flatText, abs, { root })
    const flat = (await extractPage(source))!
    expect(meaning(flat)).toEqual(meaning(intact))
    expect(source.diagnostics.map((d) => d.rule)).toEqual(['reflowed'])
    source.lines.forEach((text, i) => {
      const origin = source.origins[i]!
      if (text && origin.file === 'api/page.asciidoc') expect(flatText.slice(origin.column - 1, origin.column - 1 + text.length)).toBe(text)
    })
  })
})
