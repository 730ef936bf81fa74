// Types of report.mjs for the tests (the scripts are plain JavaScript).
export interface Outcome {
  name: string
  file?: string
  state: 'passed' | 'failed' | 'skipped'
  message?: string
}
export interface Classified {
  klass: 'engine' | 'embedded' | 'page' | 'docspec' | 'unclassified'
  reason: string
  note?: string
}
export interface HandClass {
  class: Classified['klass']
  reason: string
  note?: string
}
export type Counts = { passed: number; failed: number; skipped: number }
export interface Summary {
  totals: Record<string, Counts>
  chapters: ({ chapter: string } & Record<string, Counts | string>)[]
  classes: Record<string, { klass: string; reason: string; count: number; examples: (Classified & { name: string; page: string; message: string })[] }[]>
  failures: Record<string, (Classified & { name: string; page: string; chapter: string; message: string })[]>
}
export function failedRequestPath(message: string | undefined): string | undefined
export function classify(test: Pick<Outcome, 'name' | 'message'>, hand?: Record<string, HandClass>): Classified
export function classifyEmbedded(test: Pick<Outcome, 'message'>): Classified
export function fileOfTest(name: string): string | undefined
export function chapterOf(file: string): string
export function summarize(
  runs: Record<string, { tests: Outcome[] }>,
  options?: { hand?: Record<string, HandClass>; classifyRuns?: string[]; classifiers?: Record<string, (test: Outcome) => Classified> },
): Summary
export function formatMarkdown(summary: Summary, options: { title: string; runs: { key: string; label: string }[]; notes?: string[] }): string
