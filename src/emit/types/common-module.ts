/** `types/_common.ts`: shapes every page module shares. */
import { StructureKind, type StatementStructures } from 'ts-morph'

export const COMMON_NAMES = ['Duration', 'ErrorCause', 'ErrorDetails', 'ErrorResponse']

export const commonStatements: StatementStructures[] = [
  {
    kind: StructureKind.TypeAlias,
    name: 'Duration',
    isExported: true,
    type: 'string',
    docs: [
      {
        description:
          '\nA time value: a number and a unit (`d`, `h`, `m`, `s`, `ms`, `micros`, `nanos`), e.g. `30s` or `1m`;\n`-1` means no limit and `0` means no wait where the API allows it.',
        tags: [{ tagName: 'see', text: 'https://www.elastic.co/guide/en/elasticsearch/reference/current/api-conventions.html#time-units' }],
      },
    ],
  },
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
