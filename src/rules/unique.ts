// "Must be unique": every later occurrence of a value is reported, naming the row of the first, so the
// first stays importable. Optionally unique within another column (a price point within its product),
// or also across the input files providing the same reference set (two customers files).
import type { ReferenceSet } from '../templates/types.js';
import type { Rule } from './types.js';

export const unique: Rule = {
  id: 'unique',
  docs: 'The value is unique in the file; later duplicates are reported, naming the row of the first.',
  scope: 'file',
  messages: {
    duplicate: '{{column}} "{{value}}" is already used on row {{firstRow}}; each value must be unique.',
    duplicateInFile: '{{column}} "{{value}}" is already used in {{otherFile}} (row {{otherRow}}); each value must be unique across files.',
    duplicateWithin: '{{column}} "{{value}}" is already used for {{within}} "{{parent}}" on row {{firstRow}}; it must be unique there.',
  },
  check(context) {
    const index = context.index;
    const withinName = context.options.within as string | undefined;
    const withinIndex = withinName === undefined ? -1 : context.indexOf(withinName);
    const within = withinName === undefined ? '' : context.nameOf(withinName);
    const firstRows = new Map<string, number>();
    const acrossSet = context.options.acrossFiles as ReferenceSet | undefined;
    const references = context.references;
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value === '') return;
        const parent = withinIndex < 0 ? '' : (cells[withinIndex] ?? '').trim();
        const key = withinIndex < 0 ? value : `${parent}\u0000${value}`;
        const firstRow = firstRows.get(key);
        if (firstRow === undefined) {
          firstRows.set(key, record.row);
          if (acrossSet === undefined) return;
          const origin = references.originOf(acrossSet, value);
          if (origin !== undefined && origin.input && origin.file !== context.file)
            context.report(cells, record, { messageId: 'duplicateInFile', data: { otherFile: origin.file, otherRow: origin.row } });
          return;
        }
        if (withinIndex < 0) context.report(cells, record, { messageId: 'duplicate', data: { firstRow } });
        else context.report(cells, record, { messageId: 'duplicateWithin', data: { firstRow, within, parent } });
      },
    };
  },
};
