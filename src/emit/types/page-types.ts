/**
 * The types of one page as structural trees, before anything is named: the request (path and query
 * parameters, the body), the response and the documented errors. The module printer declares them;
 * `compare` and the OpenAPI export read them.
 */
import type { Diagnostic, Param, PageModel } from '../../model/types.js'
import { doc, seeTag, stabilityTags } from './jsdoc.js'
import { ParamTypes } from './param-types.js'
import { fitsTemplate, responseTypes, type ResponseTypes } from './response-types.js'
import type { ObjectType, PropertySpec } from './type-expr.js'

export interface PageTypes {
  request: ObjectType
  /** The object of the request's `body` property, when the page documents body parameters. */
  requestBody?: ObjectType
  response: ResponseTypes
  /** The documented error responses (status codes 400 and up). */
  error?: ObjectType
  diagnostics: Diagnostic[]
}

/** The page's types; its top-level objects are left unnamed for the printer to name. */
export function pageTypes(page: PageModel): PageTypes {
  const diagnostics: Diagnostic[] = []
  const build = new ParamTypes(diagnostics)
  const requestBody = page.bodyParams.length > 0 ? build.object(page.bodyParams, 'body', 'RequestBody', doc(`Request body of the ${page.title}.`, pageTags(page))) : undefined
  const request = requestObject(page, build, requestBody)
  const response = responseTypes(page, build)
  const error = errorObject(page)
  return { request, ...(requestBody && { requestBody }), response, ...(error && { error }), diagnostics }
}

/** The stability of the page and where its request is documented, for every top-level type. */
export function pageTags(page: PageModel) {
  return [...stabilityTags(page.stability), seeTag(page.endpoints[0]?.position ?? { file: page.file, line: 1, column: 1 })]
}

function requestObject(page: PageModel, build: ParamTypes, body: ObjectType | undefined): ObjectType {
  const endpoints = page.endpoints.map((e) => `- \`${e.method} ${e.path}\``).join('\n')
  const description = [`Request of the ${page.title}.`, page.description, `Endpoints:\n${endpoints}`].filter((p) => p !== '').join('\n\n')
  const properties = page.pathParams.map((p) => ({ ...build.property(p, 'path'), optional: !pathParamRequired(page, p) }))
  // A query param named like a path param (or `body`) cannot share the flat request object.
  const taken = new Set(properties.map((p) => p.name))
  if (body) taken.add('body')
  for (const q of page.queryParams) {
    if (taken.has(q.name)) {
      build.report(q, 'duplicate-param', `query parameter \`${q.name}\` has the name of another request property; it is left out of the request type`)
      continue
    }
    properties.push(build.property(q, 'query'))
  }
  if (body) {
    const required = page.bodyParams.some((p) => p.required)
    properties.push({ name: 'body', type: { kind: 'object', object: body }, optional: !required, docs: doc('The request body.', []) })
  }
  return { hint: 'Request', docs: doc(description, pageTags(page)), properties: build.join(properties, 'the request') }
}

/**
 * A path parameter is required when every endpoint takes it (pages often list `/_x` and `/_x/{id}`) and
 * the page does not call it optional and say it may be left out ("If it is `_all` or omitted"): a page
 * may flag Optional a parameter its only path holds. An endpoint spelling out a value in its place
 * (`/_ml/…/_all/_stop` beside `/_ml/…/{id}/_stop`) still takes it. One that no path holds (its name
 * drifted from the path's) is as the page flags it.
 */
function pathParamRequired(page: PageModel, param: Param): boolean {
  const templates = page.endpoints.map((e) => e.path).filter((p) => p.includes(`{${param.name}}`))
  if (templates.length === 0) return param.required
  if (!param.required && MAY_BE_OMITTED.test(param.description)) return false
  return page.endpoints.every((e) => templates.some((t) => fitsTemplate(e.path, t)))
}

const MAY_BE_OMITTED = /\b(?:omit(?:ted|ting)?|if (?:you )?(?:do not|don't) specify|(?:is|are) not specified|leave (?:it )?(?:out|empty|blank))\b/i

function errorObject(page: PageModel): ObjectType | undefined {
  const codes = page.responseCodes.filter((c) => c.code >= 400)
  if (codes.length === 0) return undefined
  const list = codes.map((c) => `- \`${c.code}\`: ${c.description}`).join('\n')
  const status: PropertySpec = {
    name: 'status',
    type: { kind: 'numberLiterals', values: [...new Set(codes.map((c) => c.code))].sort((a, b) => a - b) },
    optional: false,
    docs: doc('HTTP status code of a documented error.', codes.map((c) => seeTag(c.position))),
  }
  return { hint: 'Error', docs: doc(`Error response of the ${page.title}.\n\n${list}`, pageTags(page)), extends: ['ErrorResponse'], properties: [status] }
}
