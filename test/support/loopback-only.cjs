// Preloaded into every test process and thread (vitest.config.ts: `--require`, which worker threads inherit,
// so the replays the tests start get it too): a connection to anything but a loopback address fails before
// a packet leaves, host names included (no DNS query), and is recorded in `globalThis.nonLoopbackAttempts`,
// so a test of the write guard can assert that none was attempted.
const net = require('node:net')

const attempts = (globalThis.nonLoopbackAttempts ??= [])
const loopback = (host) => host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || /^(?:::1|::ffff:127\.\d+\.\d+\.\d+|\[::1\])$/i.test(host)

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const options = first !== null && typeof first === 'object' ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }
  const host = options.host ?? 'localhost'
  if (options.path === undefined && !loopback(host)) {
    attempts.push(`${host}:${options.port}`)
    process.nextTick(() => this.destroy(Object.assign(new Error(`tests connect to loopback only: ${host}:${options.port} refused`), { code: 'ENOTLOOPBACK' })))
    return this
  }
  return connect.apply(this, args)
}
