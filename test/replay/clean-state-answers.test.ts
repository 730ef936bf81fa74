/**
 * What a test creates that its request paths do not name — an index of a date-math name, a rollover's new
 * index, the indices a snapshot restore or a reindex script adds — and the cluster settings it changes: replayed against a
 * loopback server that keeps state as a cluster does, everything is removed or put back after the test,
 * and what was there before is left as it was.
 */
import fs from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitReplayTests } from '../../src/emit/replay-tests/index.js'
import { runReplay } from '../../src/replay/run.js'
import { page, request } from './models.js'

const P = 'reference/state.asciidoc'
const statePage = page(P, 'state', [
  {
    line: 3,
    role: 'request',
    text: '…',
    requests: [
      request(P, 3, 'PUT', '/%3Cdaily-%7Bnow%2Fd%7D%3E'),
      request(P, 4, 'PUT', '/logs-000001', { aliases: { logs: { is_write_index: true } } }),
      request(P, 5, 'POST', '/logs/_rollover'),
      request(P, 6, 'POST', '/_snapshot/backups/snap-1/_restore'),
      request(P, 6, 'POST', '/_reindex', { source: { index: 'theirs' }, dest: { index: 'copy' }, script: { source: "ctx._index = 'copy-' + ctx._index" } }),
      request(P, 7, 'PUT', '/_cluster/settings', { persistent: { cluster: { routing: { allocation: { enable: 'none' } } } }, transient: { 'indices.recovery.max_bytes_per_sec': '50mb' } }),
      request(P, 8, 'PUT', '/_cluster/settings', { persistent: { 'cluster.routing.allocation.enable': 'primaries' } }),
    ],
  },
])

const indices = new Set<string>()
const settings: Record<'persistent' | 'transient', Record<string, unknown>> = { persistent: {}, transient: {} }
const sent: string[] = []

function flat(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[prefix, value]]
  return Object.entries(value).flatMap(([key, inner]) => flat(inner, prefix ? `${prefix}.${key}` : key))
}

/** Indices, a date-math resolver, rollover, restore and cluster settings, in miniature. */
function cluster(req: IncomingMessage, res: ServerResponse): void {
  let text = ''
  req.on('data', (chunk) => (text += chunk))
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://x')
    const name = decodeURIComponent(url.pathname.slice(1))
    const body = text ? JSON.parse(text) : undefined
    const reply = (status: number, answer: unknown = {}) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
    if (url.pathname !== '/') sent.push(`${req.method} ${name}${body ? ` ${JSON.stringify(body)}` : ''}`)
    if (url.pathname === '/') return reply(200, { version: { number: '7.10.0' } })
    if (name === '_cat/indices') return reply(200, [...indices].map((index) => ({ index })))
    if (name === '_cluster/settings' && req.method === 'GET') return reply(200, settings)
    if (name === '_cluster/settings') {
      for (const scope of ['persistent', 'transient'] as const) {
        for (const [key, value] of flat(body[scope] ?? {})) {
          if (value === null) delete settings[scope][key]
          else if (key) settings[scope][key] = value
        }
      }
      return reply(200, { acknowledged: true, ...settings })
    }
    if (name === 'logs/_rollover') return indices.add('logs-000002'), reply(200, { rolled_over: true, old_index: 'logs-000001', new_index: 'logs-000002' })
    if (name === '_reindex') return indices.add(`copy-${body.source.index}`), reply(200, { took: 1, created: 1 })
    if (name === '_snapshot/backups/snap-1/_restore') return indices.add('restored-a'), indices.add('restored-b'), reply(200, { accepted: true })
    const index = name.startsWith('<daily-') ? 'daily-2030.01.31' : name
    if (req.method === 'PUT') return indices.has(index) ? reply(400) : (indices.add(index), reply(200, { acknowledged: true, index }))
    if (req.method === 'DELETE') return indices.delete(index) ? reply(200, { acknowledged: true }) : reply(404)
    reply(indices.has(index) ? 200 : 404)
  })
}

const server = createServer(cluster)
let url: string
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docspec-clean-answers-'))
  for (const file of (await emitReplayTests([statePage], {})).files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true })
    fs.writeFileSync(path.join(dir, file.path), file.content)
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('a clean state for what only answers name', () => {
  it('removes the indices the answers name and the restore added, puts the settings back, and leaves what was there', async () => {
    indices.add('theirs')
    settings.persistent['cluster.routing.allocation.enable'] = 'all'
    settings.persistent['cluster.max_shards_per_node'] = '2000'
    const summary = await runReplay({ dir, target: url })
    expect(summary.tests.map((t) => [t.name, t.state, t.message])).toEqual([['state › reference/state.asciidoc:3', 'passed', undefined]])
    expect([...indices]).toEqual(['theirs'])
    expect(settings).toEqual({ persistent: { 'cluster.routing.allocation.enable': 'all', 'cluster.max_shards_per_node': '2000' }, transient: {} })
    const after = sent.slice(sent.indexOf('PUT _cluster/settings {"persistent":{"cluster.routing.allocation.enable":"primaries"}}') + 1)
    // Newest first: each change is undone in turn, so the last undo leaves the values from before the test.
    expect(after).toEqual([
      'PUT _cluster/settings {"persistent":{"cluster.routing.allocation.enable":"none"},"transient":{}}',
      'PUT _cluster/settings {"persistent":{"cluster.routing.allocation.enable":"all"},"transient":{"indices.recovery.max_bytes_per_sec":null}}',
      'DELETE copy-theirs',
      'DELETE copy',
      'DELETE restored-b',
      'DELETE restored-a',
      'DELETE logs-000002',
      'DELETE logs-000001',
      'DELETE daily-2030.01.31',
    ])
    expect(sent).not.toContain('DELETE theirs')
  })
})
