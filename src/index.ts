/**
 * docspec as a library: the stages the CLI chains, for pipelines that drive them from code.
 * load + extract → endpoint models → types and replay tests → written atomically into an output folder;
 * the embedded server and the replay runner read the same models.
 */
export type * from './model/types.js'
export { extractFiles, extractPage, type ExtractResult, type ExtractRun } from './extract/index.js'
export { findPages, loadPage, loadText, type LoadOptions } from './load/index.js'
export { emitTypes } from './emit/types/index.js'
export { emitReplayTests, type ReplayEmitOptions } from './emit/replay-tests/index.js'
export { writeOutput, type WriteResult } from './emit/write.js'
export { collectDiagnostics, extractInputs, generate, InputError, watchGenerate, type Extracted, type GenerateOptions, type Generated, type Progress, type RunDiagnostic, type RunOptions, type Watcher, type WatchOptions } from './run/index.js'
export { createDocServer, type DocServer, type DocServerOptions } from './serve/index.js'
export { runReplay, type ReplayRunOptions, type ReplaySummary } from './replay/run.js'
export { compareWithSpec, type Spec } from './compare/spec.js'
export { exportOpenApi, type OpenApiDocument, type OpenApiOptions } from './emit/openapi/index.js'
