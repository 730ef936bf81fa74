import { RULES, type RuleId } from './rules.js'
import type { Diagnostic, Severity, SourcePosition } from './types.js'

/** The one way to make a finding: the rule's id, where, what; the severity is the rule's unless given. */
export function diagnostic(rule: RuleId, at: SourcePosition, message: string, severity: Severity = RULES[rule].severity): Diagnostic {
  return { file: at.file, line: at.line, column: at.column, severity, rule, message }
}
