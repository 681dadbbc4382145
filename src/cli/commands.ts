// The list of subcommands. Each definition file declares a command's flags and help with commander
// and hands what was typed to the parser (parse-cli.ts); the command runs later (run-command.ts).
import type { Command } from 'commander';
import type { CommandHandler } from './parse-cli.js';
import { defineCompare } from './definitions/compare.js';
import { defineCompletion } from './definitions/completion.js';
import { defineErase } from './definitions/erase.js';
import { defineInit } from './definitions/init.js';
import { defineLiveImport } from './definitions/live-import.js';
import { defineResync } from './definitions/resync.js';
import { defineSandbox } from './definitions/sandbox.js';
import { defineTemplates } from './definitions/templates.js';
import { defineTestImport } from './definitions/test-import.js';
import { defineValidate } from './definitions/validate.js';

// One import and one entry per command, in the order `migrate --help` lists them.
const definitions: Array<(program: Command, handle: CommandHandler) => void> = [
  defineValidate,
  defineTestImport,
  defineLiveImport,
  defineCompare,
  defineErase,
  defineResync,
  defineSandbox,
  defineTemplates,
  defineInit,
  defineCompletion,
];

export function registerCommands(program: Command, handle: CommandHandler): void {
  for (const define of definitions) define(program, handle);
}
