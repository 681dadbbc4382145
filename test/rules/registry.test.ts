// Meta-tests (ESLint's checkRuleFiles): every rule is registered in sorted order, named after its file,
// documented, has messages whose placeholders are simple names, is used somewhere, and has a test table.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, getRule } from '../../src/rules/index.js';
import { formatMessage, placeholdersOf } from '../../src/rules/messages.js';
import { listTemplates } from '../../src/templates/index.js';

const SHARED = new Set(['date-messages', 'engine', 'finding', 'index', 'messages', 'references', 'types', 'values', 'vat-formats']);
const ruleFiles = readdirSync('src/rules')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3))
  .filter((name) => !SHARED.has(name))
  .sort();

describe('rule registry', () => {
  it('registers every rule file, sorted by id', () => {
    expect(RULES.map((rule) => rule.id)).toEqual(ruleFiles);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s has kebab-case id, docs, messages and a test table', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.docs.length).toBeGreaterThan(10);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    for (const message of Object.values(rule.messages)) expect(message.trim()).not.toBe('');
    expect(existsSync(`test/rules/${id}.test.ts`)).toBe(true);
  });

  it('every rule is used by a template or by the engine itself', () => {
    const used = new Set(['required', 'missing-column', 'unknown-column', 'row-enabled', 'row-shape', 'invalid-bytes', 'formula-value']);
    for (const template of listTemplates()) {
      for (const column of template.columns) for (const use of column.rules ?? []) used.add(use.rule);
      for (const use of template.rowRules) used.add(use.rule);
    }
    expect([...used].sort()).toEqual(RULES.map((rule) => rule.id));
    for (const id of used) expect(() => getRule(id)).not.toThrow();
  });

  it('formatting fails loudly on an unknown messageId or an unfilled placeholder', () => {
    const messages = { a: 'value {{value}} in {{column}}' };
    expect(placeholdersOf(messages.a)).toEqual(['value', 'column']);
    expect(formatMessage('x', messages, 'a', { value: '1', column: 'c' })).toBe('value 1 in c');
    expect(() => formatMessage('x', messages, 'b', {})).toThrow(/unknown messageId/);
    expect(() => formatMessage('x', messages, 'a', { value: '1' })).toThrow(/no value for \{\{column\}\}/);
  });
});
