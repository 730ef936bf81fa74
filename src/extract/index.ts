/**
 * Extraction: one loaded page → its endpoint model (`page.ts`, one module per page construct beside it),
 * one file → its model and the includes it looked up (`file.ts`), every page under the inputs → models,
 * with cached results and worker threads (`run.ts`).
 */
export { extractPage } from './page.js'
export { extractFile, type FileResult } from './file.js'
export { extractFiles, type ExtractOptions, type ExtractResult, type ExtractRun, type PageReading, type PageStore } from './run.js'
