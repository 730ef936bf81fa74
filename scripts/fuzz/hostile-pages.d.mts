import type { Arbitrary } from 'fast-check'

export interface Mutation {
  kind: 'flip' | 'truncate' | 'delimiter' | 'nesting' | 'longLine' | 'nul' | 'utf8' | 'include' | 'flatten' | 'duplicate'
  [field: string]: unknown
}

export interface Recipe {
  base: number
  mutations: Mutation[]
}

export interface BuiltCase {
  bytes: Uint8Array
  /** Include files the page needs, relative to its folder. */
  files: Record<string, string>
  /** The case needs a folder of its own (it brings include files). */
  local: boolean
}

export function hostileRecipe(baseCount: number, options?: { maxLine?: number }): Arbitrary<Recipe>
export function buildCase(baseBytes: Uint8Array, recipe: Recipe): BuiltCase
export function describeRecipe(recipe: Recipe): string
export function writeCase(dir: string, built: BuiltCase): string
export function isFragment(bytes: Uint8Array): boolean
