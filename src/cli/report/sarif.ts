/**
 * SARIF 2.1.0 (the OASIS standard code scanning reads): one run of docspec whose driver lists every rule of
 * the rule table, with its description and default severity, and one result per finding, located by a URI
 * relative to the docs root (`%SRCROOT%`, the base id consumers such as GitHub code scanning resolve
 * against the checkout).
 */
import { pathToFileURL } from 'node:url'
import path from 'node:path'
import type { Log, ReportingDescriptor, Result } from 'sarif'
import { RULE_TABLE, type RuleId } from '../../model/rules.js'
import type { Severity } from '../../model/types.js'
import { VERSION } from '../../run/version.js'
import type { Finding, ReportContext } from './finding.js'

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json'

/** Where a reader of a SARIF log learns about the tool: the package's page on the npm registry. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/docspec'

const SOURCE_ROOT = '%SRCROOT%'

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' }

const RULE_INDEX = new Map<RuleId, number>(RULE_TABLE.map((rule, index) => [rule.id, index]))

export function sarifLog(findings: readonly Finding[], context: ReportContext): Log {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'docspec', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules: RULE_TABLE.map(ruleDescriptor) } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.root + path.sep).href } },
        results: findings.map((f) => sarifResult(f, context)),
      },
    ],
  }
}

function ruleDescriptor(rule: (typeof RULE_TABLE)[number]): ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.description.replace(/`/g, ''), markdown: rule.description },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { stage: rule.stage },
  }
}

function sarifResult(finding: Finding, context: ReportContext): Result {
  return {
    ruleId: finding.rule,
    ruleIndex: RULE_INDEX.get(finding.rule)!,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file, context.root), uriBaseId: SOURCE_ROOT },
          // SARIF lines and columns start at 1; a finding about the whole file gives none.
          ...(finding.line >= 1 && { region: { startLine: finding.line, ...(finding.column >= 1 && { startColumn: finding.column }) } }),
        },
      },
    ],
    ...(finding.pages !== undefined && { properties: { pages: finding.pages } }),
  }
}

/** The file's path below the docs root as a relative URI reference: `/` separators, each segment percent-encoded. */
function relativeUri(file: string, root: string): string {
  const relative = path.isAbsolute(file) ? path.relative(root, file) : file
  return relative.split(path.sep).map(encodeURIComponent).join('/')
}
