/**
 * The host a request line or a `curl` URL may open with, which is no part of the API path: a scheme and
 * authority (`https://localhost:5601`), a host placeholder and its port (`<kibana host>:<port>`,
 * `<host>:<port>`, `{kibana_url}`), a `host:port` pair (`localhost:5601`), or a shell variable holding the
 * base URL (`$KIBANA_URL`). Bare names without a port are path words (`logs.2021/_search` is an index).
 */
const PORT = String.raw`(?::(?:\d+|<[^<>/]*>|\{[^{}/]*\}))`
const HOST_WORD = String.raw`(?<![a-z])(?:host|hostname|url|address)(?![a-z])`
const HOST_PREFIX = new RegExp(
  '^(?:' +
    [
      String.raw`[a-z][a-z\d+.-]*:\/\/[^/\s?]*`,
      String.raw`\$\{?\w+\}?`,
      String.raw`<[^<>/]*${HOST_WORD}[^<>/]*>${PORT}?`,
      String.raw`\{[^{}/]*${HOST_WORD}[^{}/]*\}${PORT}?`,
      String.raw`localhost${PORT}?`,
      String.raw`[\w-]+(?:\.[\w-]+)*${PORT}`,
    ].join('|') +
    ')(?=[/?]|$)',
  'i',
)

/** Splits a written target into its host prefix (absent when there is none) and the rest, the path and query. */
export function splitHost(written: string): { host?: string; rest: string } {
  const m = HOST_PREFIX.exec(written)
  if (!m) return { rest: written }
  return { host: m[0], rest: written.slice(m[0].length) }
}

/**
 * A placeholder opening a path that names a service rather than a value (`{kibana}/api/status`,
 * `<elasticsearch>/_search`): a host the page wrote in a way docspec cannot drop with certainty.
 */
export function hostLikePlaceholder(path: string): string | undefined {
  const m = /^\/?(?:<([^<>/]+)>|\{([^{}/]+)\})(?=\/|$)/.exec(path)
  const name = m?.[1] ?? m?.[2]
  return name !== undefined && /^(?:kibana|kib|elasticsearch|es|host|hostname|server|domain|cluster|deployment|base|origin)(?:[\s_-]?(?:host|url|address|server))?$/i.test(name.trim()) ? name : undefined
}
