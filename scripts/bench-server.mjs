#!/usr/bin/env node
/**
 * The embedded server under load while one large body is posted: `npm run bench:server` (builds `dist/` first).
 *
 * Starts `docspec serve fixtures` on a loopback port in its own process, then for `--seconds` (10) runs
 * autocannon (`--connections`, 50) against a documented GET route while this process posts `--body-mb`
 * (68) MB JSON arrays of `{}` to a documented POST route, one after another, as fast as the server reads them. Prints the
 * latency percentiles of the other requests, how long the large body took and what it was answered, and the
 * server's peak RSS. Loopback only.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const seconds = arg('seconds', 10)
const connections = arg('connections', 50)
const bodyMb = arg('body-mb', 68)

const server = spawn(process.execPath, [path.join(root, 'dist/cli/main.js'), 'serve', 'fixtures', '--port', '0', '--quiet', '--no-cache'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
const url = await new Promise((resolve, reject) => {
  let text = ''
  server.stderr.on('data', (chunk) => {
    text += chunk
    const m = /at (http:\/\/\S+)/.exec(text)
    if (m) resolve(m[1])
  })
  server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${text}`)))
})
const { port } = new URL(url)

/** `[{},{},…]` of about `mb` megabytes, produced as it is sent (never whole in memory). */
function* arrayBody(mb) {
  const chunk = Buffer.from('{},'.repeat(21_845))
  const count = Math.ceil((mb * 1024 * 1024) / chunk.length)
  yield Buffer.from('[')
  for (let i = 0; i < count; i++) yield chunk
  yield Buffer.from('{}]')
}

function postLarge() {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/_rollup/job/sensor/_stop', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode, body: body.slice(0, 120), seconds: (performance.now() - started) / 1000 }))
    })
    req.on('error', reject)
    const parts = arrayBody(bodyMb)
    const pump = () => {
      for (let next = parts.next(); !next.done; next = parts.next()) if (!req.write(next.value)) return void req.once('drain', pump)
      req.end()
    }
    pump()
  })
}

// Large bodies are posted one after another for the whole run.
let running = true
const posted = []
const poster = (async () => {
  while (running) posted.push(await postLarge())
})()
const load = await autocannon({ url: `${url}/_widgets/_stats`, connections, duration: seconds })
running = false
await poster
const peak = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1]
server.kill('SIGTERM')

const { latency, requests, non2xx, errors } = load
console.log(`others: ${requests.total} requests in ${seconds} s (${requests.average}/s), ${non2xx} non-2xx, ${errors} errors`)
console.log(`latency ms: p50 ${latency.p50}, p90 ${latency.p90}, p99 ${latency.p99}, max ${latency.max}`)
const slowest = Math.max(...posted.map((p) => p.seconds))
console.log(`${posted.length} bodies of ${bodyMb} MB posted meanwhile, each answered within ${slowest.toFixed(2)} s: ${posted[0]?.status} ${posted[0]?.body}`)
if (peak) console.log(`server peak RSS: ${(Number(peak) / 1024).toFixed(0)} MB`)
