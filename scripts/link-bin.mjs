// Links the built CLI as node_modules/.bin/docspec, as npm does for an installed package's bin,
// so doc pipelines and scripts in this checkout can call `node_modules/.bin/docspec` directly.
import fs from 'node:fs'
import path from 'node:path'

const bin = path.join('node_modules', '.bin', 'docspec')
const target = path.join('..', '..', 'dist', 'cli', 'main.js')
fs.mkdirSync(path.dirname(bin), { recursive: true })
fs.rmSync(bin, { force: true })
fs.symlinkSync(target, bin)
fs.chmodSync(path.join('dist', 'cli', 'main.js'), 0o755)
