#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander'
import { UnsafeOutputError } from '../emit/write.js'
import { InputError } from '../run/options.js'
import { UsageError } from './options.js'
import { FORMATS } from './report/formats.js'
// Each command imports its stages on demand: `extract` need not load ts-morph, prettier or vitest.
import { VERSION } from '../run/version.js'

const program = new Command()
  .name('docspec')
  .description('Turns Elasticsearch-style AsciiDoc API reference pages into an endpoint model, TypeScript types and snippet-replay tests.')
  .version(VERSION)
  .exitOverride()
  .showHelpAfterError()

/** Collects a repeatable option's values. */
const collect = (value: string, previous: string[] = []) => [...previous, value]

const SETUPS_HELP = 'named setups and teardowns for TEST[setup:NAME]: a docs build.gradle, or a JSON/YAML mapping of names to console text (repeatable)'
const API_SPEC_HELP = 'API table for build.gradle steps: a compiled schema.json or a rest-api-spec folder (default: @elastic/request-converter\'s)'

/** The options of `replay` and `start` that shape the run and its reports. */
const withReplayReports = (command: Command) =>
  command
    .option('--filter <text>', 'only tests whose name (page-id › file:line) contains this text')
    .option('--reporter <name>', 'default, junit or json (repeatable)', collect)
    .option('--output-file <file>', 'where the junit or json report goes (REPORTER=FILE when several); default: stdout', collect)
    .option('--request-timeout <time>', 'time for each answer, e.g. 30 (seconds), 2.5s, 500ms', '30')

const withInputs = (command: Command) =>
  command
    .option('--root <dir>', 'docs root: includes never read outside it (default: the folder of the first input)')
    .option('--book <file>', "a book's root file: every page it includes is read with the attributes in effect there (repeatable; an input folder's index.asciidoc is one when it includes anything)", collect)
    .option('--attributes <file>', 'extra attributes: any AsciiDoc file (its entries, e.g. docs/Versions.asciidoc) or a JSON object')
    .option('-a, --attribute <name=value>', 'an attribute, as Asciidoctor\'s -a: over --attributes and the pages\' own entries (repeatable)', collect)
    .option('-q, --quiet', 'print no diagnostics, progress or summary')
    .option('--cache-dir <dir>', 'where page results are kept between runs', '.docspec-cache')
    .option('--no-cache', 'extract every page again, and neither read nor write the cache')
    .option('--workers <n>', 'worker threads for extraction (default: one per idle CPU for large runs; 1 for generate and start)')

/** How diagnostics are reported: every command that reports them takes these. */
const withReport = (command: Command) =>
  command
    .addOption(new Option('--format <format>', 'diagnostics as text (file:line:col severity rule message), json, github (workflow commands) or sarif (SARIF 2.1.0)').choices(FORMATS))
    .option('--diagnostics-file <file>', 'write the diagnostics into this file (atomically) instead of stderr')
    .option('--max-warnings <n>', 'exit 1 when more than n warnings remain after the config sets severities')
    .option('--config <file>', 'docspec.config.json, or a package.json with a "docspec" key (default: looked up in the working directory, then the docs root)')
    .option('--no-config', 'read no config file')

withReport(withInputs(program.command('extract').argument('<inputs...>', 'pages or folders (walked for *.asciidoc, *.adoc)')))
  .description('print (or write) the endpoint models of the pages as a JSON array')
  .option('-o, --out <file>', 'write the JSON to this file instead of stdout')
  .action(async (inputs: string[], options) => {
    const { extractCommand } = await import('./extract.js')
    process.exitCode = await extractCommand(inputs, options)
  })

withReport(withInputs(program.command('generate').argument('<inputs...>', 'pages or folders')))
  .description('write TypeScript types, replay tests and endpoints.json for the pages into --out')
  .requiredOption('-o, --out <dir>', 'output folder (only files docspec generated there are ever replaced or removed)')
  .option('--check', 'write nothing; exit 1 and list the files that are stale or missing')
  .option('--watch', 'regenerate whenever a page, an include or the attributes/setups file changes, until Ctrl-C')
  .option('--setups <file>', SETUPS_HELP, collect)
  .option('--api-spec <path>', API_SPEC_HELP)
  .action(async (inputs: string[], options) => {
    const { generateCommand } = await import('./generate.js')
    process.exitCode = await generateCommand(inputs, options)
  })

withReplayReports(program.command('replay'))
  .argument('[dir]', 'the --out folder of docspec generate', 'generated')
  .description('run the generated replay tests against --target, ES_URL, or else the embedded server')
  .option('--target <url>', 'server to replay against (default: ES_URL, else the embedded server); unreachable: exit 1')
  .option('--allow-writes', 'allow PUT/POST/DELETE to a non-loopback server (also DOCSPEC_ALLOW_WRITES=1)')
  .option('-q, --quiet', 'print nothing; the exit code tells')
  .addHelpText(
    'after',
    '\nEnvironment: ES_URL (the server; credentials in it or in ES_API_KEY, or ES_USERNAME/ES_PASSWORD; ES_CA_CERT),\n' +
      'KIBANA_URL and KIBANA_* likewise for Kibana examples, DOCSPEC_ALLOW_WRITES=1 as --allow-writes. Credentials are never printed.',
  )
  .action(async (dir: string, options) => {
    const { replayCommand } = await import('./replay.js')
    process.exitCode = await replayCommand(dir, options)
  })

withInputs(program.command('serve').argument('<inputs...>', 'pages or folders'))
  .description('serve the documented API from the pages alone (routes, validation, documented answers)')
  .option('-p, --port <port>', 'port (0 picks a free one)', '9200')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .action(async (inputs: string[], options) => {
    const { serveCommand } = await import('./serve.js')
    process.exitCode = await serveCommand(inputs, options)
  })

withReport(withInputs(program.command('compare').argument('<inputs...>', 'pages or folders')))
  .description('report where the pages disagree with a compiled elasticsearch-specification (diagnostics only; never changes the model)')
  .option('--spec <file>', 'schema.json of a compiled specification (default: the one @elastic/request-converter ships)')
  .action(async (inputs: string[], options) => {
    const { compareCommand } = await import('./compare.js')
    process.exitCode = await compareCommand(inputs, options)
  })

withInputs(program.command('export').argument('<inputs...>', 'pages or folders'))
  .description('write the endpoint models as one OpenAPI 3.1 document (stdout, or --out)')
  .addOption(new Option('--format <format>', 'what to write').choices(['openapi']).default('openapi'))
  .option('-o, --out <file>', 'write the document to this file instead of stdout')
  .option('--title <text>', 'info.title of the document', 'API reference')
  .option('--api-version <version>', 'info.version: the version of the documented API', 'unspecified')
  .option('--server <url>', 'servers[0].url', 'http://localhost:9200')
  .action(async (inputs: string[], options) => {
    const { exportCommand } = await import('./export.js')
    process.exitCode = await exportCommand(inputs, options)
  })

withReplayReports(withReport(withInputs(program.command('start').argument('[inputs...]', 'pages or folders', ['fixtures']))))
  .description('the main job: extract, generate into --out, replay every example against ES_URL or the embedded server, summarise')
  .option('-o, --out <dir>', 'output folder', 'generated')
  .option('--setups <file>', SETUPS_HELP, collect)
  .option('--api-spec <path>', API_SPEC_HELP)
  .option('--allow-writes', 'allow PUT/POST/DELETE to a non-loopback ES_URL')
  .action(async (inputs: string[], options) => {
    // Commands load their stage modules on demand: `extract` need not load ts-morph, prettier or vitest.
    const { startCommand } = await import('./start.js')
    process.exitCode = await startCommand(inputs, options)
  })

try {
  await program.parseAsync()
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2
  } else if (error instanceof UnsafeOutputError) {
    process.stderr.write(`docspec: ${error.message}\n`)
    process.exitCode = 1
  } else if (error instanceof UsageError || error instanceof InputError || systemError(error)) {
    // What the system refused (a port in use, a host that does not resolve, a folder where a file goes) is
    // the user's to fix, as a usage problem is: its message names it, a stack trace would not help.
    process.stderr.write(`docspec: ${(error as Error).message}\n`)
    process.exitCode = 2
  } else {
    process.stderr.write(`docspec: internal error: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 3
  }
}

function systemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string'
}
