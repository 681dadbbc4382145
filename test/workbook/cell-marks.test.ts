// The toolkit's marks on one cell: its note lines before the user's note, and an earlier run's marks
// told apart from the user's (rich notes, line breaks of other programs, a fill the user chose since).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { clearOwnMarks, HIGHLIGHT_FILLS, markCell, NOTE_MARKER } from '../../src/workbook/cell-marks.js';

function freshCell(): ExcelJS.Cell {
  return new ExcelJS.Workbook().addWorksheet('Customers').getCell('C3');
}

const noFill = () => undefined;

describe('cell marks', () => {
  it('writes one line per finding, a message with line breaks on one line', () => {
    const cell = freshCell();
    markCell(cell, [
      { message: 'first\nsecond line', severity: 'warning' },
      { message: 'bad', severity: 'error' },
    ]);
    expect(cell.note).toBe(`${NOTE_MARKER}Warning: first second line\n${NOTE_MARKER}Error: bad`);
    expect(cell.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.error } });
  });

  it('puts its lines as a run before a rich note of the user, and gives the user runs back untouched', () => {
    const cell = freshCell();
    const users = { texts: [{ text: 'Author:', font: { bold: true } }, { text: '\ncheck the VAT number' }] };
    cell.note = users;
    markCell(cell, [{ message: 'bad', severity: 'error' }]);
    expect((cell.note as ExcelJS.Comment).texts).toEqual([{ text: `${NOTE_MARKER}Error: bad\n\n` }, ...users.texts]);
    clearOwnMarks(cell, noFill);
    expect((cell.note as ExcelJS.Comment).texts).toEqual(users.texts);
  });

  it.each([
    [`${NOTE_MARKER}Error: bad\r\n${NOTE_MARKER}Warning: odd\r\n\r\nmy note`, 'my note'],
    [`${NOTE_MARKER}Error: bad\n\nmy note\n${NOTE_MARKER}not ours: after the user's text`, `my note\n${NOTE_MARKER}not ours: after the user's text`],
    [`${NOTE_MARKER}Error: bad`, undefined],
    [`${NOTE_MARKER}Error: bad\n\n  `, undefined],
    ['my note mentions [migrate] ', 'my note mentions [migrate] '],
  ])('clears the toolkit lines of %j', (note, left) => {
    const cell = freshCell();
    cell.note = note;
    clearOwnMarks(cell, noFill);
    expect(cell.note).toBe(left);
  });

  it('removes its highlight for the fill underneath, and leaves a fill the user chose since', () => {
    const underneath: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    const cell = freshCell();
    markCell(cell, [{ message: 'odd', severity: 'warning' }]);
    clearOwnMarks(cell, () => underneath);
    expect([cell.note, cell.fill]).toEqual([undefined, underneath]);

    const recoloured = freshCell();
    markCell(recoloured, [{ message: 'bad', severity: 'error' }]);
    recoloured.style = { ...recoloured.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } } };
    clearOwnMarks(recoloured, () => underneath);
    expect(recoloured.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } });
  });

  it('leaves a cell whose note is not its own as it is, highlight colour or not', () => {
    const cell = freshCell();
    cell.note = 'mine';
    cell.style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.error } } };
    clearOwnMarks(cell, noFill);
    expect([cell.note, cell.fill]).toEqual(['mine', { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.error } }]);
  });
});
