/**
 * Writes generated files into an output directory that may also hold files docspec did not generate.
 *
 * - Only paths inside `outDir` are accepted (no `..`, absolute paths, or symlinks on the way), and all of
 *   them are checked before anything is written.
 * - A manifest (`.docspec-manifest.json`) lists what docspec generated, so a rerun removes its own files
 *   that lost their source and leaves every other file alone. A file docspec did not generate is never
 *   overwritten either (unless it already has the wanted content, which adopts it).
 * - Each file is written to a temporary file beside it and renamed over the target; files whose content
 *   is unchanged are not touched (their mtime stays). The manifest is written first, claiming every file the
 *   run may touch, and again at the end: a run killed half-way never leaves files the next run refuses.
 * - One run writes a folder at a time (`output-lock.ts`); a second is refused with the first one's process.
 * - Names are portable: none over 255 bytes, none Windows reserves; refused before anything is written.
 * - `check` writes nothing and reports what a write would change as `stale`.
 */
import { lstat, readFile, readdir, realpath, rm, rmdir } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from './atomic-write.js'
import type { EmittedFile } from './emitted-file.js'
import { LOCK, OutputLockedError, removeStaleTemps, withOutputLock } from './output-lock.js'

export const MANIFEST = '.docspec-manifest.json'

export interface WriteResult {
  written: string[]
  removed: string[]
  unchanged: string[]
  stale: string[]
}

export class UnsafeOutputError extends Error {
  constructor(readonly problems: string[]) {
    super(`refusing to write the output:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'UnsafeOutputError'
  }
}

/** Names Windows reserves in every folder, with any extension (`CON.test.ts`, `aux.txt.test.ts`). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i

/** Why a relative output path is not acceptable, or undefined when it is. */
function pathProblem(file: string): string | undefined {
  if (file === '' || file.includes('\0')) return 'empty path or NUL byte'
  if (file.includes('\\')) return 'backslash (paths use / separators)'
  if (file.startsWith('/') || path.isAbsolute(file) || /^[A-Za-z]:/.test(file)) return 'absolute path'
  const segments = file.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'empty, `.` or `..` segment'
  if (file === MANIFEST || file === LOCK) return 'reserved for docspec'
  // Portable names: a name one file system refuses would fail half-way through writing.
  if (segments.some((s) => Buffer.byteLength(s) > 255)) return 'a name longer than 255 bytes'
  if (segments.some((s) => WINDOWS_RESERVED.test(s))) return 'a name Windows reserves (CON, NUL, AUX, COM1, …)'
  if (segments.some((s) => /[<>:"|?*\u0000-\u001f]|[. ]$/.test(s))) return 'a character or ending Windows does not allow in names'
  return undefined
}

export async function writeOutput(outDir: string, files: EmittedFile[], options: { check: boolean }): Promise<WriteResult> {
  const problems = files.flatMap((f) => {
    const problem = pathProblem(f.path)
    return problem ? [`${JSON.stringify(f.path)}: ${problem}`] : []
  })
  const seen = new Set<string>()
  for (const f of files) {
    // Case-insensitive file systems would merge these into one file.
    const key = f.path.toLowerCase()
    if (seen.has(key)) problems.push(`${JSON.stringify(f.path)}: generated twice (paths compared ignoring case)`)
    seen.add(key)
  }
  if (problems.length > 0) throw new UnsafeOutputError(problems)
  if (options.check) return writePlanned(outDir, files, true)
  // One run at a time writes a folder; what a killed run left (its lock, its temporary files) is cleared first.
  try {
    return await withOutputLock(outDir, () => writePlanned(outDir, files, false))
  } catch (error) {
    throw error instanceof OutputLockedError ? new UnsafeOutputError([error.message]) : error
  }
}

/** Plans the write (every target checked before anything is written), then writes it, or reports it as stale. */
async function writePlanned(outDir: string, files: EmittedFile[], check: boolean): Promise<WriteResult> {
  const root = await realRoot(outDir)
  const previous = root === undefined ? [] : await readManifest(root)
  const wanted = [...files].sort((a, b) => compare(a.path, b.path))
  const wantedPaths = new Set(wanted.map((f) => f.path))
  const result: WriteResult = { written: [], removed: [], unchanged: [], stale: [] }
  if (root !== undefined && !check) await removeStaleTemps(root, folders([...previous, ...wantedPaths]))

  const { plans, obsolete } = await inspect(root, previous, wanted, check)
  for (const { file, current } of plans) {
    if (current === file.content) result.unchanged.push(file.path)
    else if (check) result.stale.push(file.path)
    else result.written.push(file.path)
  }
  if (check) {
    result.stale.push(...obsolete)
    result.stale.sort(compare)
    return result
  }
  // The manifest first claims every file this run may write or remove, so that a run killed half-way leaves a
  // folder the next run still recognises as its own (and repairs), never one it refuses.
  const claimed = manifestText([...new Set([...previous, ...wantedPaths])].sort(compare))
  const manifestPath = path.join(outDir, MANIFEST)
  if (result.written.length > 0 || obsolete.length > 0) await writeFileAtomic(manifestPath, claimed)
  const contents = new Map(wanted.map((f) => [f.path, f.content]))
  await inBatches(result.written, (file) => writeFileAtomic(path.join(outDir, file), contents.get(file)!))
  for (const old of obsolete) {
    await rm(path.join(outDir, old))
    await removeEmptyParents(outDir, old)
    result.removed.push(old)
  }
  const manifest = manifestText([...wantedPaths])
  if ((await readIfFile(manifestPath)) !== manifest) await writeFileAtomic(manifestPath, manifest)
  return result
}

function manifestText(files: string[]): string {
  return `${JSON.stringify({ generator: 'docspec', files }, null, 2)}\n`
}

/** The folders holding these files, and the output folder itself. */
function folders(files: string[]): Set<string> {
  return new Set(['.', ...files.filter((f) => pathProblem(f) === undefined).map((f) => path.posix.dirname(f))])
}

interface Plan {
  file: EmittedFile
  current: string | undefined
}

/**
 * Every target's current content, and the files of the previous run to remove; throws when any target is
 * unsafe, before anything is written. Files are inspected (and written) a batch at a time: one by one, a
 * 2,000-page output spent most of its time waiting on the disk.
 */
async function inspect(root: string | undefined, previous: string[], wanted: EmittedFile[], check: boolean): Promise<{ plans: Plan[]; obsolete: string[] }> {
  const problems: string[] = []
  const previousPaths = new Set(previous)
  const plans = await inBatches(wanted, async (file) => {
    const problem = root === undefined ? undefined : await escapeProblem(root, file.path)
    const current = root === undefined || problem ? undefined : await readIfFile(path.join(root, file.path))
    return { file, problem, current }
  })
  for (const { file, problem, current } of plans) {
    if (problem) problems.push(`${JSON.stringify(file.path)}: ${problem}`)
    if (current !== undefined && current !== file.content && !previousPaths.has(file.path)) {
      if (!check) problems.push(`${JSON.stringify(file.path)}: exists and was not generated by docspec`)
    }
  }
  const wantedPaths = new Set(wanted.map((f) => f.path))
  const obsolete: string[] = []
  for (const old of previous) {
    if (wantedPaths.has(old) || pathProblem(old) !== undefined || root === undefined) continue
    if ((await escapeProblem(root, old)) === undefined && (await readIfFile(path.join(root, old))) !== undefined) obsolete.push(old)
  }
  if (problems.length > 0) throw new UnsafeOutputError(problems)
  return { plans: plans.map(({ file, current }) => ({ file, current })), obsolete }
}

const BATCH = 64

/** `f` over the items, `BATCH` at a time (bounded open files), results in item order. */
async function inBatches<T, R>(items: T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await Promise.all(items.slice(i, i + BATCH).map(f))))
  return out
}

/** The real path of the output directory, or undefined when it does not exist yet. */
async function realRoot(outDir: string): Promise<string | undefined> {
  try {
    return await realpath(outDir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * A symlink anywhere between the root and the file could lead outside (or onto a file elsewhere); a file
 * where a directory belongs (or the reverse) would fail half-way through writing.
 */
async function escapeProblem(root: string, file: string): Promise<string | undefined> {
  const segments = file.split('/')
  let current = root
  for (const [i, segment] of segments.entries()) {
    current = path.join(current, segment)
    const shown = path.relative(root, current).split(path.sep).join('/')
    try {
      const stat = await lstat(current)
      if (stat.isSymbolicLink()) return `${shown} is a symbolic link`
      const last = i === segments.length - 1
      if (last ? !stat.isFile() : !stat.isDirectory()) return `${shown} exists and is not a ${last ? 'file' : 'directory'}`
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }
  return undefined
}

async function readIfFile(file: string): Promise<string | undefined> {
  try {
    const stat = await lstat(file)
    return stat.isFile() ? await readFile(file, 'utf8') : undefined
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Files listed by the previous run; a missing or unreadable manifest lists nothing (so nothing is removed). */
async function readManifest(root: string): Promise<string[]> {
  const text = await readIfFile(path.join(root, MANIFEST))
  if (text === undefined) return []
  try {
    const parsed: unknown = JSON.parse(text)
    const files = (parsed as { files?: unknown }).files
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : []
  } catch {
    return []
  }
}

/** Directories emptied by a removal go too, but never the output directory itself. */
async function removeEmptyParents(outDir: string, file: string): Promise<void> {
  const segments = file.split('/').slice(0, -1)
  while (segments.length > 0) {
    const dir = path.join(outDir, ...segments)
    if ((await readdir(dir)).length > 0) return
    await rmdir(dir)
    segments.pop()
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
