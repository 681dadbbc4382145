// Test helper: a real browser for the HTML reports — Debian's Chromium (/usr/bin/chromium, installed by
// scripts/system-packages.sh) driven by playwright-core, headless, with a fresh profile in a temp folder
// and nothing in the background that could reach the network. Each page opened records every request
// it makes, every script error and every dialog, so a test can say the page stayed on its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  /** Opens `path` (a file) at `width` × `height`, once its scripts have run. */
  open(path: string, viewport?: { width: number; height: number }): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface OpenedPage {
  page: Page;
  /** Every URL the page requested, the page itself included. */
  requests: string[];
  /** Uncaught script errors and console errors (a script the page's policy refused logs one). */
  errors: string[];
  /** Dialogs the page opened (an injected alert() would be one); each is dismissed. */
  dialogs: string[];
  url: string;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'migrate-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    async open(path, viewport = { width: 1280, height: 900 }) {
      const page = await context.newPage();
      // A step that does not happen fails in seconds, not at the test's timeout.
      page.setDefaultTimeout(10_000);
      await page.setViewportSize(viewport);
      const opened: OpenedPage = { page, requests: [], errors: [], dialogs: [], url: pathToFileURL(path).href };
      page.on('request', (request) => opened.requests.push(request.url()));
      page.on('pageerror', (error) => opened.errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') opened.errors.push(message.text());
      });
      page.on('dialog', (dialog) => {
        opened.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(opened.url, { waitUntil: 'load' });
      return opened;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
