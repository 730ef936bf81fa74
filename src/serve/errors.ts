/** A refusal the server answers with Elasticsearch's error body. */
export interface EsFailure {
  status: number
  /** Elasticsearch's exception name, e.g. `illegal_argument_exception`. */
  type: string
  reason: string
  /** The exception it wraps (`caused_by`), e.g. Java's `number_format_exception` under a bad int parameter. */
  causedBy?: { type: string; reason: string }
}

/** Elasticsearch's error body: `{ error: { root_cause, type, reason, caused_by? }, status }`. */
export function errorBody(failure: EsFailure): unknown {
  const cause = { type: failure.type, reason: failure.reason }
  return { error: { root_cause: [cause], ...cause, ...(failure.causedBy && { caused_by: failure.causedBy }) }, status: failure.status }
}

export function illegalArgument(reason: string, status = 400): EsFailure {
  return { status, type: 'illegal_argument_exception', reason }
}

/**
 * The exception Elasticsearch typically names for a status, for error answers the page gives no body for.
 * Exception names are Elasticsearch's class names in snake case without the `elasticsearch_` prefix.
 */
const TYPE_BY_STATUS: Record<number, string> = {
  400: 'illegal_argument_exception',
  401: 'security_exception',
  403: 'security_exception',
  404: 'resource_not_found_exception',
  408: 'timeout_exception',
  429: 'es_rejected_execution_exception',
}

export function exceptionTypeFor(status: number): string {
  return TYPE_BY_STATUS[status] ?? 'status_exception'
}
