import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPage, findPages } from '../../src/extract/index.js'
import { loadText } from '../../src/load/index.js'
import type { PageModel, Param } from '../../src/model/types.js'
import { FIXTURES } from './pages.js'

/** What a page means, without where it says it: the facts a flattened page must keep. */
function meaning(model: PageModel): unknown {
  const params = (ps: Param[]): unknown => ps.map((p) => ({ name: p.name, required: p.required, type: p.type, default: p.default, values: p.values, children: p.children && params(p.children) }))
  return {
    id: model.id,
    title: model.title,
    stability: model.stability.level,
    endpoints: model.endpoints.map((e) => `${e.method} ${e.path}`),
    pathParams: params(model.pathParams),
    queryParams: params(model.queryParams),
    bodyParams: params(model.bodyParams),
    responseBody: params(model.responseBody),
    responseCodes: model.responseCodes.map((c) => c.code),
    examples: model.examples.length,
    roles: model.examples.map((e) => e.role),
    requests: model.examples.flatMap((e) => e.requests.map((r) => `${r.method} ${r.path}`)),
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
