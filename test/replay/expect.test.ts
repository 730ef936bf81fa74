import { describe, expect, it } from 'vitest'
import { checkCatch, checkWarnings, isKnownCatch } from '../../src/replay/expect.js'
import { parseWarnings } from '../../src/replay/http.js'
import { displayUrl, isLoopback, targetFromEnv } from '../../src/replay/target.js'

describe('catch:', () => {
  it.each([
    ['missing', 404, '', true],
    ['missing', 400, '', false],
    ['bad_request', 400, '', true],
    ['conflict', 409, '', true],
    ['forbidden', 403, '', true],
    ['unauthorized', 401, '', true],
    ['request', 400, '', true],
    ['request', 500, '', true],
    ['request', 404, '', false],
    ['request', 200, '', false],
    ['/index_not_found/', 404, '{"error":{"type":"index_not_found_exception"}}', true],
    ['/index_not_found/', 404, '{"error":{"type":"other"}}', false],
    ['/index_not_found/', 200, 'index_not_found', false],
  ])('catch:%s with %i', (value, status, body, ok) => {
    expect(checkCatch(value, status, body) === undefined).toBe(ok)
  })

  it.each([
    ['missing', true],
    ['/x/', true],
    ['param', false],
  ])('knows %s: %s', (value, known) => expect(isKnownCatch(value)).toBe(known))
})

describe('warning:', () => {
  it('parses Warning header texts', () => {
    expect(
      parseWarnings(['299 Elasticsearch-8.0.0-abc "[types removal] \\"x\\" is deprecated" "Mon, 01 Jan 2024"', '299 - "second"']),
    ).toEqual(['[types removal] "x" is deprecated', 'second'])
  })

  it.each([
    [[], [], undefined],
    [['a'], ['a'], undefined],
    [['a'], [], 'missing warning: "a"'],
    [[], ['b'], 'unexpected warning: "b"'],
  ])('expected %j, got %j', (want, got, problem) => {
    expect(checkWarnings(want, got)).toBe(problem)
  })
})

describe('target', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['[::ffff:7f00:1]', true],
    ['es.example.com', false],
    ['10.0.0.1', false],
    ['localhost.example.com', false],
    ['es.localhost', false],
    ['127.0.0.1.example.com', false],
    ['[::2]', false],
  ])('%s is loopback: %s', (host, want) => expect(isLoopback(host)).toBe(want))

  it('keeps URL credentials out of what it shows and into the Authorization header', () => {
    const target = targetFromEnv({ ES_URL: 'https://elastic:s3cret@es.example.com:9243/prefix/' })
    expect(target.display).toBe('https://es.example.com:9243/prefix')
    expect(target.url.href).not.toContain('s3cret')
    expect(target.headers.authorization).toBe(`Basic ${Buffer.from('elastic:s3cret').toString('base64')}`)
    expect(target.loopback).toBe(false)
  })

  it('prefers an API key', () => {
    const target = targetFromEnv({ ES_URL: 'http://127.0.0.1:9200', ES_API_KEY: 'k', ES_USERNAME: 'u', ES_PASSWORD: 'p' })
    expect(target.headers).toEqual({ authorization: 'ApiKey k' })
    expect(target.allowWrites).toBe(false)
  })

  it('drops query and credentials when displaying', () => {
    expect(displayUrl('http://u:p@h:1/?x=1')).toBe('http://h:1')
  })
})
