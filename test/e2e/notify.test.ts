// The end-of-run notifications end to end: the built CLI sends its email to a real SMTP server started
// here (read back with mailparser), posts --notify-url to a real HTTP server, refuses a bad --notify-url
// before anything is sent, and treats a mail server that refuses or is not there as one warning.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { withHook } from '../helpers/hook-server.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { runCli } from './run-cli.js';

const PASSWORD = 'smtp-Pa55-TOPSECRET';
const LOGIN = { user: 'migrate-bot', pass: PASSWORD };

/** notify.email pointing at the test's SMTP server, logging in with the password from SMTP_PASS. */
function notifyConfig(port: number, extra: object = {}) {
  return { notify: { email: { to: ['ops@example.com'], from: 'migrate@example.com', smtp: { host: '127.0.0.1', port, user: LOGIN.user, passwordEnv: 'SMTP_PASS' } } }, ...extra };
}

async function withSmtp<T>(fn: (smtp: TestSmtpServer) => Promise<T>, options: Parameters<typeof startSmtpServer>[0] = { login: LOGIN }): Promise<T> {
  const smtp = await startSmtpServer(options);
  try {
    return await fn(smtp);
  } finally {
    await smtp.close();
  }
}

/** Five rows: the catalog's two and three subscriptions, the second (row 3) with a bad email. */
const FILES = { ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(3, [3]) };

describe('the email when a run ends', () => {
  it('test-import mails the outcome, the counts and the JSON report to the configured and the --notify-email addresses', async () => {
    await withSmtp(async (smtp) => {
      await withTempDir(FILES, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify(notifyConfig(smtp.port)));
        const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--notify-email', 'lead@example.com'], undefined, { SMTP_PASS: PASSWORD });
        expect(exit.code, exit.stderr).toBe(1);
        expect(exit.stderr).not.toContain('warning');
        expect(smtp.logins).toEqual([LOGIN]);
        expect(smtp.mails).toHaveLength(1);
        const mail = smtp.mails[0]!;
        expect(mail.subject).toBe('migrate test-import: 5 rows · 4 created · 1 with errors (completed with errors)');
        expect(mail.from?.text).toBe('migrate@example.com');
        expect(mail.envelopeTo.sort()).toEqual(['lead@example.com', 'ops@example.com']);
        const body = mail.text ?? '';
        expect(body).toMatch(/^\s*4 {2}created$/m);
        expect(body).toMatch(/^\s*1 {2}with errors$/m);
        expect(body).toMatch(/data\/subs\.csv row 3 \(cust-0002\): .*email/);
        expect(body).toContain(`3 annotated files in ${join(dir, 'migrate-results')}`);
        expect(body).toMatch(/Next: +fix the rows marked error in migrate-results\/subs\.csv/);
        expect(body).toContain(`Folder:    ${dir}`);
        expect(body).not.toContain('already imported');
        expect(body).toMatch(/Duration: +\d/);
        expect(mail.attachments).toHaveLength(1);
        const attachment = mail.attachments[0]!;
        expect(attachment.filename).toMatch(/^migrate-test-import-.+\.json$/);
        expect(attachment.contentType).toBe('application/json');
        const report = JSON.parse(attachment.content.toString('utf8'));
        expect(report).toMatchObject({ version: 1, command: 'test-import', summary: { rows: 5, success: 4, error: 1 } });
        expect(`${body}${attachment.content.toString('utf8')}${exit.stderr}`).not.toContain(PASSWORD);
      });
    });
  });

  it('a mail server that refuses the login, or is not there, is one warning: the run keeps its exit code and no secret is printed', async () => {
    await withSmtp(async (smtp) => {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(1) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify(notifyConfig(smtp.port)));
        const refused = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF], undefined, { SMTP_PASS: 'wrong-Pa55-TOPSECRET' });
        expect(refused.code, refused.stderr).toBe(0);
        const warnings = refused.stderr.split('\n').filter((line) => line.includes('warning'));
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(/^migrate: warning: the email to ops@example\.com was not sent \(SMTP 127\.0\.0\.1:\d+: .*\)\.$/);
        expect(refused.stderr).not.toContain('TOPSECRET');
        expect(refused.stderr).not.toContain(Buffer.from('wrong-Pa55-TOPSECRET').toString('base64'));
        // A refused login is not tried again.
        expect(smtp.logins).toHaveLength(1);
        expect(smtp.mails).toHaveLength(0);
      });
    });

    const gone = await startSmtpServer();
    const port = gone.port;
    await gone.close();
    await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(1) }, async (dir) => {
      await writeFile(join(dir, '.migraterc.json'), JSON.stringify(notifyConfig(port)));
      const absent = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF], undefined, { SMTP_PASS: PASSWORD });
      expect(absent.code, absent.stderr).toBe(0);
      const warnings = absent.stderr.split('\n').filter((line) => line.includes('warning'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/the email to ops@example\.com was not sent \(SMTP 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
      expect(absent.stderr).not.toContain(PASSWORD);
    });
  });

  it('a password variable that is not set stops the run before anything is sent (exit 2)', async () => {
    await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(1) }, async (dir) => {
      await writeFile(join(dir, '.migraterc.json'), JSON.stringify(notifyConfig(25)));
      const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF], undefined, { SMTP_PASS: undefined });
      expect(exit.code).toBe(2);
      expect(exit.stderr).toContain('environment variable SMTP_PASS is not set; notify.email.smtp reads the SMTP password from it');
      expect(existsSync(join(dir, '.migrate'))).toBe(false);
    });
  });

  it('erase mails its outcome too', async () => {
    const sandbox = await startSandbox();
    try {
      await withSmtp(async (smtp) => {
        await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(2) }, async (dir) => {
          await writeFile(join(dir, '.migraterc.json'), JSON.stringify(notifyConfig(smtp.port, { sites: { test: { baseUrl: sandbox.baseUrl } } })));
          const env = { SMTP_PASS: PASSWORD };
          const imported = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF], undefined, env);
          expect(imported.code, imported.stderr).toBe(0);
          const dry = await runCli(dir, ['erase', '--dry-run'], undefined, env);
          expect(dry.code, dry.stderr).toBe(0);
          // The import's mail only: a dry run tells nobody.
          expect(smtp.mails).toHaveLength(1);
          const erased = await runCli(dir, ['erase', '--yes', '--notify-email', 'lead@example.com'], undefined, env);
          expect(erased.code, erased.stderr).toBe(0);
          expect(smtp.mails).toHaveLength(2);
          const mail = smtp.mails[1]!;
          expect(mail.subject).toMatch(/^migrate erase: (\d+) objects · \1 erased · 0 failed \(completed\)$/);
          expect(mail.envelopeTo.sort()).toEqual(['lead@example.com', 'ops@example.com']);
          expect(mail.text).toMatch(/Scope: +imported/);
          const report = JSON.parse(mail.attachments[0]!.content.toString('utf8'));
          expect(report).toMatchObject({ command: 'erase', scope: 'imported', summary: { failed: 0 } });
          expect(mail.attachments[0]!.filename).toBe('migrate-erase.json');
        });
      });
    } finally {
      await sandbox.close();
    }
  });
});

describe('--notify-url', () => {
  it.each([
    { url: 'hooks.example.com/migrate', message: '--notify-url must be an absolute http:// or https:// URL.' },
    { url: 'ftp://hooks.example.com/migrate', message: '--notify-url must be an https:// URL, not ftp:.' },
    { url: 'https://bot:hunter2@hooks.example.com/migrate', message: '--notify-url must not contain a user name or password.' },
    { url: 'http://hooks.example.com/migrate', message: '--notify-url uses http:// for hooks.example.com, which would send the report unencrypted.' },
  ])('refuses $url at once (exit 2), before the site hears anything', async ({ url, message }) => {
    await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(1) }, async (dir) => {
      const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--notify-url', url]);
      expect(exit.code).toBe(2);
      expect(exit.stderr.trim().split('\n')).toHaveLength(1);
      expect(exit.stderr).toContain(message);
      expect(exit.stderr).not.toContain('hunter2');
      expect(existsSync(join(dir, '.migrate'))).toBe(false);
      expect(existsSync(join(dir, 'migrate-results'))).toBe(false);
    });
  });

  it('--notify-format slack posts an incoming-webhook message summarising the outcome', async () => {
    await withHook(async (url, received) => {
      await withTempDir(FILES, async (dir) => {
        const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--notify-url', url, '--notify-format', 'slack']);
        expect(exit.code, exit.stderr).toBe(1);
        expect(exit.stderr).not.toContain('warning');
      });
      expect(received).toHaveLength(1);
      const message = JSON.parse(received[0]!);
      expect(message.text).toBe('migrate test-import: 5 rows · 4 created · 1 with errors (completed with errors)');
      expect(message).not.toHaveProperty('version');
      expect(message.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: expect.stringContaining('completed with errors') } });
      expect(message.blocks[1].fields.map((field: { text: string }) => field.text)).toEqual(expect.arrayContaining(['5 rows', '4 created', '1 with errors']));
      expect(JSON.stringify(message.blocks)).toContain('data/subs.csv row 3 (cust-0002)');
    });
  });

  it('a hook that answers 500 is one warning and the run keeps its exit code', async () => {
    await withHook(async (url, received) => {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(1) }, async (dir) => {
        const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--notify-url', `${url}/secret-token-path`]);
        expect(exit.code, exit.stderr).toBe(0);
        expect(exit.stderr).toMatch(/^migrate: warning: --notify-url: 127\.0\.0\.1:\d+ answered 500\.$/m);
        expect(exit.stderr).not.toContain('secret-token-path');
      });
      expect(received).toHaveLength(1);
    }, 500);
  });
});
