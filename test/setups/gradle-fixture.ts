/** A build.gradle of our own in the doc build's style, and an API table for it (rest-api-spec files). */
import fs from 'node:fs'
import path from 'node:path'

/** A build.gradle of our own, in the doc build's style. */
export const GRADLE = `apply plugin: 'elasticsearch.docs-test'

testClusters.integTest {
  setting 'xpack.license.self_generated.type', 'trial'
}

Closure setupLogs = { String name, int count ->
  buildRestTests.setups[name] = '''
  - do:
      indices.create:
        index: logs
        body:
          settings:
            number_of_shards: 1
  - do:
      bulk:
        index: logs
        refresh: true
        body: |'''
  for (int i = 0; i < count; i++) {
    String user = i == 0 ? 'kimchy' : 'elkbee'
    buildRestTests.setups[name] += """
          {"index":{"_id": "$i"}}
          {"user": "$user", "n": \${i * 10}}"""
  }
}
setupLogs('logs', 2)

buildRestTests.setups['pipeline'] = '''
  - do:
      ingest.put_pipeline:
        id: "my-pipeline"
        body:  >
          { "processors": [] }
  - match: { acknowledged: true }
'''
buildRestTests.setups['logs_and_pipeline'] = buildRestTests.setups['logs'] + buildRestTests.setups['pipeline']
Map<String, String> setups = buildRestTests.setups
setups['inactive'] = '''
  - do:
      watcher.put_watch:
        id: "my_watch"
        active: false
'''
setups['active'] = setups['inactive'].replace('active: false', 'active: true')
buildRestTests.teardowns['drop_pipeline'] = '''
  - do:
      ingest.delete_pipeline:
        id: "my-pipeline"
'''
buildRestTests.setups['unknown_api'] = '''
  - do:
      indices.no_such_api:
        index: x
'''
buildRestTests.setups['no_part'] = '''
  - do:
      watcher.put_watch:
        active: true
'''
buildRestTests.setups['accounts'] = '''
  - do:
      bulk:
        index: bank
        body: |
#data#
'''
File accountsFile = new File("$projectDir/src/test/resources/accounts.json")
buildRestTests.doFirst {
  String accounts = accountsFile.getText('UTF-8')
  buildRestTests.setups['accounts'] = buildRestTests.setups['accounts'].replace('#data#', accounts)
}
`

/** An API table of our own, as the rest-api-spec files of an Elasticsearch checkout give it. */
export const API_SPEC: Record<string, unknown> = {
  'indices.create': { url: { paths: [{ path: '/{index}', methods: ['PUT'], parts: { index: {} } }] } },
  bulk: {
    url: { paths: [{ path: '/_bulk', methods: ['POST', 'PUT'] }, { path: '/{index}/_bulk', methods: ['POST', 'PUT'], parts: { index: {} } }] },
    body: { serialize: 'bulk' },
  },
  'ingest.put_pipeline': { url: { paths: [{ path: '/_ingest/pipeline/{id}', methods: ['PUT'], parts: { id: {} } }] } },
  'ingest.delete_pipeline': { url: { paths: [{ path: '/_ingest/pipeline/{id}', methods: ['DELETE'], parts: { id: {} } }] } },
  'watcher.put_watch': { url: { paths: [{ path: '/_watcher/watch/{id}', methods: ['PUT', 'POST'], parts: { id: {} } }] } },
}

/** Writes the build.gradle under docs/ and the API table beside it; the docs root is docs/reference. */
export function writeFixture(into: string): { gradle: string; apiSpec: string; root: string } {
  const docs = path.join(into, 'docs')
  const apiSpec = path.join(into, 'api')
  fs.mkdirSync(path.join(docs, 'reference'), { recursive: true })
  fs.mkdirSync(apiSpec, { recursive: true })
  fs.writeFileSync(path.join(docs, 'build.gradle'), GRADLE)
  for (const [name, spec] of Object.entries(API_SPEC)) fs.writeFileSync(path.join(apiSpec, `${name}.json`), JSON.stringify({ [name]: spec }))
  return { gradle: path.join(docs, 'build.gradle'), apiSpec, root: path.join(docs, 'reference') }
}

