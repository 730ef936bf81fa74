// What test/support/loopback-only.cjs records: the connections it refused (host:port).
declare global {
  var nonLoopbackAttempts: string[]
}

export {}
