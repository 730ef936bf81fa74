/**
 * Collects the declarations of one generated module, in declaration order (parents before children):
 * every object of a type becomes an interface named after the interface holding it and its hint.
 */
import {
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  StructureKind,
  type TypeAliasDeclarationStructure,
} from 'ts-morph'
import type { Doc } from './jsdoc.js'
import { type NameRegistry, propertyName } from './naming.js'
import { type CommonName, commonNames, type ObjectType, type PropertySpec, render, type TypeExpr } from './type-expr.js'

export class InterfaceSink {
  readonly declarations: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = []
  /** The shared aliases the declarations use. */
  readonly commons = new Set<CommonName>()
  /** An object met twice (a shared part of a type) is declared once. */
  private readonly declared = new WeakMap<ObjectType, string>()

  constructor(private readonly names: NameRegistry) {}

  /** Declares an object as an interface: its fixed name, or `<prefix><Hint>` made unique. */
  declare(object: ObjectType, prefix: string): string {
    const known = this.declared.get(object)
    if (known !== undefined) return known
    const name = object.name ?? this.names.claim(prefix, object.hint)
    this.declared.set(object, name)
    const structure: InterfaceDeclarationStructure = { kind: StructureKind.Interface, name, isExported: true, docs: object.docs }
    this.declarations.push(structure)
    structure.properties = object.properties.map((p) => this.property(p, name))
    if (object.extends) structure.extends = object.extends
    if (object.index) structure.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType: this.text(object.index, name) }]
    return name
  }

  /** Declares `type <name> = <type>` under a name reserved beforehand; `typeParameters` as written. */
  alias(name: string, type: TypeExpr | string, docs: Doc[], typeParameters?: string[]): void {
    const text = typeof type === 'string' ? type : this.text(type, name)
    this.declarations.push({ kind: StructureKind.TypeAlias, name, isExported: true, type: text, docs, ...(typeParameters && { typeParameters }) })
  }

  /** Type text, declaring its objects under `prefix` and noting the shared aliases it needs. */
  text(type: TypeExpr, prefix: string): string {
    commonNames(type, this.commons)
    return render(type, (object) => this.declare(object, prefix))
  }

  private property(p: PropertySpec, holder: string): OptionalKind<PropertySignatureStructure> {
    return { name: propertyName(p.name), type: this.text(p.type, holder), hasQuestionToken: p.optional, docs: p.docs }
  }
}
