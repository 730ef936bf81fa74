#!/usr/bin/env node
import { Command, CommanderError } from 'commander'
import { extractCommand } from './extract.js'
import { UsageError } from './inputs.js'
import { VERSION } from './version.js'

const program = new Command()
  .name('docspec')
  .description('Turns Elasticsearch-style AsciiDoc API reference pages into an endpoint model, TypeScript types and snippet-replay tests.')
  .version(VERSION)
  .exitOverride()
  .showHelpAfterError()

const withInputs = (command: Command) =>
  command
    .option('--root <dir>', 'docs root: includes never read outside it (default: the folder of the first input)')
    .option('--attributes <file>', 'extra attributes, as `:name: value` lines or a JSON object')
    .option('-q, --quiet', 'print no diagnostics or progress')

withInputs(program.command('extract').argument('<inputs...>', 'pages or folders (walked for *.asciidoc, *.adoc)'))
  .description('print (or write) the endpoint models of the pages as a JSON array')
  .option('-o, --out <file>', 'write the JSON to this file instead of stdout')
  .action(async (inputs: string[], options) => {
    process.exitCode = await extractCommand(inputs, options)
  })

try {
  await program.parseAsync()
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2
  } else if (error instanceof UsageError) {
    process.stderr.write(`docspec: ${error.message}\n`)
    process.exitCode = 2
  } else {
    process.stderr.write(`docspec: internal error: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 3
  }
}
