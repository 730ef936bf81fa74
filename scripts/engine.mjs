#!/usr/bin/env node
/**
 * `npm run engine [-- options]`: one OpenSearch 2.19 node (the Elasticsearch 7.10 REST API) on
 * 127.0.0.1, for `ES_URL`. Needs Java 17 and Maven; the artifacts come from Maven Central once.
 *
 *   --port N            HTTP port (default 0: a free one)
 *   --port-file FILE    where the bound port is written (default engine/.port; removed at exit)
 *   --heap SIZE         JVM heap, -Xms = -Xmx (default 1g)
 *   --config DIR        files copied into the node's config folder (word lists, synonyms, …)
 *   --setting key=value node setting, repeatable
 *   --log-level LEVEL   the node's log level (default warn)
 *   --check             boot, ask GET / and GET /_cluster/health, print the figures, stop
 *
 * It stops on SIGINT/SIGTERM/SIGHUP (forwarded to the JVM); the JVM also stops when this process dies.
 */
import { formatMiB, parseEngineArgs, startEngine } from './engine/launcher.mjs'

let options
try {
  options = parseEngineArgs(process.argv.slice(2))
} catch (error) {
  console.error(`engine: ${error.message}`)
  process.exit(2)
}

let engine
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    if (!engine) process.exit(130)
    engine.stop(signal).then((exit) => {
      console.log(`engine: stopped (${exit.signal ?? `exit ${exit.code}`}), peak RSS ${formatMiB(exit.peakRssKiB)}`)
      process.exit(0)
    })
  })
}

try {
  engine = await startEngine(options)
} catch (error) {
  console.error(`engine: ${error.message}`)
  process.exit(1)
}

const health = await fetch(`${engine.url}/_cluster/health`).then((response) => response.json())
const ready = engine.ready
console.log(
  `engine: ${engine.distribution ?? 'opensearch'} ${engine.version} answering at ${engine.url} (cluster ${health.status}, ${health.number_of_nodes} node)\n` +
    `engine: boot ${(engine.bootMs / 1000).toFixed(1)} s from starting java to GET / (JVM start to HTTP bound: ${(ready.bootMs / 1000).toFixed(1)} s); ` +
    `peak RSS ${formatMiB(engine.peakRssKiB())}, heap max ${ready.heapMaxMiB} MiB\n` +
    `engine: modules ${ready.modules.join(', ')}${ready.missingModules.length ? `; not on the classpath: ${ready.missingModules.join(', ')}` : ''}\n` +
    `engine: port in ${options.portFile}; ES_URL=${engine.url}` +
    (options.check ? '' : '\nengine: Ctrl-C stops it'),
)

if (options.check) {
  stopping = true
  const exit = await engine.stop()
  console.log(`engine: stopped, peak RSS ${formatMiB(exit.peakRssKiB)}`)
} else {
  const exit = await engine.exited
  if (!stopping) {
    console.error(`engine: the node exited on its own (${exit.signal ?? `exit ${exit.code}`})`)
    process.exit(1)
  }
}
