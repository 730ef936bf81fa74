import { RULES, type RuleId } from './rules.js'
import type { Diagnostic, Severity, SourcePosition } from './types.js'

/** The one way to make a finding: the rule's id, where, what; the severity is the rule's unless given. */
export function diagnostic(rule: RuleId, at: SourcePosition, message: string, severity: Severity = RULES[rule].severity): Diagnostic {
  return { file: at.file, line: at.line, column: at.column, severity, rule, message: printable(message) }
}

/**
 * Text from a page (or a file name) made safe to print: control characters (an escape sequence written in an
 * include target, a newline that would forge another diagnostic line, NUL) are written as `\u001b` escapes.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
