/**
 * Text that remembers the line of the file each part was written on, through the joins and replacements a
 * `build.gradle` makes, so that a setup step can be reported at its own line.
 */
export interface MappedText {
  readonly text: string
  /** Offsets where a part starts, with the file line of that offset; sorted, the first at 0. */
  readonly marks: readonly { at: number; line: number }[]
}

export function mapped(text: string, line: number): MappedText {
  return { text, marks: [{ at: 0, line }] }
}

export function concat(a: MappedText, b: MappedText): MappedText {
  if (a.text === '') return b
  if (b.text === '') return a
  return { text: a.text + b.text, marks: [...a.marks, ...b.marks.map((m) => ({ at: m.at + a.text.length, line: m.line }))] }
}

/** The file line of an offset: the line of the part holding it, plus the line breaks before it in that part. */
export function lineAt(text: MappedText, offset: number): number {
  let mark = text.marks[0] ?? { at: 0, line: 1 }
  for (const m of text.marks) if (m.at <= offset) mark = m
  let line = mark.line
  for (let i = mark.at; i < offset && i < text.text.length; i++) if (text.text[i] === '\n') line++
  return line
}

export function slice(text: MappedText, start: number, end = text.text.length): MappedText {
  const marks = [{ at: 0, line: lineAt(text, start) }, ...text.marks.filter((m) => m.at > start && m.at < end).map((m) => ({ at: m.at - start, line: m.line }))]
  return { text: text.text.slice(start, end), marks }
}

/** Every occurrence of `search` replaced (Groovy's `String.replace`). */
export function replaceAll(text: MappedText, search: string, replacement: MappedText): MappedText {
  if (search === '') return text
  let out: MappedText = { text: '', marks: [] }
  let from = 0
  for (let at = text.text.indexOf(search); at >= 0; at = text.text.indexOf(search, at + search.length)) {
    out = concat(concat(out, slice(text, from, at)), { text: replacement.text, marks: [{ at: 0, line: lineAt(text, at) }] })
    from = at + search.length
  }
  return from === 0 ? text : concat(out, slice(text, from))
}
