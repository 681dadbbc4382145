// Trim nothing silently: a key, handle, code or email with leading or trailing spaces would not match
// what it refers to, so it is reported rather than trimmed.
import type { Rule } from './types.js';

function hasSurroundingSpace(value: string): boolean {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first <= 32 || first === 160 || last <= 32 || last === 160;
}

export const noSurroundingSpaces: Rule = {
  id: 'no-surrounding-spaces',
  docs: 'A key, handle, code or email has no leading or trailing spaces (they are never trimmed silently).',
  scope: 'cell',
  messages: { spaces: '{{column}} "{{value}}" has leading or trailing spaces; remove them.' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && hasSurroundingSpace(value) && value.trim() !== '')
          context.report(cells, record, { messageId: 'spaces' });
      },
    };
  },
};
