// Types of launcher.mjs for the tests (the scripts are plain JavaScript).
export interface EngineOptions {
  port: number
  portFile: string | undefined
  heap: string
  logLevel: string
  config: string | undefined
  settings: string[]
  check: boolean
  bootTimeoutMs: number
}
export interface EngineEvent {
  event: string
  [field: string]: unknown
}
export const projectRoot: string
export const engineDir: string
export const DEFAULT_PORT_FILE: string
export function parseEngineArgs(argv: string[]): EngineOptions
export function javaArgs(classpath: string, options: EngineOptions): string[]
export function parseEngineLine(line: string): EngineEvent | undefined
export function readPortFile(file: string): number | undefined
export function peakRssKiB(pid: number): number | undefined
export function formatMiB(kib: number | undefined): string
