import { diagnostic } from '../model/diagnostic.js'
import { HTTP_METHODS, type ConsoleRequest, type Diagnostic, type HttpMethod } from '../model/types.js'
import { parseBody } from './body.js'
import { hostLikePlaceholder, splitHost } from './host.js'
import type { PositionAt } from './position.js'
import { splitTarget } from './query.js'
import { shellCommand, type ShellWord } from './shell-words.js'

/** curl options that take a value (the next word, or the rest of a short option: `-XPOST`). */
const VALUE_OPTIONS = new Set(['-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json', '-F', '--form', '--form-string', '-u', '--user', '--url', '-o', '--output', '-A', '--user-agent', '-b', '--cookie', '-c', '--cookie-jar', '-e', '--referer', '--cacert', '--cert', '-E', '--key', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '--retry', '-x', '--proxy', '-T', '--upload-file'])
const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json'])
const METHODS = new Set<string>(HTTP_METHODS)

interface CurlOptions {
  method?: ShellWord
  url?: ShellWord
  headers: [string, string][]
  data?: ShellWord
  /** Where the request body written after the command (not quoted in `-d`) starts, when a word shows it. */
  bareBody?: number
  /** Options replay cannot send (`--form …`, `-d @file`), as written. */
  unsent: string[]
  head: boolean
}

/**
 * Reads the `curl` command starting at `lines[first]` (a `$ ` prompt already blanked) into a request:
 * method, URL (host dropped), headers and body, where the body is `-d '…'` or, as Kibana pages also write
 * it, JSON on the lines after the command. `next` is the first line after the command and its body, which
 * stops before `stop` (the next request of the snippet).
 */
export function parseCurl(lines: readonly string[], first: number, stop: number, at: PositionAt): { request?: ConsoleRequest; diagnostics: Diagnostic[] } {
  const command = shellCommand(lines.slice(0, stop), first)
  const column = lines[first]!.search(/\S/) + 1
  const options = readOptions(command.words.slice(1))
  const diagnostics: Diagnostic[] = []
  const report = (word: ShellWord | undefined, message: string, severity?: 'error' | 'info') => diagnostics.push(diagnostic('curl-syntax', word ? at(word.line, Math.max((lines[word.line] ?? '').indexOf(word.text.split('\n')[0]!), 0) + 1) : at(first, column), message, severity))
  let { method, url } = options
  if (method && !METHODS.has(method.text.toUpperCase())) {
    // `curl -X api/…`: the method was left out, and -X took the URL.
    if (!url) url = method
    report(method, `\`-X\` is followed by no HTTP method but \`${method.text.slice(0, 40)}\`; read as the URL, and the method as curl's default.`)
    method = undefined
  }
  if (!url) {
    report(undefined, 'The curl command names no URL: no request is read from it.', 'error')
    return { diagnostics }
  }
  for (const unsent of options.unsent) report(undefined, `\`${unsent.slice(0, 60)}\` sends a form or a file, which replay cannot send; the request is kept without it.`, 'info')
  const bodyStart = options.bareBody ?? command.end + 1
  const bodyLines = options.data ? [] : lines.slice(bodyStart, stop)
  const hasBody = options.data !== undefined || bodyLines.some((l) => l.trim() !== '') || options.unsent.length > 0
  const verb = (method?.text.toUpperCase() ?? (options.head ? 'HEAD' : hasBody ? 'POST' : 'GET')) as HttpMethod
  const { rest } = splitHost(url.text)
  const request: ConsoleRequest = { method: verb, ...splitTarget(rest || '/'), position: at(first, column) }
  const hostLike = hostLikePlaceholder(request.path)
  if (hostLike !== undefined) diagnostics.push(diagnostic('host-in-path', at(url.line, Math.max((lines[url.line] ?? '').indexOf(url.text), 0) + 1), `The URL ${url.text.slice(0, 60)} opens with {${hostLike}}, which names a host rather than a path; the request keeps it.`))
  if (options.headers.length > 0) request.headers = Object.fromEntries(options.headers)
  const body = options.data ? dataBody(options.data, lines, request.path, at) : parseBody(bodyLines, bodyStart, request.path, at)
  if (body.body) request.body = body.body
  diagnostics.push(...body.diagnostics)
  return { request, diagnostics }
}

/** The options of a curl command's words (after `curl`). */
function readOptions(words: ShellWord[]): CurlOptions {
  const options: CurlOptions = { headers: [], unsent: [], head: false }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const { name, value: attached } = optionOf(word.text)
    if (name === undefined) {
      // A word opening JSON after the URL is the body written after the command (`curl -X POST api/x \` then `{`).
      if (options.url && /^[{[]/.test(word.text)) {
        options.bareBody = word.line
        break
      }
      options.url ??= word
      continue
    }
    if (name === '-I' || name === '--head') options.head = true
    if (!VALUE_OPTIONS.has(name)) continue
    const value = attached !== undefined ? { text: attached, line: word.line } : words[++i]
    if (!value) break
    if (name === '-X' || name === '--request') options.method = value
    else if (name === '--url') options.url = value
    else if (name === '-H' || name === '--header') addHeader(options, value.text)
    else if (name === '-F' || name === '--form' || name === '--form-string' || name === '-T' || name === '--upload-file') options.unsent.push(`${name} ${value.text}`)
    else if (DATA_OPTIONS.has(name) && value.text.startsWith('@')) options.unsent.push(`${name} ${value.text}`)
    else if (DATA_OPTIONS.has(name)) {
      options.data = value
      if (name === '--json') addHeader(options, 'Content-Type: application/json')
    }
  }
  return options
}

/** `-XPOST` → `-X` + `POST`; `--data=x` → `--data` + `x`; `-sS` and other flags → their name. */
function optionOf(word: string): { name?: string; value?: string } {
  if (!word.startsWith('-') || word === '-') return {}
  if (word.startsWith('--')) {
    const eq = word.indexOf('=')
    return eq < 0 ? { name: word } : { name: word.slice(0, eq), value: word.slice(eq + 1) }
  }
  const name = word.slice(0, 2)
  return word.length > 2 && VALUE_OPTIONS.has(name) ? { name, value: word.slice(2) } : { name }
}

function addHeader(options: CurlOptions, header: string): void {
  const colon = header.indexOf(':')
  if (colon <= 0) return
  const name = header.slice(0, colon).trim().toLowerCase()
  options.headers = options.headers.filter(([n]) => n !== name)
  options.headers.push([name, header.slice(colon + 1).trim()])
}

/** The body of `-d '…'`, its errors placed where the value is written (found verbatim when single-quoted). */
function dataBody(data: ShellWord, lines: readonly string[], path: string, at: PositionAt): ReturnType<typeof parseBody> {
  const valueLines = data.text.split('\n')
  const found = (lines[data.line] ?? '').lastIndexOf(valueLines[0]!)
  const start = found < 0 ? 0 : found
  const shifted: PositionAt = (lineIndex, column) => at(data.line + lineIndex, lineIndex === 0 ? start + column : column)
  return parseBody(valueLines, 0, path, shifted)
}
