import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')

export const WIDGET_PAGE = `[[get-widget]]
=== Get widgets API

Returns widgets.

[[get-widget-request]]
==== {api-request-title}

\`GET _widgets/<widget_id>\`

[[get-widget-path-params]]
==== {api-path-parms-title}

\`<widget_id>\`::
(Required, string)
include::{es-repo-dir}/shared/params.asciidoc[tag=widget-id]

[[get-widget-query-params]]
==== {api-query-parms-title}

include::{es-repo-dir}/shared/params.asciidoc[tag=timeout]

[[get-widget-example]]
==== {api-examples-title}

[source,console]
----
GET _widgets/w1
----

[source,console-result]
----
{"widgets": [{"id": "w1"}]}
----
`

export const PARAMS = `tag::widget-id[]
Identifier for the widget.
end::widget-id[]

tag::timeout[]
\`timeout\`::
(Optional, time units) How long to wait.
end::timeout[]
`

/** A small docs tree in a temp folder: the two seed pages and a page that includes a shared fragment. */
export function makeTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-scale-'))
  for (const seed of ['rollup-stop-job.asciidoc', 'stop-dfanalytics-damaged.asciidoc']) fs.copyFileSync(path.join(FIXTURES, seed), path.join(dir, seed))
  fs.mkdirSync(path.join(dir, 'shared'))
  fs.writeFileSync(path.join(dir, 'shared/params.asciidoc'), PARAMS)
  fs.writeFileSync(path.join(dir, 'get-widget.asciidoc'), WIDGET_PAGE)
  return dir
}

/** Every file under a folder with its content, by relative path. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8')
  }
  return out
}
