/** Collects the declarations of one generated module, in declaration order (parents before children). */
import {
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  StructureKind,
  type TypeAliasDeclarationStructure,
} from 'ts-morph'
import type { Doc } from './jsdoc.js'
import { type NameRegistry, propertyName } from './naming.js'
import { render, type TypeExpr, usesDuration } from './type-expr.js'

export interface PropertySpec {
  name: string
  type: TypeExpr
  optional: boolean
  docs: Doc[]
}

export interface InterfaceBody {
  properties: PropertySpec[]
  /** Value type of a `[key: string]` index signature, for objects with keys not known in advance. */
  index?: TypeExpr
  extends?: string[]
}

export class InterfaceSink {
  readonly declarations: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = []
  usesDuration = false

  constructor(private readonly names: NameRegistry) {}

  /** Declares `<prefix><Hint>` (made unique) and returns a reference to it. */
  declare(prefix: string, hint: string, docs: Doc[], build: (name: string) => InterfaceBody): TypeExpr {
    return { kind: 'ref', name: this.declareNamed(this.names.claim(prefix, hint), docs, build) }
  }

  /** Declares an interface whose name was reserved beforehand. */
  declareNamed(name: string, docs: Doc[], build: (name: string) => InterfaceBody): string {
    const structure: InterfaceDeclarationStructure = { kind: StructureKind.Interface, name, isExported: true, docs }
    this.declarations.push(structure)
    const body = build(name)
    structure.properties = body.properties.map((p) => this.property(p))
    if (body.extends) structure.extends = body.extends
    if (body.index) {
      structure.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType: this.text(body.index) }]
    }
    return name
  }

  /** Declares `type <name> = <type>` under a name reserved beforehand. */
  alias(name: string, type: TypeExpr, docs: Doc[]): void {
    this.declarations.push({ kind: StructureKind.TypeAlias, name, isExported: true, type: this.text(type), docs })
  }

  /** Type text, noting whether `Duration` is needed. */
  text(type: TypeExpr): string {
    if (usesDuration(type)) this.usesDuration = true
    return render(type)
  }

  private property(p: PropertySpec): OptionalKind<PropertySignatureStructure> {
    return { name: propertyName(p.name), type: this.text(p.type), hasQuestionToken: p.optional, docs: p.docs }
  }
}
