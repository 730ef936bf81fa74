import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocServer } from '../../src/serve/index.js'
import { contradictedPage, mlJobs, rollupStopJob } from './models.js'

const lines: string[] = []
const server = createDocServer([rollupStopJob(), mlJobs(), contradictedPage()], { log: (line) => lines.push(line) })
let base = ''

beforeAll(async () => {
  base = await server.listen()
})
afterAll(() => server.close())

async function call(method: string, path: string, init: RequestInit = {}) {
  const res = await fetch(base + path, { method, ...init })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as any) : undefined }
}

function esError(status: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status }
}

describe('listen', () => {
  it('serves on loopback on an ephemeral port', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(base).not.toMatch(/:0$/)
  })
})

describe('routing', () => {
  it.each([
    ['the documented path', 'POST', '/_rollup/job/sensor/_stop'],
    ['a trailing slash', 'POST', '/_rollup/job/sensor/_stop/'],
    ['a doubled slash', 'POST', '//_rollup/job/sensor/_stop'],
    ['a template written without leading slash', 'GET', '/_ml/anomaly_detectors/high_sum_total_sales'],
    ['a template written with trailing slash', 'GET', '/_ml/anomaly_detectors/high_sum_total_sales/'],
    ['a second endpoint of the page', 'GET', '/_ml/anomaly_detectors'],
  ])('routes %s', async (_, method, path) => {
    const res = await call(method, path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-elastic-product')).toBe('Elasticsearch')
  })

  it('answers 404 with an Elasticsearch error when no route matches', async () => {
    const res = await call('GET', '/_nothing/here')
    expect(res.status).toBe(404)
    expect(res.json).toEqual(
      esError(404, 'resource_not_found_exception', 'no handler found for uri [/_nothing/here] and method [GET]'),
    )
  })

  it('answers 405 with Allow when the path exists under another method', async () => {
    const res = await call('GET', '/_rollup/job/sensor/_stop')
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
    expect(res.json).toEqual(
      esError(
        405,
        'illegal_argument_exception',
        'Incorrect HTTP method for uri [/_rollup/job/sensor/_stop] and method [GET], allowed: [POST]',
      ),
    )
  })

  it('answers OPTIONS with the allowed methods', async () => {
    const res = await call('OPTIONS', '/_rollup/job/sensor/_stop')
    expect(res.status).toBe(200)
    expect(res.headers.get('allow')).toBe('POST')
    expect(res.text).toBe('')
  })
})

describe('query validation', () => {
  it.each([
    [
      'an unknown parameter',
      '?foo=1',
      'illegal_argument_exception',
      'request [/_rollup/job/sensor/_stop] contains unrecognized parameter: [foo]',
    ],
    [
      'a misspelt parameter, with suggestions',
      '?timout=1s',
      'illegal_argument_exception',
      'request [/_rollup/job/sensor/_stop] contains unrecognized parameter: [timout] -> did you mean [timeout]?',
    ],
    [
      'several unknown parameters, sorted',
      '?zz=1&aa=2',
      'illegal_argument_exception',
      'request [/_rollup/job/sensor/_stop] contains unrecognized parameters: [aa], [zz]',
    ],
    [
      'a boolean that is neither true nor false',
      '?wait_for_completion=yes',
      'illegal_argument_exception',
      'Failed to parse value [yes] as only [true] or [false] are allowed.',
    ],
    [
      'a time value without unit',
      '?timeout=10',
      'illegal_argument_exception',
      'failed to parse setting [timeout] with value [10] as a time value: unit is missing or unrecognized',
    ],
    [
      'a fractional time value',
      '?timeout=1.5s',
      'illegal_argument_exception',
      'failed to parse [1.5s], fractional time values are not supported',
    ],
    [
      'a negative time value',
      '?timeout=-2s',
      'illegal_argument_exception',
      'failed to parse setting [timeout] with value [-2s] as a time value: negative durations are not supported',
    ],
  ])('refuses %s with 400', async (_, query, type, reason) => {
    const res = await call('POST', `/_rollup/job/sensor/_stop${query}`)
    expect(res.status).toBe(400)
    expect(res.json).toEqual(esError(400, type, reason))
  })

  it('refuses a non-integer for an integer parameter, with the Java parse error as its cause', async () => {
    const res = await call('GET', '/_ml/anomaly_detectors?size=ten')
    expect(res.status).toBe(400)
    const refusal = esError(400, 'illegal_argument_exception', 'Failed to parse int parameter [size] with value [ten]')
    expect(res.json).toEqual({ ...refusal, error: { ...refusal.error, caused_by: { type: 'number_format_exception', reason: 'For input string: "ten"' } } })
  })

  it.each([
    '?timeout=30s',
    '?timeout=-1',
    '?timeout=0',
    '?timeout=1m&wait_for_completion=false',
    '?timeout=100nanos',
    '?timeout=5ms',
    '?wait_for_completion',
    '?pretty&human=true&error_trace=true&filter_path=stopped&format=json',
  ])('accepts %s', async (query) => {
    const res = await call('POST', `/_rollup/job/sensor/_stop${query}`)
    expect(res.status).toBe(200)
  })
})

describe('path parameter rules read from the description', () => {
  it.each(['high_sum_total_sales', 'a', 'job-1', '0x'])('accepts job_id %s', async (id) => {
    expect((await call('GET', `/_ml/anomaly_detectors/${id}`)).status).toBe(200)
  })

  it.each(['High', '_job', 'job-', 'job.1'])('refuses job_id %s', async (id) => {
    const res = await call('GET', `/_ml/anomaly_detectors/${id}`)
    expect(res.status).toBe(400)
    expect(res.json.error.type).toBe('illegal_argument_exception')
    expect(res.json.error.reason).toBe(
      `Invalid job_id [${id}]: This identifier can contain lowercase alphanumeric characters (a-z and 0-9), ` +
        'hyphens, and underscores. It must start and end with alphanumeric characters.',
    )
  })

  it('leaves parameters without a stated rule alone', async () => {
    expect((await call('POST', '/_rollup/job/Any.Thing_/_stop')).status).toBe(200)
  })
})

describe("a page's own examples are evidence over its parameter list", () => {
  it.each([
    ['a type its examples contradict is not enforced', '/_thing/a?stored_fields=x,y', 200],
    ['other types still are', '/_thing/a?realtime=maybe', 400],
    ['a name only its examples send is accepted', '/_thing/a?lost_param=2', 200],
    ['a path rule its examples break is not enforced', '/_thing/x.y', 200],
  ])('%s', async (_, path, status) => {
    expect((await call('GET', path)).status).toBe(status)
  })
})

describe('answers from examples', () => {
  it.each([
    ['the plain example for a plain request', '', { stopped: true }],
    ['the example sharing the query', '?wait_for_completion=true', { stopped: true, waited: true }],
    ['the example sharing the most query', '?wait_for_completion=true&timeout=10s', { stopped: true, waited: true }],
    ['the plain example when a flag is set to its default', '?wait_for_completion=false', { stopped: true }],
    ['the example setting a flag given bare', '?wait_for_completion', { stopped: true, waited: true }],
  ])('serves %s', async (_, query, want) => {
    const res = await call('POST', `/_rollup/job/sensor/_stop${query}`)
    expect(res.json).toEqual(want)
  })

  it('serves doc-flavoured JSON as valid JSON: substitutions applied, open values kept or nulled', async () => {
    const res = await call('GET', '/_ml/anomaly_detectors/high_sum_total_sales')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      count: 1,
      took: 25,
      jobs: [{ job_id: 'high_sum_total_sales', create_time: 1656113450613, analysis_config: null }],
      node: null,
      version: null,
    })
  })

  it('replays a documented failure for the requests that match the failing example best', async () => {
    const res = await call('GET', '/_ml/anomaly_detectors/missing-job')
    expect(res.status).toBe(404)
    expect(res.json.error.reason).toBe("No known job with id 'missing-job'")
    expect((await call('GET', '/_ml/anomaly_detectors/missing-job?size=1')).status).toBe(404)
    const other = await call('GET', '/_ml/anomaly_detectors/another-job')
    expect(other.status).toBe(200)
    const preferred = await call('GET', '/_ml/anomaly_detectors/missing-job', { headers: { prefer: 'code=200' } })
    expect(preferred.status).toBe(200)
    expect(preferred.json.count).toBe(1)
  })

  it('echoes the requested path value where the example had its own', async () => {
    const res = await call('GET', '/_ml/anomaly_detectors/other-job')
    expect(res.json.jobs[0].job_id).toBe('other-job')
  })

  it('falls back to the acknowledged answer when the page has no example', async () => {
    const server2 = createDocServer([{ ...rollupStopJob(), examples: [] }])
    const url = await server2.listen()
    try {
      const res = await fetch(`${url}/_rollup/job/x/_stop`, { method: 'POST' })
      expect(await res.json()).toEqual({ acknowledged: true })
    } finally {
      await server2.close()
    }
  })

  it('refuses a body over its size bound with 413, and still answers the next request', async () => {
    const small = createDocServer([rollupStopJob()], { maxBodyBytes: 1024 })
    const url = await small.listen()
    try {
      const res = await fetch(`${url}/_rollup/job/sensor/_stop`, { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(4096) }) })
      expect(res.status).toBe(413)
      expect(await res.json()).toMatchObject({ status: 413, error: { type: 'illegal_argument_exception', reason: expect.stringContaining('1024 bytes') } })
      const next = await fetch(`${url}/_rollup/job/sensor/_stop`, { method: 'POST', body: '{}' })
      expect(next.status).toBe(200)
    } finally {
      await small.close()
    }
  })

  it('filters the answer by filter_path', async () => {
    const res = await call('POST', '/_rollup/job/sensor/_stop?wait_for_completion=true&filter_path=waited')
    expect(res.json).toEqual({ waited: true })
  })

  it('indents the answer for ?pretty', async () => {
    const res = await call('POST', '/_rollup/job/sensor/_stop?pretty')
    expect(res.text).toBe('{\n  "stopped": true\n}\n')
  })
})

describe('Prefer: code=N', () => {
  it('answers a documented error code with an Elasticsearch error built from its description', async () => {
    const res = await call('POST', '/_rollup/job/sensor/_stop', { headers: { prefer: 'code=404' } })
    expect(res.status).toBe(404)
    expect(res.json).toEqual(
      esError(
        404,
        'resource_not_found_exception',
        'This code indicates that there are no resources that match the request.',
      ),
    )
  })

  it("serves the page's own error example for the code when there is one", async () => {
    const res = await call('GET', '/_ml/anomaly_detectors/missing-job', { headers: { prefer: 'code=404' } })
    expect(res.status).toBe(404)
    expect(res.json.error.reason).toBe("No known job with id 'missing-job'")
  })

  it('refuses an undocumented code, naming the documented ones', async () => {
    const res = await call('POST', '/_rollup/job/sensor/_stop', { headers: { prefer: 'code=500' } })
    expect(res.status).toBe(400)
    expect(res.json).toEqual(
      esError(
        400,
        'illegal_argument_exception',
        'Prefer asks for status [500] but [POST /_rollup/job/{job_id}/_stop] documents [200, 404]',
      ),
    )
  })

  it('answers normally for code=200', async () => {
    const res = await call('POST', '/_rollup/job/sensor/_stop', { headers: { prefer: 'code=200' } })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ stopped: true })
  })

  it('still validates the request first', async () => {
    const res = await call('POST', '/_rollup/job/sensor/_stop?nope=1', { headers: { prefer: 'code=404' } })
    expect(res.status).toBe(400)
  })
})

describe('logging and shutdown', () => {
  it('logs one line per request with method, path, status and duration', async () => {
    const before = lines.length
    await call('POST', '/_rollup/job/sensor/_stop?timeout=5s')
    await call('DELETE', '/_rollup/job/sensor/_stop')
    const logged = lines.slice(before)
    expect(logged).toHaveLength(2)
    expect(logged[0]).toMatch(/^POST \/_rollup\/job\/sensor\/_stop\?timeout=5s 200 \d+\.\dms$/)
    expect(logged[1]).toMatch(/^DELETE \/_rollup\/job\/sensor\/_stop 405 \d+\.\dms$/)
  })

  it('closes promptly with a kept-alive connection open, and refuses connections afterwards', async () => {
    const own = createDocServer([rollupStopJob()])
    const url = await own.listen()
    await (await fetch(`${url}/_rollup/job/x/_stop`, { method: 'POST' })).text()
    const started = Date.now()
    await own.close()
    expect(Date.now() - started).toBeLessThan(1000)
    await expect(fetch(`${url}/_rollup/job/x/_stop`, { method: 'POST' })).rejects.toThrow()
    await expect(own.close()).resolves.toBeUndefined()
  })

  it('finishes a request still running at shutdown, then closes', async () => {
    const own = createDocServer([rollupStopJob()])
    const { hostname, port } = new URL(await own.listen())
    const answered = new Promise<string>((resolve, reject) => {
      const req = request({ hostname, port, method: 'POST', path: '/_rollup/job/x/_stop' }, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve(`${res.statusCode} ${text}`))
      })
      req.on('error', reject)
      req.write('{"a":')
      setTimeout(() => req.end('1}'), 100)
    })
    await new Promise((resolve) => setTimeout(resolve, 30))
    const started = Date.now()
    const closed = own.close()
    expect(await answered).toBe('200 {"stopped":true}')
    await closed
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
