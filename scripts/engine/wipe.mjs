/**
 * Elasticsearch's doc tests start every test on an empty cluster: after each one, the test framework
 * deletes indices, data streams, templates, pipelines, stored scripts, snapshots and repositories, and
 * resets cluster settings. `wipe` does the same against a throwaway server (never a real cluster).
 */
export async function wipe(url) {
  const call = async (method, path, body) => {
    const response = await fetch(url + path, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    })
    const text = await response.text()
    return response.ok && text ? JSON.parse(text) : undefined
  }
  const repositories = (await call('GET', '/_snapshot/_all')) ?? {}
  for (const repository of Object.keys(repositories)) {
    const snapshots = (await call('GET', `/_snapshot/${repository}/_all`))?.snapshots ?? []
    for (const snapshot of snapshots) await call('DELETE', `/_snapshot/${repository}/${snapshot.snapshot}`)
    await call('DELETE', `/_snapshot/${repository}`)
  }
  await call('DELETE', '/_data_stream/*?expand_wildcards=all')
  await call('DELETE', '/*?expand_wildcards=all')
  await call('DELETE', '/_index_template/*')
  await call('DELETE', '/_component_template/*')
  await call('DELETE', '/_template/*')
  await call('DELETE', '/_ingest/pipeline/*')
  const scripts = (await call('GET', '/_cluster/state/metadata?filter_path=metadata.stored_scripts'))?.metadata?.stored_scripts ?? {}
  for (const id of Object.keys(scripts)) await call('DELETE', `/_scripts/${id}`)
  await call('PUT', '/_cluster/settings', { persistent: { '*': null }, transient: { '*': null } })
}
