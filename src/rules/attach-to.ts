// Invoice line items: attach_to names the `id` of an invoice row in the same file (before or after it).
import type { Condition } from '../templates/types.js';
import type { RowRef, Rule } from './types.js';

export const attachTo: Rule = {
  id: 'attach-to',
  docs: 'attach_to names the id of an invoice in the same file.',
  scope: 'file',
  messages: {
    unknown: '{{column}} "{{value}}" names no {{target}} in this file; use the {{target}} of one of its invoice rows.',
  },
  check(context) {
    const columnName = context.options.column as string;
    const column = context.nameOf(columnName);
    const index = context.indexOf(columnName);
    const sourceRows = context.test(context.options.sourceWhen as Condition[]);
    const targetName = context.options.target as string;
    const targetIndex = context.indexOf(targetName);
    const targetRows = context.test(context.options.targetWhen as Condition[]);
    const targets = new Set<string>();
    const pending: Array<{ at: RowRef; value: string }> = [];
    return {
      row(cells, record) {
        if (targetIndex >= 0 && targetRows(cells)) {
          const target = (cells[targetIndex] ?? '').trim();
          if (target !== '') targets.add(target);
        }
        if (index < 0 || !sourceRows(cells)) return;
        const value = (cells[index] ?? '').trim();
        if (value !== '') pending.push({ at: context.rowRef(cells, record), value });
      },
      end() {
        for (const { at, value } of pending) {
          if (!targets.has(value)) context.reportAt(at, { messageId: 'unknown', column, value, data: { target: targetName } });
        }
      },
    };
  },
};
