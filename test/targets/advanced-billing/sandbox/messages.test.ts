// Every message the sandbox sends lives in src/targets/advanced-billing/sandbox/messages.ts: each is well-formed, each is used,
// and no route writes a message of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/targets/advanced-billing/sandbox/messages.js';

const sandboxDir = new URL('../../../../src/targets/advanced-billing/sandbox/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A message filled with sample values: placeholders take 'X' (strings), 7 (numbers) or ['a', 'b'] (lists). */
function sample(value: unknown): string {
  if (typeof value === 'string') return value;
  const fn = value as (...args: unknown[]) => string;
  const source = fn.toString();
  const args = Array.from({ length: fn.length }, (_, index) => (/allowed/.test(source) && index === 1 ? ['a', 'b'] : /expected/.test(source) && index === 1 ? 7 : 'X'));
  return fn(...args);
}

const PROTOCOL_MESSAGES = new Set(['duplicateSubmission', 'badGateway', 'serviceUnavailable', 'tooManyRequests', 'recordNotFound']);

describe('sandbox messages', () => {
  const sources = sourceFiles(sandboxDir).filter((path) => !path.endsWith('messages.ts'));
  const text = sources.map((path) => readFileSync(path, 'utf8')).join('\n');

  it.each(Object.entries(messages))('%s is a complete sentence with its placeholders filled', (name, value) => {
    const message = sample(value);
    expect(message.length).toBeGreaterThan(3);
    expect(message).not.toMatch(/undefined|\[object|\$\{/);
    if (!PROTOCOL_MESSAGES.has(name)) expect(message).toMatch(/\.$/);
  });

  it.each(Object.keys(messages))('%s is used by the sandbox', (name) => {
    expect(text.includes(`messages.${name}`), `messages.${name} is not used`).toBe(true);
  });

  it('no route writes an error message of its own', () => {
    const offenders = sources.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, where: `${path.slice(sandboxDir.length)}:${index + 1}` }))
        .filter(({ line }) => /errors\.add\(\s*['"`]|new ApiError\(\d+, \[\s*['"`]/.test(line))
        .map(({ where }) => where),
    );
    expect(offenders).toEqual([]);
  });
});
