import type { Endpoint } from '../model/types.js'
import type { PageContext } from './context.js'
import type { PageSection } from './sections.js'

const VERBATIM_DELIMITER = /^(-{4,}|\.{4,}|\+{4,}|\/{4,})\s*$/

/** An API page (its title names an API) should say how to call it; a Request section without a request line is `no-endpoint`'s. */
export function lintSections(ctx: PageContext, title: string, titleLine: number, sections: PageSection[]): void {
  if (!/\bAPIs?\b/.test(title) || /\bAPIs\b/.test(title)) return
  if (!sections.some((s) => s.kind === 'request')) {
    ctx.report('missing-section', ctx.at(titleLine), 'This API page has no Request section ({api-request-title}).')
  }
}

/**
 * Prose that lost a `<placeholder>` reads "specifying * as the ." or "the `` `` id": flag it, since the
 * name cannot be recovered from the sentence itself.
 */
export function lintLostProsePlaceholders(ctx: PageContext): void {
  let verbatim: string | undefined
  ctx.source.lines.forEach((line, i) => {
    const delimiter = VERBATIM_DELIMITER.exec(line)?.[1]
    if (delimiter) {
      verbatim = verbatim ? (delimiter === verbatim ? undefined : verbatim) : delimiter
      return
    }
    if (verbatim || line.startsWith('//')) return
    for (const m of line.matchAll(/\b(?:the|a|an|of|as|by|to|for|with|and|or) (?=[.,;:])|(?<=\s)``(?=[\s.,;:])/g)) {
      const column = m.index! + m[0].length + 1
      ctx.report('lost-placeholder', ctx.at(i, column), 'The text seems to have lost a `<placeholder>` name here; it cannot be recovered from the sentence.', 'info')
    }
  })
}

/**
 * A word of a request path one letter away from a word the page's id or title uses
 * (`…/deployent/_start` on the "Start trained model deployment API" page): a typo a server would answer
 * with 404. A word inside the other (`model`, `models`; `search`, `msearch`) is no typo; words under five letters are
 * too short to tell.
 */
export function lintPathTypos(ctx: PageContext, endpoints: Endpoint[], id: string, title: string): void {
  const known = new Set([...words(id), ...words(title)])
  const reported = new Set<string>()
  for (const endpoint of endpoints) {
    for (const word of words(endpoint.path.replace(/\{[^}]*\}/g, ''))) {
      if (known.has(word) || reported.has(word)) continue
      const near = [...known].find((k) => !k.includes(word) && !word.includes(k) && oneEditApart(word, k))
      if (!near) continue
      reported.add(word)
      ctx.report('path-typo', endpoint.position, `\`${word}\` in ${endpoint.method} ${endpoint.path} is one letter away from \`${near}\` in the page's id or title: a typo?`)
    }
  }
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5)
}

/** One insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
