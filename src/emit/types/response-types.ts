/**
 * The response type of a page: what HEAD and `_cat` APIs answer, the documented response body (kept in the
 * envelope its examples show it in: "an array of bucket objects" inside `{ count, buckets }`), or what
 * the examples alone show.
 *
 * Optionality: a property is required when the page shows it every time it shows the object holding it
 * — in each response example that does not elide part of that object, and, for a documented property, in
 * the response body section — and its text does not say it is only present in some cases ("only
 * returned for successful operations", "omitted if …"). The README says why ("Required response properties").
 */
import type { Param, PageModel, Snippet } from '../../model/types.js'
import { isMapLike, isPlainObject, mapValueShape, mergeSamples, type ObjectShape, type ResponseSample, type Shape, shapeType, sometimesAbsent } from './infer.js'
import { doc, paramDoc, seeTag } from './jsdoc.js'
import type { ParamTypes } from './param-types.js'
import { parseShownJson } from './shown-json.js'
import { BOOLEAN, NUMBER, type ObjectType, type PropertySpec, STRING, type TypeExpr, UNKNOWN } from './type-expr.js'

export interface ResponseTypes {
  /** The body; for a `_cat` API, the records it answers with `format=json`. */
  type: TypeExpr
  /** What the top-level declaration says. */
  description: string
  /** A `_cat` API: the body is a text table unless `format` asks for records. */
  text?: boolean
}

export function responseTypes(page: PageModel, build: ParamTypes): ResponseTypes {
  const { title } = page
  if (page.endpoints.length > 0 && page.endpoints.every((e) => e.method === 'HEAD')) {
    return { type: BOOLEAN, description: `Response of the ${title}: HEAD requests answer with a status code and no body, so the response is whether the resource exists (200) or not (404).` }
  }
  if (page.endpoints.length > 0 && page.endpoints.every((e) => /^\/_cat(?:\/|$)/.test(e.path))) return catResponse(page)
  const samples = responseSamples(page)
  const shape = samples.length > 0 ? mergeSamples(samples) : undefined
  const shown = `${samples.length} response example${samples.length === 1 ? '' : 's'}`
  if (page.responseBody.length > 0) {
    const description = `Response of the ${title}${shape ? `, as documented and shown in ${shown}` : ''}.`
    return { type: documentedResponse(page, build, shape, description), description }
  }
  if (!shape) return { type: UNKNOWN, description: `Response of the ${title}. The page documents no response body.` }
  const description = `Response of the ${title}, inferred from ${shown}.`
  return { type: isPlainObject(shape) ? shapeType(shape, 'Response', description) : shapeType(shape, 'body', description), description }
}

/**
 * The documented properties where the examples show them: at the top level, or deeper in an envelope the
 * examples wrap them in (`{ count, buckets: [ … ] }`, `{ indices: { <name>: { shards: … } } }`): the
 * object of the examples with the most documented names among its keys. A page that says the API returns
 * an array of them and whose examples do not show where gets the array itself.
 */
function documentedResponse(page: PageModel, build: ParamTypes, shape: Shape | undefined, description: string): TypeExpr {
  const names = new Set(page.responseBody.map((p) => p.name))
  const found = shape && locate(shape, names)
  const of = page.responseArray?.of ?? 'objects'
  const itemDocs = doc(`One of the ${of} the ${page.title} returns.`, page.responseArray ? [seeTag(page.responseArray.position)] : [])
  if (!found || found.steps.length === 0) {
    if (!page.responseArray) return { kind: 'object', object: documentedObject(build, page.responseBody, shape?.object, 'Response', doc(description, [])) }
    return { kind: 'array', element: { kind: 'object', object: documentedObject(build, page.responseBody, (shape?.array ?? shape)?.object, 'body item', itemDocs) } }
  }
  const envelope = shapeType(shape, 'Response', description)
  // Named like the examples' own objects, from the property holding it: `gadgets item`, `body item` at the top.
  const last = found.steps.map((s) => typeof s === 'object').lastIndexOf(true)
  const hint = [last < 0 ? 'body' : (found.steps[last] as { prop: string }).prop, ...found.steps.slice(last + 1)].join(' ')
  const documented: TypeExpr = { kind: 'object', object: documentedObject(build, page.responseBody, found.shape.object, hint, itemDocs) }
  return replaceAt(envelope, found.steps, documented) ? envelope : documented
}

/** A way down a shape or type: a property, an array's elements, a map's values. */
type Step = { prop: string } | 'item' | 'value'

/** The object of the shape with the most of `names` among its keys (the shallowest of equals), and the way to it. */
function locate(shape: Shape, names: Set<string>): { steps: Step[]; shape: Shape } | undefined {
  let best: { steps: Step[]; shape: Shape } | undefined
  let bestScore = 0
  const queue: { steps: Step[]; shape: Shape }[] = [{ steps: [], shape }]
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { steps, shape: here } = next
    if (steps.length > 8) continue
    const object = here.object
    if (object && isMapLike(object)) queue.push({ steps: [...steps, 'value'], shape: mapValueShape(object) })
    else if (object) {
      const score = [...object.props.keys()].filter((k) => names.has(k)).length
      if (score > bestScore) [best, bestScore] = [next, score]
      for (const [key, prop] of object.props) queue.push({ steps: [...steps, { prop: key }], shape: prop.shape })
      if (object.dynamic) queue.push({ steps: [...steps, 'value'], shape: object.dynamic })
    }
    if (here.array) queue.push({ steps: [...steps, 'item'], shape: here.array })
  }
  return best
}

/** Puts `replacement` where `steps` lead in a type built from the same shape; false when the way is not there. */
function replaceAt(type: TypeExpr, steps: Step[], replacement: TypeExpr): boolean {
  const [step, ...rest] = steps
  for (const member of type.kind === 'union' ? type.members : [type]) {
    let child: TypeExpr | undefined
    let put: (t: TypeExpr) => void = () => undefined
    if (step === 'item' && member.kind === 'array') [child, put] = [member.element, (t) => (member.element = t)]
    else if (step === 'value' && member.kind === 'record') [child, put] = [member.value, (t) => (member.value = t)]
    else if (typeof step === 'object' && member.kind === 'object') {
      const property = member.object.properties.find((p) => p.name === step.prop)
      if (property) [child, put] = [property.type, (t) => (property.type = t)]
    }
    if (!child) continue
    if (rest.length > 0) return replaceAt(child, rest, replacement)
    put(replacement)
    return true
  }
  return false
}

/** Documented properties, with what the examples show of the same object (`object`). */
function documentedObject(build: ParamTypes, params: Param[], object: ObjectShape | undefined, hint: string, docs: ObjectType['docs']): ObjectType {
  // Examples whose object shares no name with the documented ones show something else (a map keyed by data).
  const shown = object && !isMapLike(object) && params.some((p) => object.props.has(p.name)) ? object : undefined
  const properties = params.map((p) => documentedProperty(build, p, shown))
  const documented = new Set(params.map((p) => p.name))
  for (const [key, prop] of shown?.props ?? []) {
    if (documented.has(key)) continue
    const optional = sometimesAbsent(shown!, prop.count)
    const text = `\`${key}\` as shown in the response examples${optional ? ' (absent from some of them)' : ''}.`
    properties.push({ name: key, type: shapeType(prop.shape, key, text), optional, docs: doc(text, prop.shape.seenAt ? [seeTag(prop.shape.seenAt)] : []), ...(prop.shape.seenAt && { position: prop.shape.seenAt }) })
  }
  return { hint, docs, properties: build.join(properties, hint), ...(params[0] && { position: params[0].position }) }
}

function documentedProperty(build: ParamTypes, param: Param, object: ObjectShape | undefined): PropertySpec {
  const sample = object?.props.get(param.name)
  const absent = object !== undefined && sometimesAbsent(object, sample?.count ?? 0)
  const optional = !param.required && (param.conditional === true || absent)
  let type: TypeExpr
  if (param.children?.length) {
    const array = build.documented(param, 'response').type.kind === 'array'
    const nested = documentedObject(build, param.children, (array ? sample?.shape.array : sample?.shape)?.object, param.name, paramDoc(param))
    type = array ? { kind: 'array', element: { kind: 'object', object: nested } } : { kind: 'object', object: nested }
  } else {
    type = build.scalar(param, 'response', (documented) => sample && refined(documented, sample.shape, param.name))
  }
  return { name: param.name, type, optional, docs: paramDoc(param), position: param.position }
}

/**
 * What the examples add to a documented type that leaves the structure open: an untyped property, a bare
 * `object` or `array`, or a date the examples write in one form (epoch milliseconds or a date string).
 */
function refined(documented: TypeExpr, shape: Shape, hint: string): TypeExpr | undefined {
  const text = `\`${hint}\` as shown in the response examples.`
  if (documented.kind === 'unknown') return shapeType(shape, hint, text)
  if (documented.kind === 'record' && documented.value.kind === 'unknown' && shape.object) return shapeType(shape, hint, text)
  if (documented.kind === 'array' && documented.element.kind === 'unknown' && shape.array) return { kind: 'array', element: shapeType(shape.array, `${hint} item`, text) }
  if (documented.kind === 'common' && documented.name === 'DateTime' && shape.scalars.size === 1 && !shape.object && !shape.array) {
    if (shape.scalars.has('number')) return NUMBER
    if (shape.scalars.has('string')) return STRING
  }
  return undefined
}

/**
 * A `_cat` API answers a text table, or with `format=json` an array of records: one string per column,
 * the columns the `h` parameter lists and those the examples' header lines (`?v`) show. Each is optional:
 * `h` picks the columns.
 */
function catResponse(page: PageModel): ResponseTypes {
  const h = page.queryParams.find((p) => p.name === 'h')
  const columns = new Map<string, PropertySpec['docs']>()
  for (const value of h?.values ?? []) columns.set(value, doc(`Column \`${value}\` (see the \`h\` parameter).`, [seeTag(h!.position)]))
  for (const snippet of catTables(page)) {
    for (const column of snippet.text.split('\n')[0]!.trim().split(/\s+/)) {
      if (/^[\w.-]+$/.test(column) && !columns.has(column)) columns.set(column, doc(`Column \`${column}\` as shown in the examples.`, [seeTag(snippet.position)]))
    }
  }
  const record: ObjectType = {
    hint: 'Record',
    docs: doc(`One row of the ${page.title}'s table, as \`format=json\` answers it: a string per column.`, []),
    properties: [...columns].map(([name, docs]) => ({ name, type: STRING, optional: true, docs })),
  }
  const type: TypeExpr = { kind: 'array', element: columns.size > 0 ? { kind: 'object', object: record } : { kind: 'record', value: STRING } }
  return { type, text: true, description: `Response of the ${page.title}: a text table, or with \`format=json\` an array of records.` }
}

/** Text responses answering a request of the page's own API with a header line (`?v`). */
function catTables(page: PageModel): Snippet[] {
  const byIndex = new Map(page.examples.map((s) => [s.index, s]))
  return page.examples.filter((s) => {
    if (s.role !== 'response' || s.responseJson !== undefined || s.answers === undefined) return false
    const request = byIndex.get(s.answers)?.requests.at(-1)
    return request !== undefined && 'v' in request.query
  })
}

/** Whether a console request path (`/_rollup/job/sensor/_stop`) fits an endpoint template. */
export function fitsTemplate(path: string, template: string): boolean {
  const a = path.split('/').filter((s) => s !== '')
  const b = template.split('/').filter((s) => s !== '')
  return a.length === b.length && b.every((seg, i) => /^\{[^}]*\}$/.test(seg) || seg === a[i])
}

/**
 * JSON response examples of the page's own API: a response answering another API (a setup call, a
 * follow-up GET) or a request expected to fail (`catch:`) does not show this response's shape. Older pages
 * show the answer in a plain block right after the request (`[source,js]`, often `// NOTCONSOLE`, and
 * the request itself may be such a block): a JSON object or array there is a response example too.
 */
export function responseSamples(page: PageModel): ResponseSample[] {
  const byIndex = new Map<number, Snippet>(page.examples.map((s) => [s.index, s]))
  const samples: ResponseSample[] = []
  for (const s of page.examples) {
    if (s.role === 'response' && s.responseJson !== undefined) {
      const request = s.answers === undefined ? { dataKeys: [] } : ownRequest(page, byIndex.get(s.answers), false)
      if (request) samples.push({ value: s.responseJson, position: s.position, dataKeys: request.dataKeys })
    } else if (s.role === 'other' && /^(?:js|json|javascript|)$/.test(s.language)) {
      const request = ownRequest(page, byIndex.get(s.index - 1), true)
      const value = request && parseShownJson(s.text)
      if (request && value !== undefined) samples.push({ value, position: s.position, dataKeys: request.dataKeys })
    }
  }
  return samples
}

/**
 * The request a snippet makes, when it calls the page's own API and is not expected to fail; with the
 * values it writes in place of the endpoint's placeholders. `plain`: a block that is not a console
 * snippet may hold the request line too.
 */
function ownRequest(page: PageModel, snippet: Snippet | undefined, plain: boolean): { dataKeys: string[] } | undefined {
  let method: string
  let path: string
  if (snippet?.role === 'other' && plain) {
    const line = /^(GET|PUT|POST|DELETE|HEAD|PATCH)\s+\/?([^\s?]*)/.exec(snippet.text.trimStart())
    if (!line) return undefined
    ;[method, path] = [line[1]!, `/${line[2]!}`]
  } else {
    if (!snippet || snippet.role !== 'request' || snippet.test?.catch !== undefined) return undefined
    const request = snippet.requests[snippet.requests.length - 1]
    if (!request) return { dataKeys: [] }
    ;[method, path] = [request.method, request.path]
  }
  const endpoint = page.endpoints.find((e) => e.method === method && fitsTemplate(path, e.path))
  if (!endpoint) return undefined
  const segments = path.split('/').filter((s) => s !== '')
  const template = endpoint.path.split('/').filter((s) => s !== '')
  const dataKeys = template.flatMap((t, i) => (/^\{.*\}$/.test(t) ? decoded(segments[i]!).split(',') : []))
  return { dataKeys }
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
