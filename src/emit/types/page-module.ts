/** The declarations of one page's module: `<Base>Request`, `<Base>Response`, `<Base>Error` and nested types. */
import { type ImportDeclarationStructure, StructureKind, type StatementStructures } from 'ts-morph'
import { diagnostic } from '../../model/diagnostic.js'
import type { Diagnostic, Param, PageModel, Snippet } from '../../model/types.js'
import { isCommaList, parseDocType, typeFromDefault } from './doc-types.js'
import { isPlainObject, mergeSamples, type ResponseSample, shapeType } from './infer.js'
import { InterfaceSink, type PropertySpec } from './interfaces.js'
import { doc, paramDoc, seeTag, stabilityTags } from './jsdoc.js'
import type { NameRegistry } from './naming.js'
import { STRING, type TypeExpr, UNKNOWN, union } from './type-expr.js'

/** Top-level names of a page; reserved for all pages before any nested name is claimed. */
export function topLevelNames(base: string): { request: string; requestBody: string; response: string; error: string } {
  return { request: `${base}Request`, requestBody: `${base}RequestBody`, response: `${base}Response`, error: `${base}Error` }
}

export const COMMON_MODULE = '_common'

export interface PageModule {
  statements: StatementStructures[]
  diagnostics: Diagnostic[]
}

type Role = 'path' | 'query' | 'body' | 'response'

export function buildPageModule(page: PageModel, base: string, names: NameRegistry): PageModule {
  return new PageModuleBuilder(page, base, names).build()
}

class PageModuleBuilder {
  private readonly sink: InterfaceSink
  private readonly diagnostics: Diagnostic[] = []
  private readonly top: ReturnType<typeof topLevelNames>

  constructor(
    private readonly page: PageModel,
    base: string,
    names: NameRegistry,
  ) {
    this.sink = new InterfaceSink(names)
    this.top = topLevelNames(base)
  }

  build(): PageModule {
    this.request()
    this.response()
    const hasError = this.error()
    for (const d of this.sink.duplicates) {
      const position = d.position ?? { file: this.page.file, line: 1, column: 1 }
      const message = `\`${d.name}\` is documented more than once for ${d.interfaceName}; the types are joined`
      this.diagnostics.push(diagnostic('duplicate-param', position, message))
    }
    const common = [...(this.sink.usesDuration ? ['Duration'] : []), ...(hasError ? ['ErrorResponse'] : [])]
    const imports: ImportDeclarationStructure[] =
      common.length > 0
        ? [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${COMMON_MODULE}.js`, namedImports: common, isTypeOnly: true }]
        : []
    return {
      statements: [...imports, ...this.sink.declarations],
      diagnostics: this.diagnostics,
    }
  }

  private pageTags() {
    return [...stabilityTags(this.page.stability), seeTag(this.page.endpoints[0]?.position ?? { file: this.page.file, line: 1, column: 1 })]
  }

  private request(): void {
    const { page } = this
    const endpoints = page.endpoints.map((e) => `- \`${e.method} ${e.path}\``).join('\n')
    const description = [`Request of the ${page.title}.`, page.description, `Endpoints:\n${endpoints}`].filter((p) => p !== '').join('\n\n')
    this.sink.declareNamed(this.top.request, doc(description, this.pageTags()), (name) => {
      const properties = page.pathParams.map((p) => this.pathProperty(p, name))
      // A query param named like a path param (or `body`) cannot share the flat request object.
      const taken = new Set(properties.map((p) => p.name))
      if (page.bodyParams.length > 0) taken.add('body')
      for (const q of page.queryParams) {
        if (taken.has(q.name)) {
          this.warn(q, 'duplicate-param', `query parameter \`${q.name}\` has the name of another request property; it is left out of the request type`)
          continue
        }
        properties.push(this.paramProperty(q, 'query', name))
      }
      if (page.bodyParams.length > 0) properties.push(this.bodyProperty())
      return { properties }
    })
  }

  /**
   * A path param is required when every endpoint takes it (pages often list `/_x` and `/_x/{id}`). An
   * endpoint spelling out a value in its place (`/_ml/…/_all/_stop` beside `/_ml/…/{id}/_stop`) still takes it.
   */
  private pathProperty(param: Param, prefix: string): PropertySpec {
    const templates = this.page.endpoints.map((e) => e.path).filter((p) => p.includes(`{${param.name}}`))
    const inEvery = this.page.endpoints.every((e) => templates.some((t) => fitsTemplate(e.path, t)))
    return { ...this.paramProperty(param, 'path', prefix), optional: !inEvery }
  }

  private bodyProperty(): PropertySpec {
    const params = this.page.bodyParams
    const ref = this.sink.declareNamed(this.top.requestBody, doc(`Request body of the ${this.page.title}.`, this.pageTags()), (name) => ({
      properties: params.map((p) => this.paramProperty(p, 'body', name)),
    }))
    return {
      name: 'body',
      type: { kind: 'ref', name: ref },
      optional: !params.some((p) => p.required),
      docs: doc('The request body.', []),
    }
  }

  private paramProperty(param: Param, role: Role, prefix: string): PropertySpec {
    return { name: param.name, type: this.paramType(param, role, prefix), optional: !param.required, docs: paramDoc(param), position: param.position }
  }

  private paramType(param: Param, role: Role, prefix: string): TypeExpr {
    const documented = param.type === undefined ? undefined : parseDocType(param.type)
    for (const part of documented?.unknownParts ?? []) {
      this.warn(param, 'unknown-type', `unknown type "${part}" of ${role} parameter \`${param.name}\`; typed as unknown`)
    }
    if (param.children && param.children.length > 0) {
      const children = param.children
      const ref = this.sink.declare(prefix, param.name, paramDoc(param), (name) => ({
        properties: children.map((c) => this.paramProperty(c, role, name)),
      }))
      return documented?.type.kind === 'array' ? { kind: 'array', element: ref } : ref
    }
    let type = documented?.type ?? typeFromDefault(param.default)
    if (type === undefined) {
      // Path segments are strings by nature; elsewhere an undocumented type stays open.
      type = role === 'path' ? STRING : UNKNOWN
      if (role !== 'path' && !param.values?.length) {
        this.diagnostics.push(diagnostic('untyped-param', param.position, `${role} parameter \`${param.name}\` has no documented type; typed as unknown`))
      }
    }
    if (param.values && param.values.length > 0) type = withValues(type, param.values)
    if ((role === 'path' || role === 'query') && isCommaList(param.description) && isStringLike(type)) {
      type = union([type, { kind: 'array', element: type }])
    }
    return type
  }

  private response(): void {
    const { page } = this
    const docs = doc(`Response of the ${page.title}.`, this.pageTags())
    if (page.responseBody.length > 0) {
      this.sink.declareNamed(this.top.response, docs, (name) => ({
        properties: page.responseBody.map((p) => this.paramProperty(p, 'response', name)),
      }))
      return
    }
    const samples = responseSamples(page)
    if (samples.length === 0) {
      this.sink.alias(this.top.response, UNKNOWN, doc(`Response of the ${page.title}. The page documents no response body.`, this.pageTags()))
      return
    }
    const shape = mergeSamples(samples)
    const description = `Response of the ${page.title}, inferred from ${samples.length} response example${samples.length === 1 ? '' : 's'}.`
    if (isPlainObject(shape)) {
      shapeType(shape, this.sink, this.top.response, '', description, this.top.response)
      // The inferred interface carries the example's position; the page's own tags belong on the top type.
      const declaration = this.sink.declarations.find((d) => d.name === this.top.response)!
      declaration.docs = doc(description, this.pageTags())
    } else {
      const type = shapeType(shape, this.sink, this.top.response, 'body', description)
      this.sink.alias(this.top.response, type, doc(description, this.pageTags()))
    }
  }

  private error(): boolean {
    const codes = this.page.responseCodes.filter((c) => c.code >= 400)
    if (codes.length === 0) return false
    const list = codes.map((c) => `- \`${c.code}\`: ${c.description}`).join('\n')
    this.sink.declareNamed(this.top.error, doc(`Error response of the ${this.page.title}.\n\n${list}`, this.pageTags()), () => ({
      extends: ['ErrorResponse'],
      properties: [
        {
          name: 'status',
          type: { kind: 'numberLiterals', values: [...new Set(codes.map((c) => c.code))].sort((a, b) => a - b) },
          optional: false,
          docs: doc('HTTP status code of a documented error.', codes.map((c) => seeTag(c.position))),
        },
      ],
    }))
    return true
  }

  private warn(param: Param, rule: 'duplicate-param' | 'unknown-type', message: string): void {
    this.diagnostics.push(diagnostic(rule, param.position, message))
  }
}

function isStringLike(type: TypeExpr): boolean {
  return type.kind === 'string' || type.kind === 'literals'
}

/** Narrows the string parts of a type to the documented values. */
function withValues(type: TypeExpr, values: string[]): TypeExpr {
  const literals: TypeExpr = { kind: 'literals', values: [...new Set(values)] }
  switch (type.kind) {
    case 'string':
    case 'unknown':
      return literals
    case 'array':
      return { kind: 'array', element: withValues(type.element, values) }
    case 'union':
      return union(type.members.map((m) => withValues(m, values)))
    default:
      return type
  }
}

/** Whether a console request path (`/_rollup/job/sensor/_stop`) fits an endpoint template. */
function fitsTemplate(path: string, template: string): boolean {
  const a = path.split('/').filter((s) => s !== '')
  const b = template.split('/').filter((s) => s !== '')
  return a.length === b.length && b.every((seg, i) => /^\{[^}]*\}$/.test(seg) || seg === a[i])
}

/**
 * JSON response examples of the page's own API: a response answering another API (a setup call, a
 * follow-up GET) or a request expected to fail (`catch:`) does not show this response's shape.
 */
function responseSamples(page: PageModel): ResponseSample[] {
  const byIndex = new Map<number, Snippet>(page.examples.map((s) => [s.index, s]))
  return page.examples
    .filter((s) => s.role === 'response' && s.responseJson !== undefined)
    .filter((s) => {
      if (s.answers === undefined) return true
      const answered = byIndex.get(s.answers)
      if (!answered || answered.test?.catch !== undefined) return false
      const request = answered.requests[answered.requests.length - 1]
      return request === undefined || page.endpoints.some((e) => e.method === request.method && fitsTemplate(request.path, e.path))
    })
    .map((s) => ({ value: s.responseJson, position: s.position }))
}
