/**
 * The findings of one page. A page documenting several spec endpoints (get, exists, get_source) meets the
 * same disagreement once per endpoint: it is reported once, naming every endpoint it holds for.
 */
import { diagnostic } from '../model/diagnostic.js'
import type { Diagnostic, RuleId, SourcePosition } from '../model/types.js'

interface Entry {
  rule: RuleId
  at: SourcePosition
  text: string
  endpoints: string[]
}

export class Findings {
  private readonly entries = new Map<string, Entry>()

  /** A finding; `endpoint` names the spec endpoint it is about, added to the message. */
  add(rule: RuleId, at: SourcePosition, text: string, endpoint?: string): void {
    const key = `${rule}\u0000${at.file}:${at.line}:${at.column}\u0000${text}`
    const entry = this.entries.get(key) ?? { rule, at, text, endpoints: [] }
    if (endpoint !== undefined && !entry.endpoints.includes(endpoint)) entry.endpoints.push(endpoint)
    this.entries.set(key, entry)
  }

  diagnostics(): Diagnostic[] {
    return [...this.entries.values()].map((e) => {
      const message = e.endpoints.length > 0 ? `${e.text.replace(/\.$/, '')} (${e.endpoints.join(', ')}).` : e.text
      return diagnostic(e.rule, e.at, message)
    })
  }
}
