/**
 * Starts the OpenSearch node of `engine/` (one JVM, see engine/src/main/java/docspec/engine/Engine.java)
 * and reports when it answers. Maven resolves the artifacts once into ~/.m2 and writes the classpath to
 * engine/target/classpath.txt; later starts run `java` directly unless the pom or the class changed.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const engineDir = path.join(projectRoot, 'engine')
export const DEFAULT_PORT_FILE = path.join(engineDir, '.port')
const READY_PREFIX = 'docspec-engine '
const MAIN_CLASS = 'docspec.engine.Engine'

/** What `npm run engine` accepts; unknown options are an error, so a typo never starts a node. */
export function parseEngineArgs(argv) {
  const options = { port: 0, portFile: DEFAULT_PORT_FILE, heap: '1g', logLevel: 'warn', config: undefined, settings: [], check: false, bootTimeoutMs: 180_000 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--check') {
      options.check = true
      continue
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => {
      if (inline !== undefined) return inline
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`)
      return argv[++i]
    }
    switch (name) {
      case '--port': {
        const port = Number(value())
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port wants 0-65535 (0: a free port), got ${argv[i]}`)
        options.port = port
        break
      }
      case '--port-file':
        options.portFile = path.resolve(value())
        break
      case '--heap': {
        const heap = value()
        if (!/^\d+[mMgG]$/.test(heap)) throw new Error(`--heap wants a size such as 512m or 1g, got ${heap}`)
        options.heap = heap
        break
      }
      case '--log-level':
        options.logLevel = value()
        break
      case '--config':
        options.config = path.resolve(value())
        break
      case '--setting': {
        const setting = value()
        if (!/^[^=]+=/.test(setting)) throw new Error(`--setting wants key=value, got ${setting}`)
        options.settings.push(setting)
        break
      }
      default:
        throw new Error(`unknown option ${arg} (options: --port N, --port-file FILE, --heap SIZE, --log-level LEVEL, --config DIR, --setting key=value, --check)`)
    }
  }
  return options
}

/** The JVM command line: heap capped, the locale data OpenSearch's date formats expect. */
export function javaArgs(classpath, options) {
  const args = [`-Xms${options.heap}`, `-Xmx${options.heap}`, '-XX:+UseG1GC', '-Djava.awt.headless=true', '-Djava.locale.providers=SPI,COMPAT', '-Dlog4j2.formatMsgNoLookups=true', '-cp', classpath, MAIN_CLASS]
  args.push('--port', String(options.port), '--log-level', options.logLevel)
  if (options.portFile) args.push('--port-file', options.portFile)
  if (options.config) args.push('--config', options.config)
  for (const setting of options.settings) args.push('--setting', setting)
  return args
}

/** The JSON of a `docspec-engine {…}` line, or undefined for any other line. */
export function parseEngineLine(line) {
  if (!line.startsWith(READY_PREFIX)) return undefined
  try {
    const event = JSON.parse(line.slice(READY_PREFIX.length))
    return typeof event === 'object' && event !== null && typeof event.event === 'string' ? event : undefined
  } catch {
    return undefined
  }
}

/** The port a port file holds (as the engine writes it: digits and a newline), or undefined. */
export function readPortFile(file) {
  let text
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const port = Number(text.trim())
  return /^\d+$/.test(text.trim()) && port > 0 && port <= 65535 ? port : undefined
}

/** Peak resident set (VmHWM) of a live process in KiB, from /proc; undefined where there is none. */
export function peakRssKiB(pid) {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

function newer(file, than) {
  try {
    const mtime = fs.statSync(file).mtimeMs
    return than.every((other) => fs.statSync(other).mtimeMs <= mtime)
  } catch {
    return false
  }
}

/**
 * The classpath of the node (compiled class first), running Maven only when engine/target is missing or
 * older than the pom or the class's source. Throws with Maven's own output when it fails.
 */
export function ensureClasspath({ log = () => {} } = {}) {
  const classpathFile = path.join(engineDir, 'target', 'classpath.txt')
  const classFile = path.join(engineDir, 'target', 'classes', ...MAIN_CLASS.split('.')) + '.class'
  const pom = path.join(engineDir, 'pom.xml')
  const source = path.join(engineDir, 'src', 'main', 'java', ...MAIN_CLASS.split('.')) + '.java'
  let resolveMs = 0
  // Maven leaves an unchanged classpath file as it was: it only has to be newer than the pom.
  if (!newer(classpathFile, [pom]) || !newer(classFile, [pom, source])) {
    log('engine: resolving OpenSearch with Maven (cached in ~/.m2) and compiling the launcher…')
    const started = performance.now()
    const mvn = spawnSync('mvn', ['-B', '-q', '-f', path.join(engineDir, 'pom.xml'), 'compile', 'dependency:build-classpath'], { encoding: 'utf8' })
    resolveMs = performance.now() - started
    if (mvn.error) throw new Error(`could not run mvn (${mvn.error.message}): the engine needs Java 17 and Maven`)
    if (mvn.status !== 0) throw new Error(`mvn failed (exit ${mvn.status}):\n${(mvn.stdout + mvn.stderr).trim().split('\n').slice(-30).join('\n')}`)
  }
  const classpath = [path.join(engineDir, 'target', 'classes'), fs.readFileSync(classpathFile, 'utf8').trim()].join(path.delimiter)
  return { classpath, resolveMs }
}

/**
 * Starts the node and resolves once it answers HTTP: `{ url, port, pid, ready, bootMs, stop() }`.
 * `bootMs` runs from spawning `java` to the first answer of `GET /`. The node's log goes to `onLog`.
 */
export async function startEngine(options, { onLog = (line) => process.stderr.write(line + '\n'), onEvent = () => {} } = {}) {
  const { classpath } = ensureClasspath({ log: onLog })
  const spawned = performance.now()
  const child = spawn('java', javaArgs(classpath, options), { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })))
  let stoppedEvent
  const stderrTail = []
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line)
    if (stderrTail.length > 40) stderrTail.shift()
    onLog(line)
  })
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`the engine did not answer within ${options.bootTimeoutMs / 1000} s`))
    }, options.bootTimeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not run java (${error.message}): the engine needs Java 17`))
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = parseEngineLine(line)
      if (!event) return onLog(line)
      onEvent(event)
      if (event.event === 'stopped') stoppedEvent = event
      if (event.event === 'ready') {
        clearTimeout(timer)
        resolve(event)
      }
    })
    exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`the engine exited before answering (${signal ?? `exit ${code}`}):\n${stderrTail.join('\n')}`))
    })
  })
  const url = `http://127.0.0.1:${ready.port}`
  const root = await fetch(url + '/').then((response) => response.json())
  const bootMs = performance.now() - spawned
  return {
    url,
    port: ready.port,
    pid: child.pid,
    ready,
    version: root?.version?.number,
    distribution: root?.version?.distribution,
    bootMs,
    exited,
    /** Peak RSS of the JVM so far (KiB). */
    peakRssKiB: () => peakRssKiB(child.pid),
    /** SIGTERM, then the exit (and the node's last peak RSS figure when it printed one). */
    async stop(signal = 'SIGTERM') {
      const peak = peakRssKiB(child.pid)
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      const exit = await exited
      return { ...exit, peakRssKiB: stoppedEvent?.peakRssKiB ?? peak }
    },
  }
}

export function formatMiB(kib) {
  return kib === undefined ? 'n/a' : `${Math.round(kib / 1024)} MiB`
}
