// attach_to names a row of the same file (before or after it): an invoice line item the `id` of an
// invoice row (an error otherwise). A price point row names a product or component `handle`; one
// that is neither in the file nor in the given catalog must already exist on the site (a warning).
import type { Condition, ReferenceSet } from '../templates/types.js';
import type { RowRef, Rule } from './types.js';

export const attachTo: Rule = {
  id: 'attach-to',
  docs: 'attach_to names an invoice id (or product/component handle) in the same file.',
  scope: 'file',
  messages: {
    unknown: '{{column}} "{{value}}" names no {{target}} in this file; use the {{target}} of one of its invoice rows.',
    notInFile:
      '{{column}} "{{value}}" names no {{target}} in this file or the catalog; the price point will only import if it already exists on the site.',
  },
  check(context) {
    const columnName = context.options.column as string;
    const column = context.nameOf(columnName);
    const index = context.indexOf(columnName);
    const sourceRows = context.test(context.options.sourceWhen as Condition[]);
    const targetName = context.options.target as string;
    const targetIndex = context.indexOf(targetName);
    const targetRows = context.test(context.options.targetWhen as Condition[]);
    // Price points may attach to objects already on the site: those are warned about, not refused.
    const externalSet = context.options.external as ReferenceSet | undefined;
    const references = context.references;
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
          if (targets.has(value)) continue;
          if (externalSet === undefined) {
            context.reportAt(at, { messageId: 'unknown', column, value, data: { target: targetName } });
          } else if (!references.includes(externalSet, value)) {
            context.reportAt(at, { messageId: 'notInFile', column, value, data: { target: targetName }, severity: 'warning' });
          }
        }
      },
    };
  },
};
