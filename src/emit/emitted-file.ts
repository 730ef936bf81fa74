/** A generated file: `path` is relative to the output directory, with `/` separators. */
export interface EmittedFile {
  path: string
  content: string
}
