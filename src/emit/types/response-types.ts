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
import type { ConsoleRequest, HttpMethod, Param, PageModel, Snippet } from '../../model/types.js'
import { parseCurl } from '../../console/curl.js'
import { isMapLike, isPlainObject, mapValueShape, mergeSamples, type ObjectShape, type ResponseSample, type Shape, shapeType, sometimesAbsent } from './infer.js'
import { doc, paramDoc, seeTag } from './jsdoc.js'
import { keyedMembers, objectOrRecord, type ParamTypes } from './param-types.js'
import { parseShownJson } from './shown-json.js'
import { stripCallouts } from '../../console/callouts.js'
import { parseStashJson } from '../../console/response-json.js'
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
  const names = new Set(page.responseBody.flatMap((p) => (p.placeholder ? (p.values ?? []) : [p.name])))
  const found = shape && locate(shape, names)
  const of = page.responseArray?.of ?? 'objects'
  const itemDocs = doc(`One of the ${of} the ${page.title} returns.`, page.responseArray ? [seeTag(page.responseArray.position)] : [])
  if (!found || found.steps.length === 0) {
    if (!page.responseArray) return objectOrRecord(documentedObject(build, page.responseBody, shape?.object, 'Response', doc(description, [])))
    return { kind: 'array', element: objectOrRecord(documentedObject(build, page.responseBody, (shape?.array ?? shape)?.object, 'body item', itemDocs)) }
  }
  const envelope = shapeType(shape, 'Response', description)
  // Named like the examples' own objects, from the property holding it: `gadgets item`, `body item` at the top.
  const last = found.steps.map((s) => typeof s === 'object').lastIndexOf(true)
  const hint = [last < 0 ? 'body' : (found.steps[last] as { prop: string }).prop, ...found.steps.slice(last + 1)].join(' ')
  const documented = objectOrRecord(documentedObject(build, page.responseBody, found.shape.object, hint, itemDocs))
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

/**
 * Documented properties, with what the examples show of the same object (`object`). The examples' keys
 * that are no documented name are the keys a `<placeholder>` property stands for, when there is one.
 */
function documentedObject(build: ParamTypes, params: Param[], object: ObjectShape | undefined, hint: string, docs: ObjectType['docs']): ObjectType {
  const fixed = new Set(params.flatMap((p) => (p.placeholder ? (p.values ?? []) : [p.name])))
  // Examples whose object shares no name with the documented ones show something else (a map keyed by data).
  const shown = object && !isMapLike(object) && [...fixed].some((name) => object.props.has(name)) ? object : undefined
  // A placeholder's keys: the values it lists, else every key the page documents no name for.
  const keyed = (p: Param) => object && { shape: valuesUnder(object, (key) => (p.values?.length ? p.values.includes(key) : !fixed.has(key))), count: object.count }
  const { properties, index } = keyedMembers(params, (p) => (p.placeholder ? documentedProperty(build, p, keyed(p)) : documentedProperty(build, p, shown?.props.get(p.name), shown)))
  const anyKey = params.some((p) => p.placeholder && !p.values?.length)
  for (const [key, prop] of anyKey ? [] : (shown?.props ?? [])) {
    if (fixed.has(key)) continue
    const optional = sometimesAbsent(shown!, prop.count)
    const text = `\`${key}\` as shown in the response examples${optional ? ' (absent from some of them)' : ''}.`
    properties.push({ name: key, type: shapeType(prop.shape, key, text), optional, docs: doc(text, prop.shape.seenAt ? [seeTag(prop.shape.seenAt)] : []), ...(prop.shape.seenAt && { position: prop.shape.seenAt }) })
  }
  return { hint, docs, properties: build.join(properties, hint), ...(index && { index }), ...(params[0] && { position: params[0].position }) }
}

/** What the example object holds under the keys a placeholder stands for (and under placeholder keys: `$node_name`). */
function valuesUnder(object: ObjectShape, keyed: (key: string) => boolean): Shape {
  return mapValueShape({ ...object, props: new Map([...object.props].filter(([key]) => keyed(key))) })
}

/** A documented property; `sample` is what the examples show of it, in `holder` (absent when they show where it is not). */
function documentedProperty(build: ParamTypes, param: Param, sample: { shape: Shape; count: number } | undefined, holder?: ObjectShape): PropertySpec {
  const absent = holder !== undefined && sometimesAbsent(holder, sample?.count ?? 0)
  const optional = !param.required && (param.conditional === true || absent)
  let type: TypeExpr
  if (param.children?.length) {
    const array = build.documented(param, 'response').type.kind === 'array'
    const nested = documentedObject(build, param.children, (array ? sample?.shape.array : sample?.shape)?.object, param.name, paramDoc(param))
    type = array ? { kind: 'array', element: objectOrRecord(nested) } : objectOrRecord(nested)
  } else {
    type = build.scalar(param, 'response', (documented) => sample && refined(documented, sample.shape, param.name, PAIRS.test(param.description)))
  }
  return { name: param.name, type, optional, docs: paramDoc(param), position: param.position }
}

/** "An array of objects that contain feature name and value pairs": objects keyed by data. */
const PAIRS = /\b(?:key|name)(?:[-/ ]| and )value pairs\b/i

/**
 * What the examples add to a documented type that leaves the structure open: an untyped property, a bare
 * `object` or `array` (of objects the text calls name and value `pairs`: maps), or a date the examples
 * write in one form (epoch milliseconds or a date string).
 */
function refined(documented: TypeExpr, shape: Shape, hint: string, pairs: boolean): TypeExpr | undefined {
  const text = `\`${hint}\` as shown in the response examples.`
  const pairsOf = (object: ObjectShape | undefined): TypeExpr | undefined => (pairs && object ? { kind: 'record', value: shapeType(mapValueShape(object), `${hint} value`, text) } : undefined)
  if (documented.kind === 'record' && documented.value.kind === 'unknown' && pairsOf(shape.object)) return pairsOf(shape.object)
  if (documented.kind === 'array' && documented.element.kind === 'unknown' && pairsOf(shape.array?.object)) return { kind: 'array', element: pairsOf(shape.array?.object)! }
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
  const valueKeys = requestValues(page)
  const samples: ResponseSample[] = []
  for (const s of page.examples) {
    if (s.role === 'response') {
      const request = s.answers === undefined ? { dataKeys: [] } : ownRequest(page, byIndex.get(s.answers), false)
      const value = request && asWritten(s)
      if (request && value !== undefined) samples.push({ value, position: s.position, valueKeys, ...request })
    } else if (s.role === 'other' && /^(?:js|json|javascript|)$/.test(s.language)) {
      const request = ownRequest(page, byIndex.get(s.index - 1), true)
      const value = request && parseShownJson(s.text)
      if (request && value !== undefined) samples.push({ value, position: s.position, valueKeys, ...request })
    }
  }
  return samples
}

/**
 * A response example's JSON as the page writes it: a `// TESTRESPONSE[s/…/$body.…/]` that opens a value up
 * for the doc test (`"upgrade_mode": false` → `$body.upgrade_mode`) leaves the value the page shows, and its
 * type, in place. What the test compares stands in when the written text is no JSON; when neither is,
 * the text read with its whole lines of `...` as elisions (an example that is never tested).
 */
function asWritten(snippet: Snippet): unknown {
  if (snippet.testResponse?.cat || snippet.testResponse?.nonJson) return undefined
  const text = stripCallouts(snippet.text)
  const written = snippet.testResponse?.substitutions.length ? parseStashJson(text) : undefined
  return written?.ok ? written.value : (snippet.responseJson ?? parseShownJson(text))
}

/** The strings the page's requests write in their bodies: names of the user's own things (fields, indices, jobs). */
function requestValues(page: PageModel): Set<string> {
  const out = new Set<string>()
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.add(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk)
  }
  for (const s of page.examples) for (const r of s.requests) walk(r.body?.json)
  return out
}

/**
 * The request a snippet makes, when it calls the page's own API and is not expected to fail; with the
 * values it writes in place of the endpoint's placeholders, and whether it filters the response
 * (`filter_path`). `plain`: a block that is not a console snippet may hold the request line too.
 */
function ownRequest(page: PageModel, snippet: Snippet | undefined, plain: boolean): { dataKeys: string[]; partial?: boolean } | undefined {
  let method: string
  let path: string
  let partial = false
  if (snippet?.role === 'other' && plain) {
    const request = plainRequest(snippet.text)
    if (!request) return undefined
    ;[method, path, partial] = [request.method, request.path, 'filter_path' in request.query]
  } else {
    if (!snippet || snippet.role !== 'request' || snippet.test?.catch !== undefined) return undefined
    const request = snippet.requests[snippet.requests.length - 1]
    if (!request) return { dataKeys: [] }
    ;[method, path, partial] = [request.method, request.path, 'filter_path' in request.query]
  }
  const endpoint = page.endpoints.find((e) => e.method === method && fitsTemplate(path, e.path))
  if (!endpoint) return undefined
  const segments = path.split('/').filter((s) => s !== '')
  const template = endpoint.path.split('/').filter((s) => s !== '')
  const dataKeys = template.flatMap((t, i) => (/^\{.*\}$/.test(t) ? decoded(segments[i]!).split(',') : []))
  return { dataKeys, ...(partial && { partial }) }
}

/** The request a plain block opens with: a request line (`GET _ilm/status`) or, on curl-era pages, a `curl` command. */
function plainRequest(text: string): Pick<ConsoleRequest, 'method' | 'path' | 'query'> | undefined {
  const lines = text.split('\n')
  const first = lines.findIndex((l) => l.trim() !== '')
  if (first < 0) return undefined
  if (/^\s*(?:\$\s+)?curl\s/.test(lines[first]!)) {
    lines[first] = lines[first]!.replace(/^(\s*)\$ /, '$1  ')
    return parseCurl(lines, first, lines.length, () => ({ file: '', line: 1, column: 1 })).request
  }
  const line = /^(GET|PUT|POST|DELETE|HEAD|PATCH)\s+\/?([^\s?]*)(\?\S*)?/.exec(lines[first]!.trimStart())
  if (!line) return undefined
  return { method: line[1] as HttpMethod, path: `/${line[2]!}`, query: /[?&]filter_path=/.test(line[3] ?? '') ? { filter_path: '' } : {} }
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
