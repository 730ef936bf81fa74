/**
 * The run: every page under the inputs extracted (from the cache where unchanged), types and replay tests
 * emitted and written into the output folder, again on every change when watched. The CLI and the library
 * both drive it; it prints nothing.
 */
export { extractInputs, type Extracted } from './extract.js'
export { generate, type GenerateOptions, type Generated } from './generate.js'
export { InputError, type Progress, type RunOptions } from './options.js'
export { resolveRoot } from '../load/index.js'
export { VERSION } from './version.js'
export { watchGenerate, type Watcher, type WatchOptions } from './watch.js'
export { collectDiagnostics, type RunDiagnostic } from './diagnostics.js'
