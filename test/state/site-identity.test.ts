// Site identity: addresses with the aliases of this machine folded, fingerprints that two sites never
// share (two sandboxes answering the same name), and the journal guard built on them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrateError } from '../../src/errors.js';
import { checkImportJournal, listJournals, openSiteJournal } from '../../src/state/journal-sites.js';
import { canonicalAddress, siteIdentityOf } from '../../src/state/site-identity.js';
import type { SiteInfo } from '../../src/targets/target.js';
import { withTempDir } from '../helpers/temp-dir.js';

const sandbox = (instance: string, mode: 'test' | 'live' = 'test'): SiteInfo => ({ id: '1', name: 'sandbox', nameKind: 'subdomain', currency: 'USD', mode, sandboxInstance: instance });
const real: SiteInfo = { id: '42', name: 'acme', nameKind: 'subdomain', currency: 'USD', mode: 'live' };

describe('canonicalAddress', () => {
  it.each([
    ['http://localhost:3411', 'http://127.0.0.1:3411'],
    ['http://[::1]:3411/', 'http://127.0.0.1:3411'],
    ['http://127.0.0.2:3411', 'http://127.0.0.1:3411'],
    ['https://ACME.chargify.com:443/', 'https://acme.chargify.com'],
    ['https://acme.chargify.com/proxy/', 'https://acme.chargify.com/proxy'],
  ])('%s is %s', (raw, expected) => {
    expect(canonicalAddress(raw)).toBe(expected);
  });

  it('keeps ports and hosts that differ apart', () => {
    expect(canonicalAddress('http://127.0.0.1:3410')).not.toBe(canonicalAddress('http://127.0.0.1:3411'));
    expect(canonicalAddress('https://acme.chargify.com')).not.toBe(canonicalAddress('https://acme-test.chargify.com'));
  });
});

describe('siteIdentityOf', () => {
  it('tells two sandboxes apart although both answer "sandbox", id 1', () => {
    const a = siteIdentityOf(sandbox('aaaa-1'), 'http://127.0.0.1:3200');
    const b = siteIdentityOf(sandbox('bbbb-2'), 'http://127.0.0.1:3200');
    expect(a.name).toBe(b.name);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.key).not.toBe(b.key);
    expect(a.key).toMatch(/^sandbox-1-[0-9a-f]{10}$/);
  });

  it('keeps a sandbox the same site on another port (its data folder makes it that site)', () => {
    expect(siteIdentityOf(sandbox('aaaa-1'), 'http://127.0.0.1:3200').key).toBe(siteIdentityOf(sandbox('aaaa-1'), 'http://127.0.0.1:40001').key);
  });

  it('keys a site as before the adapter supplied its name and id, so existing journals are found', () => {
    // sha256 of the fingerprint, first 10 hex digits: the journal file names migrate has always written.
    expect(siteIdentityOf(real, 'https://acme.chargify.com')).toMatchObject({ name: 'acme-42', key: 'acme-42-a0af5d86ad', label: 'https://acme.chargify.com (site acme, id 42)' });
    expect(siteIdentityOf(sandbox('aaaa-1'), 'http://127.0.0.1:3200').key).toBe('sandbox-1-bf61ae8a96');
  });

  it('knows a real site by its address and site id, whatever alias reaches it', () => {
    const site = siteIdentityOf(real, 'https://acme.chargify.com');
    expect(site.fingerprint).toBe('https://acme.chargify.com#42');
    expect(siteIdentityOf({ ...real, id: '43' }, 'https://acme.chargify.com').fingerprint).not.toBe(site.fingerprint);
    expect(siteIdentityOf(real, 'http://localhost:9000').fingerprint).toBe(siteIdentityOf(real, 'http://[::1]:9000').fingerprint);
  });
});

describe('checkImportJournal', () => {
  async function journalOf(stateDir: string, info: SiteInfo, baseUrl: string): Promise<void> {
    const journal = await openSiteJournal(stateDir, siteIdentityOf(info, baseUrl), 'run-1');
    await journal.record({ type: 'customer', naturalKey: 'customer:a', kind: 'customers-advanced', file: 'c.csv', row: 2, event: 'done', id: 1 });
    await journal.close();
  }

  async function refusal(run: Promise<void>): Promise<MigrateError> {
    const error = await run.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrateError);
    return error as MigrateError;
  }

  it('stops an import into a sandbox that only shares the name of the journaled one, naming both', async () => {
    await withTempDir({}, async (dir) => {
      await journalOf(dir, sandbox('aaaa-1'), 'http://127.0.0.1:3200');
      const other = siteIdentityOf(sandbox('bbbb-2'), 'http://127.0.0.1:3401');
      const error = await refusal(checkImportJournal(dir, other, false));
      expect(error.code).toBe('journal-other-site');
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('http://127.0.0.1:3200 (sandbox instance aaaa-1)');
      expect(error.message).toContain('http://127.0.0.1:3401 (sandbox instance bbbb-2)');
      expect(error.hint).toContain('--new-journal');
    });
  });

  it('lets --new-journal start the new site its own journal and keeps the other as it was', async () => {
    await withTempDir({}, async (dir) => {
      await journalOf(dir, sandbox('aaaa-1'), 'http://127.0.0.1:3200');
      const other = siteIdentityOf(sandbox('bbbb-2'), 'http://127.0.0.1:3401');
      await checkImportJournal(dir, other, true);
      await journalOf(dir, sandbox('bbbb-2'), 'http://127.0.0.1:3401');
      const journals = await listJournals(dir);
      expect(journals.map((journal) => journal.site?.fingerprint).sort()).toEqual(['sandbox:aaaa-1', 'sandbox:bbbb-2']);
      expect(journals.every((journal) => journal.hasEntries)).toBe(true);
      // From now on the new site has a journal of its own: no question asked.
      await checkImportJournal(dir, other, false);
    });
  });

  it('lets the same sandbox restarted on another port, and a live site beside a test site, through', async () => {
    await withTempDir({}, async (dir) => {
      await journalOf(dir, sandbox('aaaa-1'), 'http://127.0.0.1:3200');
      await checkImportJournal(dir, siteIdentityOf(sandbox('aaaa-1'), 'http://127.0.0.1:45000'), false);
      await checkImportJournal(dir, siteIdentityOf(sandbox('cccc-3', 'live'), 'http://127.0.0.1:3410'), false);
    });
  });

  it('reads a site file written when sites were known by subdomain and a numeric id', async () => {
    await withTempDir({}, async (dir) => {
      const site = siteIdentityOf(real, 'https://acme.chargify.com');
      await mkdir(join(dir, 'journal'), { recursive: true });
      await writeFile(join(dir, 'journal', `${site.key}.jsonl`), '{"v":1,"naturalKey":"customer:a","type":"customer","event":"done","id":7}\n');
      const old = { fingerprint: site.fingerprint, name: 'acme-42', label: site.label, baseUrl: 'https://acme.chargify.com', subdomain: 'acme', id: 42, mode: 'live' };
      await writeFile(join(dir, 'journal', `${site.key}.site.json`), `${JSON.stringify(old, null, 2)}\n`);
      const [journal] = await listJournals(dir);
      expect(journal).toMatchObject({ key: site.key, hasEntries: true, site: { fingerprint: site.fingerprint, name: 'acme-42', mode: 'live' } });
      // Its own journal: no question, no note.
      await expect(checkImportJournal(dir, site, false)).resolves.toBeUndefined();
    });
  });

  it('stops at a journal written before sites had identities, with the rename that adopts it', async () => {
    await withTempDir({}, async (dir) => {
      await mkdir(join(dir, 'journal'), { recursive: true });
      await writeFile(join(dir, 'journal', 'acme-42.jsonl'), '{"v":1,"naturalKey":"customer:a","type":"customer","event":"done"}\n');
      const site = siteIdentityOf(real, 'https://acme.chargify.com');
      const error = await refusal(checkImportJournal(dir, site, false));
      expect(error.message).toContain('acme-42 (a journal written before migrate told sites apart)');
      expect(error.hint).toMatch(new RegExp(`rename \\S*acme-42\\.jsonl to ${site.key}\\.jsonl`));
    });
  });
});
