/**
 * The diagnostics of a run as CI systems read them: `text` (`file:line:col severity rule message`, as
 * docspec always printed), `json`, `github` (workflow commands that annotate the files of a pull request)
 * and `sarif` (SARIF 2.1.0, for code scanning). Each is a pure function of the findings.
 */
import { printable } from '../../model/diagnostic.js'
import { VERSION } from '../../run/version.js'
import { countBySeverity, pagesNote, shownPath, type Finding, type ReportContext } from './finding.js'
import { sarifLog } from './sarif.js'

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

/** The whole report in one format, ending with a newline (empty text when there is nothing to report). */
export function formatFindings(findings: readonly Finding[], format: Format, context: ReportContext): string {
  switch (format) {
    case 'text':
      return findings.map((f) => textLine(f, context) + '\n').join('')
    case 'github':
      return findings.map((f) => githubCommand(f, context) + '\n').join('')
    case 'json':
      return JSON.stringify(jsonReport(findings, context), null, 2) + '\n'
    case 'sarif':
      return JSON.stringify(sarifLog(findings, context), null, 2) + '\n'
  }
}

/** `file:line:col severity rule message`, the file relative to the working directory. */
export function textLine(finding: Finding, context: ReportContext): string {
  return `${printable(shownPath(finding, context))}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}${pagesNote(finding)}`
}

export interface JsonReport {
  tool: { name: 'docspec'; version: string }
  diagnostics: (Omit<Finding, 'file'> & { file: string })[]
  summary: { errors: number; warnings: number; info: number }
}

function jsonReport(findings: readonly Finding[], context: ReportContext): JsonReport {
  const diagnostics = findings.map((f) => ({
    file: shownPath(f, context),
    line: f.line,
    column: f.column,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    ...(f.pages !== undefined && { pages: f.pages }),
  }))
  return { tool: { name: 'docspec', version: VERSION }, diagnostics, summary: countBySeverity(findings) }
}

const GITHUB_COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const

/**
 * `::warning file=…,line=…,col=…,title=rule::message`, escaped as the GitHub Actions toolkit escapes
 * workflow commands: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
export function githubCommand(finding: Finding, context: ReportContext): string {
  const properties = [
    `file=${escapeProperty(shownPath(finding, context))}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `title=${escapeProperty(finding.rule)}`,
  ]
  return `::${GITHUB_COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message + pagesNote(finding))}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
