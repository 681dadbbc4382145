// Keeps the documentation honest: the example file loads as it is and names every key, and the
// configuration guide mentions every key.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { CONFIG_KEYS, siteKeys } from '../../src/config/schema.js';
import { SITE_RULES } from '../../src/targets/index.js';
import { withTempDir } from '../helpers/temp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TOP_LEVEL_KEYS = CONFIG_KEYS;
const SITE_KEYS = siteKeys(SITE_RULES);

describe('.migraterc.example', () => {
  it('loads without error and sets every key', async () => {
    const example = await readFile(path.join(root, '.migraterc.example'), 'utf8');
    await withTempDir({ 'package.json': '{}', '.migraterc.yml': example }, async (dir) => {
      const config = await loadConfig({ systems: SITE_RULES, cwd: dir });
      for (const key of TOP_LEVEL_KEYS) expect(config, key).toHaveProperty(key);
      const siteKeys = new Set(Object.values(config.sites).flatMap((site) => Object.keys(site)));
      expect([...siteKeys].sort()).toEqual([...SITE_KEYS].sort());
    });
  });
});

describe('docs/configuration.md', () => {
  it('documents every key', async () => {
    const docs = await readFile(path.join(root, 'docs/configuration.md'), 'utf8');
    for (const key of [...TOP_LEVEL_KEYS, ...SITE_KEYS]) expect(docs, key).toContain(`\`${key}\``);
  });
});
