import { describe, expect, it } from 'vitest'
import { parseConsole } from '../../src/console/requests.js'
import { parseMarkers } from '../../src/extract/snippets/markers.js'
import { positionAtLines } from '../../src/console/position.js'
import { parseResponse } from '../../src/console/response.js'

const at = positionAtLines('docs/page.asciidoc', 1)
const MB = 1 << 20

/** Deterministic pseudo-random text (xorshift), biased towards the characters the parsers care about. */
function randomText(seed: number, length: number): string {
  const alphabet = '{}[]"\\/,:#<>1 \n\tGETPUTs$.abc\u0000\u00e9\ud83d'
  let x = seed
  let out = ''
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out += alphabet[(x >>> 0) % alphabet.length]
  }
  return out
}

const hostile: [string, string][] = [
  ['1 MB line of spaces', ' '.repeat(MB)],
  ['1 MB line of backslashes', '\\'.repeat(MB)],
  ['1 MB of callout look-alikes', '<1'.repeat(MB / 2)],
  ['1 MB JSON string', `PUT x\n{ "a": "${'x'.repeat(MB)}" }`],
  ['unbalanced quotes', 'PUT x\n{ "a": "b\n"c": """\n'],
  ['deep nesting', `PUT x\n${'['.repeat(200_000)}`],
  ['many requests', 'GET /\n'.repeat(50_000)],
  ['1 MB of triple quotes', '"""'.repeat(MB / 3)],
  ...Array.from({ length: 20 }, (_, i): [string, string] => [`random ${i}`, randomText(i + 1, 5_000)]),
]

describe('never throws, never hangs', () => {
  it.each(hostile)('console: %s', (_name, text) => {
    const got = parseConsole(text, at)
    expect(Array.isArray(got.requests)).toBe(true)
  })

  it('console: deep nesting is an invalid-json error', () => {
    expect(parseConsole(`PUT x\n${'['.repeat(200_000)}`, at).diagnostics).toMatchObject([{ rule: 'invalid-json', line: 2 }])
  })

  it.each(hostile)('response: %s', (_name, text) => {
    const got = parseResponse(text, at, {
      continued: false,
      setup: [],
      teardown: [],
      warnings: [],
      cat: false,
      nonJson: false,
      unknown: [],
      substitutions: [{ pattern: '\\.\\.\\.', replacement: '$body.$_path' }],
    })
    expect(Array.isArray(got.diagnostics)).toBe(true)
  })

  it.each(hostile)('markers: %s', (_name, text) => {
    const position = { file: 'f', line: 1, column: 1 }
    for (const prefix of ['// TEST[', '// TESTRESPONSE[s/', '// TEST[setup:', '// TEST[catch:/']) {
      const got = parseMarkers([
        { text: prefix + text, position },
        { text: `${prefix + text}]`, position },
      ])
      expect(Array.isArray(got.diagnostics)).toBe(true)
    }
  })
})
