/** The declarations of one page's module: `<Base>Request`, `<Base>Response`, `<Base>Error` and nested types. */
import { type ImportDeclarationStructure, StructureKind, type StatementStructures } from 'ts-morph'
import type { Diagnostic, PageModel } from '../../model/types.js'
import { InterfaceSink } from './interfaces.js'
import { doc } from './jsdoc.js'
import type { NameRegistry } from './naming.js'
import { pageTags, pageTypes } from './page-types.js'

/** Top-level names of a page; reserved for all pages before any nested name is claimed. */
export function topLevelNames(base: string): { request: string; requestBody: string; response: string; error: string } {
  return { request: `${base}Request`, requestBody: `${base}RequestBody`, response: `${base}Response`, error: `${base}Error` }
}

export const COMMON_MODULE = '_common'

export interface PageModule {
  statements: StatementStructures[]
  diagnostics: Diagnostic[]
}

export function buildPageModule(page: PageModel, base: string, names: NameRegistry): PageModule {
  const top = topLevelNames(base)
  const types = pageTypes(page)
  const sink = new InterfaceSink(names)
  types.request.name = top.request
  if (types.requestBody) types.requestBody.name = top.requestBody
  sink.declare(types.request, top.request)
  const { response } = types
  const docs = doc(response.description, pageTags(page))
  if (response.text) {
    // `_cat`: the records for a structured `format` (the client's default, `json`), the table's text for `text`.
    const records = sink.text(response.type, top.response)
    sink.alias(top.response, `Format extends 'text' ? string : ${records}`, docs, ["Format extends string = 'json'"])
  } else if (response.type.kind === 'object') {
    Object.assign(response.type.object, { name: top.response, docs })
    sink.declare(response.type.object, top.response)
  } else sink.alias(top.response, response.type, docs)
  if (types.error) sink.declare(Object.assign(types.error, { name: top.error }), top.error)
  const common = [...[...sink.commons].sort(), ...(types.error ? ['ErrorResponse'] : [])]
  const imports: ImportDeclarationStructure[] =
    common.length > 0 ? [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${COMMON_MODULE}.js`, namedImports: common, isTypeOnly: true }] : []
  return { statements: [...imports, ...sink.declarations], diagnostics: types.diagnostics }
}
