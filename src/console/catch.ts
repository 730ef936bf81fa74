/** Named `catch:` values of `// TEST[catch:…]` (Elasticsearch's YAML test runner) and the status each expects. */
export const CATCH_STATUS: Readonly<Record<string, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  missing: 404,
  request_timeout: 408,
  conflict: 409,
  unavailable: 503,
}
