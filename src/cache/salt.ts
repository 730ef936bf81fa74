import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MODEL_VERSION } from '../model/types.js'
import { sha256 } from './file-hashes.js'

/** The package's code folder (`dist/`, or `src/` when run from sources): this module sits in `<code>/cache/`. */
const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const fingerprints = new Map<string, string>()

/** Code that takes no part in extracting a page: changing it keeps the cached results. */
const NOT_EXTRACTION = new Set(['cache', 'cli', 'compare', 'emit', 'replay', 'run', 'serve'])

/**
 * A hash of the tool's own code: every module outside the top-level folders in `skip` (so a new folder
 * counts). The version alone would let a development build (same version, other code) reuse results the
 * old code made; hashing costs a few milliseconds per run.
 */
function codeFingerprint(skip: ReadonlySet<string>): string {
  const memo = [...skip].sort().join(',')
  const known = fingerprints.get(memo)
  if (known !== undefined) return known
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!(dir === CODE_DIR && skip.has(entry.name))) walk(full)
      }
      else if (/\.(?:js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full)
    }
  }
  walk(CODE_DIR)
  const fingerprint = sha256(...files.flatMap((f) => [path.relative(CODE_DIR, f), fs.readFileSync(f)]))
  fingerprints.set(memo, fingerprint)
  return fingerprint
}

/** Everything besides the page and its includes that decides a page's result. */
export function extractSalt(version: string, root: string, attributes: Record<string, string>, readable: readonly string[] = []): string {
  return sha256('docspec', version, `model ${MODEL_VERSION}`, codeFingerprint(NOT_EXTRACTION), root, JSON.stringify(Object.entries(attributes).sort()), readable.join('\0'))
}

/** Everything besides a page's model and names that decides its generated module: all of the tool's code and the printers' versions. */
export function emitSalt(versions: string[]): string {
  return sha256('docspec emit', ...versions, codeFingerprint(new Set()))
}
