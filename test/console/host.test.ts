import { describe, expect, it } from 'vitest'
import { hostLikePlaceholder, splitHost } from '../../src/console/host.js'

describe('splitHost: the host a request line or URL opens with is no part of the path', () => {
  it.each<[string, string | undefined, string]>([
    ['<kibana host>:<port>/s/<space_id>/api/x', '<kibana host>:<port>', '/s/<space_id>/api/x'],
    ['<host>:<port>/api/x', '<host>:<port>', '/api/x'],
    ['<kibana host>/api/x', '<kibana host>', '/api/x'],
    ['localhost:5601/api/x', 'localhost:5601', '/api/x'],
    ['127.0.0.1:5601/api/x', '127.0.0.1:5601', '/api/x'],
    ['kibana.example.com:5601/api', 'kibana.example.com:5601', '/api'],
    ['https://kibana.example.com:5601/api?x=1', 'https://kibana.example.com:5601', '/api?x=1'],
    ['http://localhost:9200', 'http://localhost:9200', ''],
    ['$KIBANA_URL/api/x', '$KIBANA_URL', '/api/x'],
    ['${KIBANA_URL}/api', '${KIBANA_URL}', '/api'],
    ['{kibana_url}/api', '{kibana_url}', '/api'],
    // Path words, not hosts.
    ['/_cluster/health', undefined, '/_cluster/health'],
    ['logs.2021/_search', undefined, 'logs.2021/_search'],
    ['cluster_one:my-index/_search', undefined, 'cluster_one:my-index/_search'],
    ['<index>/_search', undefined, '<index>/_search'],
    ['_nodes/<nodes/reload', undefined, '_nodes/<nodes/reload'],
    ['{kibana}/api/status', undefined, '{kibana}/api/status'],
  ])('%s', (written, host, rest) => {
    expect(splitHost(written)).toEqual(host === undefined ? { rest } : { host, rest })
  })
})

describe('hostLikePlaceholder: a placeholder opening a path that names a service', () => {
  it.each<[string, string | undefined]>([
    ['/{kibana}/api/x', 'kibana'],
    ['/<elasticsearch>/_search', 'elasticsearch'],
    ['/{es_host}/x', 'es_host'],
    ['/{index}/_search', undefined],
    ['/api/{kibana}', undefined],
  ])('%s', (path, name) => {
    expect(hostLikePlaceholder(path)).toBe(name)
  })
})
