import type { SnippetTarget } from '../model/types.js'
import { exchange } from './http.js'
import type { Target } from './target.js'

const PROBE_TIMEOUT_MS = 5_000

/** Any HTTP answer counts as reachable (even 401): only a failed connection counts as no server. */
export async function probe(target: Target, service: SnippetTarget = 'elasticsearch'): Promise<string | undefined> {
  try {
    await exchange(target, { method: 'GET', url: target.url }, PROBE_TIMEOUT_MS)
    return undefined
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message
    return `no server reachable at ${target.display} (${code})${target.named ? '' : `; set ${service === 'kibana' ? 'KIBANA_URL' : 'ES_URL'} to replay against one`}`
  }
}
