import * as prettier from 'prettier'

/**
 * Formats generated TypeScript. Emitters take one as an option so that a caller can memoise it (the CLI
 * keeps formatted files in its cache: formatting is most of the emission time); the default is prettier.
 */
export type FormatTs = (text: string, options: prettier.Options) => Promise<string>

export const formatTs: FormatTs = (text, options) => prettier.format(text, options)
