// Header check: a required template column is absent from the file (reported once, at row 1).
import type { Rule } from './types.js';

export const missingColumn: Rule = {
  id: 'missing-column',
  docs: 'Every required column of the template is present in the header row.',
  scope: 'header',
  messages: {
    missing: 'The header has no {{column}} column; add it back from the blank template (migrate init).',
  },
  check(context) {
    const columns = (context.options.columns as string[] | undefined) ?? [];
    return {
      start() {
        for (const column of columns) context.reportAt({ row: 1, line: 1, key: '' }, { messageId: 'missing', column, value: '' });
      },
    };
  },
};
