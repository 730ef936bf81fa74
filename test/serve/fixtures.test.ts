import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractFiles } from '../../src/extract/index.js'
import { createDocServer, type DocServer } from '../../src/serve/index.js'

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures')
let server: DocServer
let base = ''

beforeAll(async () => {
  const { models } = await extractFiles([fixtures], { root: fixtures })
  server = createDocServer(models)
  base = await server.listen()
})
afterAll(() => server.close())

async function call(method: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method, headers })
  return { status: res.status, json: (await res.json()) as any }
}

describe('serving the seed fixtures', () => {
  it.each([
    ['rollup: the documented example', 'POST', '/_rollup/job/sensor/_stop?wait_for_completion=true&timeout=10s', 200],
    ['rollup: an unknown parameter', 'POST', '/_rollup/job/sensor/_stop?force=true', 400],
    ['rollup: a bad time value', 'POST', '/_rollup/job/sensor/_stop?timeout=soon', 400],
    ['rollup: the wrong method', 'GET', '/_rollup/job/sensor/_stop', 405],
    ['damaged: the documented example', 'POST', '/_ml/data_frame/analytics/loganalytics/_stop', 200],
    ['damaged: the _all endpoint', 'POST', '/_ml/data_frame/analytics/_all/_stop', 200],
    [
      'damaged: parameters filed under the path section',
      'POST',
      '/_ml/data_frame/analytics/a/_stop?force=true&allow_no_match=false',
      200,
    ],
    ['damaged: a bad boolean', 'POST', '/_ml/data_frame/analytics/a/_stop?force=yes', 400],
    ['damaged: an id breaking the documented rule', 'POST', '/_ml/data_frame/analytics/Log_/_stop', 400],
  ])('%s', async (_, method, path, status) => {
    expect((await call(method, path)).status).toBe(status)
  })

  it('answers the damaged page with its documented response', async () => {
    expect((await call('POST', '/_ml/data_frame/analytics/loganalytics/_stop')).json).toEqual({ stopped: true })
  })

  it('answers the rollup page, which documents no response, with an acknowledgement', async () => {
    expect((await call('POST', '/_rollup/job/sensor/_stop')).json).toEqual({ acknowledged: true })
  })

  it('answers Prefer: code=404 on the rollup page from its response codes', async () => {
    const res = await call('POST', '/_rollup/job/sensor/_stop', { prefer: 'code=404' })
    expect(res.status).toBe(404)
    expect(res.json.error.type).toBe('resource_not_found_exception')
    expect(res.json.error.reason).toMatch(/no resources that match the request/)
  })
})
