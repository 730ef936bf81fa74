import type { SnippetTarget } from '../model/types.js'
import { exchange } from './http.js'
import { buildValues, type BuildValues } from './match.js'
import type { Target } from './target.js'

const PROBE_TIMEOUT_MS = 5_000

export interface ProbeResult {
  /** Why no server answered; undefined when one did. */
  unreachable?: string
  /** The server's `{version}`, `{lucene_version}`… from its answer to `GET /`. */
  build: BuildValues
}

/** Any HTTP answer counts as reachable (even 401): only a failed connection counts as no server. */
export async function probeServer(target: Target, service: SnippetTarget = 'elasticsearch'): Promise<ProbeResult> {
  try {
    const answer = await exchange(target, { method: 'GET', url: target.url }, PROBE_TIMEOUT_MS)
    return { build: answer.status === 200 ? buildValues(parseJson(answer.text)) : {} }
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message
    return { unreachable: `no server reachable at ${target.display} (${code})${target.named ? '' : `; set ${service === 'kibana' ? 'KIBANA_URL' : 'ES_URL'} to replay against one`}`, build: {} }
  }
}

/** Why no server answers at `target`, or undefined when one does. */
export async function probe(target: Target, service: SnippetTarget = 'elasticsearch'): Promise<string | undefined> {
  return (await probeServer(target, service)).unreachable
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
