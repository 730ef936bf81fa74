import { createRequire } from 'node:module'

/** The package version: part of every cache key and of `--version`. */
export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version
