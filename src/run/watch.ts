import fs from 'node:fs'
import path from 'node:path'
import { resolveRoot } from '../load/index.js'
import { DEFAULT_CACHE_DIR } from '../cache/index.js'
import { setupsFiles, type GenerateOptions } from './generate.js'

export interface Watcher {
  close(): Promise<void>
}

export interface WatchOptions {
  /** Changes closer together than this make one run (default 200 ms). */
  debounceMs?: number
  /** A run that threw (the watch goes on). */
  onError?: (error: Error) => void
}

/** Editors save in bursts (temp file, rename, chmod): changes closer together than this make one run. */
const DEBOUNCE_MS = 200

/**
 * Runs `regenerate` after changes under the docs root (pages and their includes) and the attribute and
 * setup files, debounced, one run at a time: changes during a run make one more run after it. The output
 * and cache folders, dot folders and node_modules are not watched (writing the output must not trigger a run).
 */
export function watchGenerate(inputs: string[], options: GenerateOptions, regenerate: () => Promise<void>, watch: WatchOptions = {}): Watcher {
  const debounceMs = watch.debounceMs ?? DEBOUNCE_MS
  const root = resolveRoot(options.root, inputs[0]!)
  const ignored = [path.resolve(options.out), path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR)]
  const extraFiles = [options.attributesFile, ...setupsFiles(options)].filter((f): f is string => !!f).map((f) => path.resolve(f))
  const relevant = (file: string) => {
    if (extraFiles.includes(file)) return true
    if (ignored.some((dir) => file === dir || file.startsWith(dir + path.sep))) return false
    return !path.relative(root, file).split(path.sep).some((s) => s.startsWith('.') || s === 'node_modules')
  }

  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  let closed = false
  const run = () => {
    timer = undefined
    if (running) {
      again = true
      return
    }
    running = regenerate()
      .catch((error: unknown) => watch.onError?.(error as Error))
      .finally(() => {
        running = undefined
        if (again && !closed) {
          again = false
          run()
        }
      })
  }
  const changed = (dir: string) => (_event: string, name: string | Buffer | null) => {
    if (closed || (name !== null && !relevant(path.resolve(dir, name.toString())))) return
    clearTimeout(timer)
    timer = setTimeout(run, debounceMs)
  }
  const watchers = [
    fs.watch(root, { recursive: true }, changed(root)),
    ...[...new Set(extraFiles.map((f) => path.dirname(f)))].map((dir) => fs.watch(dir, changed(dir))),
    ...inputs.map((i) => path.resolve(i)).filter((i) => path.relative(root, i).startsWith('..')).map((i) => fs.watch(i, { recursive: true }, changed(fs.statSync(i).isDirectory() ? i : path.dirname(i)))),
  ]
  return {
    async close() {
      closed = true
      clearTimeout(timer)
      for (const w of watchers) w.close()
      await running
    },
  }
}
