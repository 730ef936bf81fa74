/**
 * What the Elastic docs build gives a book besides the book's own files: `{elasticsearch-root}` (the
 * checkout the book lives in), `{lang}`, and the files of its own repository that books include as
 * `{docs-root}/shared/…`: the shared attributes (docspec's built-in attributes hold them) and the version
 * attributes of the branch being built (`{docs-root}/shared/versions/stack/{source_branch}.asciidoc`).
 * Without `--attribute docs-root=DIR`, neutral values stand in for the versions file, which
 * `--attribute version=7.10.0` (and friends) override.
 */
export const VERSION_STAND_INS: Readonly<Record<string, string>> = {
  source_branch: 'current',
  version: 'X.Y.Z',
  bare_version: 'X.Y.Z',
  elasticsearch_version: 'X.Y.Z',
  logstash_version: 'X.Y.Z',
  kibana_version: 'X.Y.Z',
  apm_server_version: 'X.Y.Z',
  'minor-version': 'X.Y',
  'major-version': 'X.x',
  'prev-major-version': 'W.x',
  'major-version-only': 'X',
  'release-state': 'released',
}

/** An include of the docs build's own shared files, as books write it: which one, or undefined for any other target. */
export function docsBuildFile(target: string): 'versions' | 'attributes' | undefined {
  if (!target.startsWith('{docs-root}')) return undefined
  if (/\/shared\/versions\//.test(target)) return 'versions'
  if (/\/shared\/attributes\.asciidoc$/.test(target)) return 'attributes'
  return undefined
}

export function standInMessage(file: 'versions' | 'attributes', target: string): string {
  const what =
    file === 'versions'
      ? `neutral version attributes (${Object.entries(VERSION_STAND_INS).slice(0, 3).map(([k, v]) => `${k}=${v}`).join(', ')}, …) stand in for it; give the real ones with --attribute version=…`
      : "docspec's built-in attributes stand in for it"
  return `The docs build's ${target} is not read, as no docs-root was given: ${what}, or pass --attribute docs-root=DIR (an elastic/docs checkout).`
}
