import { describe, expect, it } from 'vitest'
import type { Param, PageModel } from '../../src/model/types.js'
import { extractModel } from '../extract/pages.js'

const flatten = (page: string) => page.replace(/\s+/g, ' ').trim()
const param = (p: Param): unknown => [p.name, p.type, p.default, p.values, p.description, (p.children ?? []).map(param)]
const meaning = (m: PageModel) => ({
  endpoints: m.endpoints.map((e) => `${e.method} ${e.path}`),
  params: [...m.pathParams, ...m.queryParams].map(param),
  response: m.responseBody.map(param),
})

// The last item of a value list has no full stop; the annotated term after it starts a new entry.
const afterList = `[[widget-open]]
=== Open widget API

Opens widgets.

[[widget-open-request]]
==== {api-request-title}

\`POST /<shelf>/_open\`

[[widget-open-query-params]]
==== {api-query-parms-title}

\`shape\` (Optional)::
(string) Which widgets to open. Possible values are:

* \`round\` (Default)
* \`square\`
* \`all\`

\`ignore_broken\` (Optional, Boolean)::
(boolean) Whether broken widgets are skipped. Defaults to \`false\`.
`

// A term in a role's marked text (\`[pro]#\`name\`#::\`) is a term like any other.
const markedTerm = `[[widget-get]]
=== Get widget API

Gets a widget.

[[widget-get-request]]
==== {api-request-title}

\`GET /_widget\`

[[widget-get-response-body]]
==== {api-response-body-title}

\`kind\`::
(string) Widget kind.
+
.Values for \`kind\`
[%collapsible%open]
====
\`plain\`::
A plain widget.

[pro]#\`gold\`#::
A gold widget. Needs a licence.

\`tin\`::
A tin widget.
====
`

describe('definition terms of flattened pages', () => {
  it.each([
    ['an annotated term right after a list item without a full stop', afterList, 'ignore_broken'],
    ["a term in a role's marked text", markedTerm, 'gold'],
  ])('%s', async (_name, page, name) => {
    const intact = await extractModel(page)
    expect(meaning(await extractModel(flatten(page)))).toEqual(meaning(intact))
    expect(JSON.stringify(meaning(intact))).toContain(`"${name}"`)
  })
})
