import net from 'node:net'
import { describe, expect, it } from 'vitest'

describe('the loopback-only guard every test runs under', () => {
  it('refuses a connection to another address before it is made, and records it', async () => {
    const before = globalThis.nonLoopbackAttempts.length
    // 192.0.2.0/24 (TEST-NET-1) and a name that never resolves: neither is dialled nor looked up.
    for (const host of ['192.0.2.10', 'kibana.example.invalid']) {
      const error = await new Promise<NodeJS.ErrnoException>((done) => net.connect({ host, port: 9200 }).on('error', done))
      expect(error).toMatchObject({ code: 'ENOTLOOPBACK', message: `tests connect to loopback only: ${host}:9200 refused` })
    }
    expect(globalThis.nonLoopbackAttempts.slice(before)).toEqual(['192.0.2.10:9200', 'kibana.example.invalid:9200'])
  })

  it('lets loopback connections through', async () => {
    const server = net.createServer((socket) => socket.end('ok'))
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const port = (server.address() as net.AddressInfo).port
    const text = await new Promise<string>((done) => net.connect({ host: '127.0.0.1', port }).on('data', (d) => done(String(d))))
    await new Promise((done) => server.close(done))
    expect(text).toBe('ok')
  })
})
