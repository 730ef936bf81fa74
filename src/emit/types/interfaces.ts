/** Collects the declarations of one generated module, in declaration order (parents before children). */
import {
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  StructureKind,
  type TypeAliasDeclarationStructure,
} from 'ts-morph'
import type { SourcePosition } from '../../model/types.js'
import type { Doc } from './jsdoc.js'
import { type NameRegistry, propertyName } from './naming.js'
import { render, type TypeExpr, union, usesDuration } from './type-expr.js'

export interface PropertySpec {
  name: string
  type: TypeExpr
  optional: boolean
  docs: Doc[]
  /** Where the property is documented, for reporting duplicates. */
  position?: SourcePosition
}

/** A property documented more than once in one object (pages covering several APIs, flattened lists). */
export interface DuplicateProperty {
  name: string
  interfaceName: string
  position?: SourcePosition
}

export interface InterfaceBody {
  properties: PropertySpec[]
  /** Value type of a `[key: string]` index signature, for objects with keys not known in advance. */
  index?: TypeExpr
  extends?: string[]
}

export class InterfaceSink {
  readonly declarations: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = []
  readonly duplicates: DuplicateProperty[] = []
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
    structure.properties = this.merge(name, body.properties).map((p) => this.property(p))
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

  /**
   * One property per name: TypeScript rejects repeated members. The first description wins; the types
   * join, and the property is optional when any mention makes it so.
   */
  private merge(interfaceName: string, properties: PropertySpec[]): PropertySpec[] {
    const byName = new Map<string, PropertySpec>()
    for (const p of properties) {
      const first = byName.get(p.name)
      if (!first) {
        byName.set(p.name, p)
        continue
      }
      this.duplicates.push({ name: p.name, interfaceName, position: p.position })
      byName.set(p.name, { ...first, type: union([first.type, p.type]), optional: first.optional || p.optional })
    }
    return [...byName.values()]
  }

  private property(p: PropertySpec): OptionalKind<PropertySignatureStructure> {
    return { name: propertyName(p.name), type: this.text(p.type), hasQuestionToken: p.optional, docs: p.docs }
  }
}
