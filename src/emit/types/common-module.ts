/** `types/_common.ts`: shapes every page module shares. */
import { StructureKind, type StatementStructures } from 'ts-morph'

export const COMMON_NAMES = ['Duration', 'DateTime', 'TimeUnit', 'ByteUnit', 'ErrorCause', 'ErrorDetails', 'ErrorResponse']

const TIME_UNITS_PAGE = 'https://www.elastic.co/guide/en/elasticsearch/reference/current/api-conventions.html#time-units'
const BYTE_UNITS_PAGE = 'https://www.elastic.co/guide/en/elasticsearch/reference/current/api-conventions.html#byte-units'

/** A shared alias with its description and the docs page that defines it. */
function alias(name: string, type: string, description: string, see: string): StatementStructures {
  return { kind: StructureKind.TypeAlias, name, isExported: true, type, docs: [{ description: `\n${description}`, tags: [{ tagName: 'see', text: see }] }] }
}

export const commonStatements: StatementStructures[] = [
  // The time-units page: a number and a unit; `-1` (no limit) and `0` (no wait) are written as numbers too.
  alias(
    'Duration',
    'string | -1 | 0',
    'A time value: a number and a unit (`d`, `h`, `m`, `s`, `ms`, `micros`, `nanos`), e.g. `30s` or `1m`;\n`-1` means no limit and `0` means no wait where the API allows it.',
    TIME_UNITS_PAGE,
  ),
  // The client's `DateTime`: a `Date` is the same instant, which JSON writes as the ISO 8601 string the pages document.
  alias(
    'DateTime',
    'string | number | Date',
    'A point in time: a date string (e.g. `2020-01-01T00:00:00Z`), milliseconds since the epoch, or a `Date`\n(JSON writes it as an ISO 8601 string). A response parsed from JSON holds one of the first two.',
    'https://www.elastic.co/guide/en/elasticsearch/reference/current/date.html',
  ),
  alias('TimeUnit', "'nanos' | 'micros' | 'ms' | 's' | 'm' | 'h' | 'd'", 'A time unit, as a `time` parameter takes it to display time values.', TIME_UNITS_PAGE),
  alias('ByteUnit', "'b' | 'kb' | 'mb' | 'gb' | 'tb' | 'pb'", 'A byte unit, as a `bytes` parameter takes it to display byte values.', BYTE_UNITS_PAGE),
  {
    kind: StructureKind.Interface,
    name: 'ErrorCause',
    isExported: true,
    docs: [{ description: '\nOne cause of an Elasticsearch error.' }],
    properties: [
      { name: 'type', type: 'string', docs: [{ description: '\nError type, e.g. `resource_not_found_exception`.' }] },
      { name: 'reason', type: 'string | null', hasQuestionToken: true, docs: [{ description: '\nHuman-readable explanation.' }] },
      { name: 'caused_by', type: 'ErrorCause', hasQuestionToken: true, docs: [{ description: '\nThe underlying cause.' }] },
      { name: 'root_cause', type: 'ErrorCause[]', hasQuestionToken: true, docs: [{ description: '\nThe innermost causes.' }] },
    ],
    // Error bodies carry type-specific metadata (`index`, `resource.id`, …).
    indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: 'unknown' }],
  },
  {
    kind: StructureKind.Interface,
    name: 'ErrorDetails',
    isExported: true,
    extends: ['ErrorCause'],
    docs: [{ description: '\nThe `error` object of an Elasticsearch error response.' }],
    properties: [{ name: 'root_cause', type: 'ErrorCause[]', docs: [{ description: '\nThe innermost causes.' }] }],
  },
  {
    kind: StructureKind.Interface,
    name: 'ErrorResponse',
    isExported: true,
    docs: [{ description: '\nBody of an Elasticsearch error response.' }],
    properties: [
      { name: 'error', type: 'ErrorDetails', docs: [{ description: '\nWhat went wrong.' }] },
      { name: 'status', type: 'number', docs: [{ description: '\nHTTP status code.' }] },
    ],
  },
]
