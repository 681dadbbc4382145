// The list of subcommands. Each definition file declares a command's flags and help with commander
// and imports its implementation (src/cli/commands/<name>.ts) only when the command runs.
import type { Command } from 'commander';
import { defineCompare } from './definitions/compare.js';
import { defineErase } from './definitions/erase.js';
import { defineInit } from './definitions/init.js';
import { defineLiveImport } from './definitions/live-import.js';
import { defineResync } from './definitions/resync.js';
import { defineSandbox } from './definitions/sandbox.js';
import { defineTemplates } from './definitions/templates.js';
import { defineTestImport } from './definitions/test-import.js';
import { defineValidate } from './definitions/validate.js';

// One import and one entry per command, in the order `migrate --help` lists them.
const definitions: Array<(program: Command) => void> = [
  defineValidate,
  defineTestImport,
  defineLiveImport,
  defineCompare,
  defineErase,
  defineResync,
  defineSandbox,
  defineTemplates,
  defineInit,
];

export function registerCommands(program: Command): void {
  for (const define of definitions) define(program);
}
