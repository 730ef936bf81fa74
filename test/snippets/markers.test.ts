import { describe, expect, it } from 'vitest'
import type { TestOptions } from '../../src/model/types.js'
import { parseMarkers } from '../../src/extract/snippets/markers.js'

const FILE = 'docs/page.asciidoc'
const comments = (...texts: string[]) => texts.map((text, i) => ({ text, position: { file: FILE, line: 20 + i, column: 1 } }))
const options = (partial: Partial<TestOptions>): TestOptions => ({
  continued: false,
  setup: [],
  teardown: [],
  warnings: [],
  substitutions: [],
  cat: false,
  nonJson: false,
  unknown: [],
  ...partial,
})

describe('flag markers', () => {
  it.each([
    ['// CONSOLE', { console: true }],
    ['//CONSOLE', { console: true }],
    ['// AUTOSENSE', { console: true }],
    ['// NOTCONSOLE', { notConsole: true }],
    ['//NOTCONSOLE', { notConsole: true }],
    ['// TESTSETUP', { testSetup: true }],
    ['// TEARDOWN', { teardown: true }],
    ['// KIBANA', {}],
    ['// SENSE:some/file.json', {}],
  ])('%s', (text, want) => {
    const got = parseMarkers(comments(text))
    expect(got).toMatchObject({
      console: false,
      notConsole: false,
      testSetup: false,
      teardown: false,
      ...want,
      markers: [text],
      diagnostics: [],
    })
    expect(got.test).toBeUndefined()
  })

  it('ignores ordinary comments and keeps markers in order', () => {
    const got = parseMarkers(comments('//GET', '// CONSOLE', '// some note', '// TEST[continued]'))
    expect(got.markers).toEqual(['// CONSOLE', '// TEST[continued]'])
    expect(got.test).toEqual(options({ continued: true }))
  })
})

describe('TEST options', () => {
  it.each<[string, Partial<TestOptions>]>([
    ['// TEST', {}],
    ['// TEST[continued]', { continued: true }],
    ['// TEST[setup:my_index]', { setup: ['my_index'] }],
    [
      '// TEST[setup:kibana_sample_data_ecommerce,add_timestamp_pipeline]',
      { setup: ['kibana_sample_data_ecommerce', 'add_timestamp_pipeline'] },
    ],
    ['// TEST[setup:a,setup:b]', { setup: ['a', 'b'] }],
    ['// TEST[setup:a,continued]', { setup: ['a'], continued: true }],
    ['// TEST[teardown:data_stream_cleanup]', { teardown: ['data_stream_cleanup'] }],
    ['// TEST[skip:TBD]', { skip: 'TBD' }],
    ['// TEST[skip:setup:server_metrics_openjob]', { skip: 'setup:server_metrics_openjob' }],
    ["// TEST[skip:we can't handle snapshots, or [this], in docs tests]", { skip: "we can't handle snapshots, or [this], in docs tests" }],
    ['// TEST[catch:missing]', { catch: 'missing' }],
    ['// TEST[catch:/illegal_argument_exception/]', { catch: '/illegal_argument_exception/' }],
    [
      '// TEST[warning:[types removal] Specifying types in search requests is deprecated, use x]',
      { warnings: ['[types removal] Specifying types in search requests is deprecated, use x'] },
    ],
    ['// TEST[s/foo/bar/]', { substitutions: [{ pattern: 'foo', replacement: 'bar' }] }],
    ['// TEST[s/^/PUT source\\n/]', { substitutions: [{ pattern: '^', replacement: 'PUT source\\n' }] }],
    [
      '// TEST[s/^/PUT my-index-000002\\/_doc\\/post1?refresh\\n/]',
      { substitutions: [{ pattern: '^', replacement: 'PUT my-index-000002/_doc/post1?refresh\\n' }] },
    ],
    ['// TEST[s/"username": "user",//]', { substitutions: [{ pattern: '"username": "user",', replacement: '' }] }],
    [
      '// TEST[s/_rollup_search/_rollup_search?filter_path=took,timed_out,hits/]',
      { substitutions: [{ pattern: '_rollup_search', replacement: '_rollup_search?filter_path=took,timed_out,hits' }] },
    ],
    ['// TEST[s/otherhost:9200/\\${host}/]', { substitutions: [{ pattern: 'otherhost:9200', replacement: '\\${host}' }] }],
    ['// TEST[s/a\\\\/b/]', { substitutions: [{ pattern: 'a\\\\', replacement: 'b' }] }],
    ['// TEST[continued,s/a/b/,setup:x]', { continued: true, setup: ['x'], substitutions: [{ pattern: 'a', replacement: 'b' }] }],
    [
      '// TEST[continued s/a/b/ s/c/d/]',
      {
        continued: true,
        substitutions: [
          { pattern: 'a', replacement: 'b' },
          { pattern: 'c', replacement: 'd' },
        ],
      },
    ],
    ['// TEST[skip_shard_failures]', { unknown: ['skip_shard_failures'] }],
  ])('%s', (text, want) => {
    const got = parseMarkers(comments(text))
    expect(got.diagnostics).toEqual([])
    expect(got.test).toEqual(options(want))
    expect(got.testResponse).toBeUndefined()
  })

  it('accumulates several TEST lines, later skip and catch winning', () => {
    const got = parseMarkers(
      comments('// TEST[setup:a]', '// TEST[s/x/y/]', '// TEST[continued]', '// TEST[catch:request]', '// TEST[catch:missing]'),
    )
    expect(got.test).toEqual(
      options({ setup: ['a'], continued: true, catch: 'missing', substitutions: [{ pattern: 'x', replacement: 'y' }] }),
    )
  })
})

describe('TESTRESPONSE options', () => {
  it.each<[string, Partial<TestOptions>]>([
    ['// TESTRESPONSE', {}],
    ['// TESTRESPONSE[_cat]', { cat: true }],
    ['// TESTRESPONSE[non_json]', { nonJson: true }],
    [
      '// TESTRESPONSE[skip:no way to know if we will get this response immediately]',
      { skip: 'no way to know if we will get this response immediately' },
    ],
    [
      '// TESTRESPONSE[s/"took": 25/"took": $body.took/]',
      { substitutions: [{ pattern: '"took": 25', replacement: '"took": $body.took' }] },
    ],
    ['// TESTRESPONSE[s/\\d+/$body.$_path/]', { substitutions: [{ pattern: '\\d+', replacement: '$body.$_path' }] }],
    [
      '// TESTRESPONSE[s/W0tpsmIBdwcYyG50zbta/$body._id/ s/"successful": 2/"successful": 1/]',
      {
        substitutions: [
          { pattern: 'W0tpsmIBdwcYyG50zbta', replacement: '$body._id' },
          { pattern: '"successful": 2', replacement: '"successful": 1' },
        ],
      },
    ],
    [
      '// TESTRESPONSE[s/"_shards" : \\.\\.\\. /"_shards" : $body.$_path/]',
      { substitutions: [{ pattern: '"_shards" : \\.\\.\\. ', replacement: '"_shards" : $body.$_path' }] },
    ],
    [
      '// TESTRESPONSE[s/"policy_stats": [.*]/"policy_stats": $body.policy_stats/]',
      { substitutions: [{ pattern: '"policy_stats": [.*]', replacement: '"policy_stats": $body.policy_stats' }] },
    ],
    ['// TESTRESPONSE[s/a/b/,_cat]', { cat: true, substitutions: [{ pattern: 'a', replacement: 'b' }] }],
  ])('%s', (text, want) => {
    const got = parseMarkers(comments(text))
    expect(got.diagnostics).toEqual([])
    expect(got.testResponse).toEqual(options(want))
    expect(got.test).toBeUndefined()
  })
})

describe('marker problems', () => {
  it.each([
    ['// TEST[frobnicate]', { unknown: ['frobnicate'] }, { severity: 'warning', rule: 'unknown-test-option', line: 20, column: 9 }],
    [
      '// TEST[continued,frobnicate:x]',
      { continued: true, unknown: ['frobnicate:x'] },
      { severity: 'warning', rule: 'unknown-test-option', column: 19 },
    ],
    ['// TESTRESPONSE[continued]', { unknown: ['continued'] }, { severity: 'warning', rule: 'unknown-test-option', column: 17 }],
    ['// TEST[_cat]', { unknown: ['_cat'] }, { severity: 'warning', rule: 'unknown-test-option', column: 9 }],
    ['// TEST[skip:no closing bracket', {}, { severity: 'error', rule: 'malformed-marker', line: 20, column: 8 }],
    ['// TEST[s/unterminated]', {}, { severity: 'error', rule: 'malformed-marker', column: 9 }],
    ['// TEST[continued] trailing', { continued: true }, { severity: 'error', rule: 'malformed-marker', column: 8 }],
  ])('%s', (text, want, problem) => {
    const got = parseMarkers(comments(text))
    expect(got.test ?? got.testResponse).toEqual(options(want))
    expect(got.diagnostics).toHaveLength(1)
    expect(got.diagnostics[0]).toMatchObject({ file: FILE, line: 20, ...problem })
  })

  it('places diagnostics using the comment column', () => {
    const got = parseMarkers([{ text: '// TEST[bogus]', position: { file: FILE, line: 7, column: 5 } }])
    expect(got.diagnostics[0]).toMatchObject({ line: 7, column: 13 })
  })
})
