// A1 addressing: column letters both ways, cell references, and sheet names quoted as Excel writes them.
import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetters, columnNumber, quotedSheetName, sheetCellAddress } from '../../src/workbook/cell-address.js';

describe('column letters', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
    [20000, 'ACOF'],
  ])('column %i is %s', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  it('reads every column of a sheet back to its number', () => {
    for (let column = 1; column <= 16384; column++) expect(columnNumber(columnLetters(column))).toBe(column);
    expect(columnNumber('xfd')).toBe(16384);
  });

  it.each(['', 'XFE', 'AAAA', 'A1', '1', 'É'])('%j is no column', (letters) => {
    expect(columnNumber(letters)).toBeUndefined();
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses column %s', (column) => {
    expect(() => columnLetters(column)).toThrow(RangeError);
  });
});

describe('cell addresses', () => {
  it('names a cell by column letters and row', () => {
    expect(cellAddress(12, 6)).toBe('F12');
    expect(cellAddress(1, 28)).toBe('AB1');
    expect(() => cellAddress(0, 1)).toThrow(RangeError);
  });

  it.each([
    ['Customers', 'Customers!F12'],
    ['Sheet_1.b', 'Sheet_1.b!F12'],
    ['Sheet Name', "'Sheet Name'!F12"],
    ["Bob's", "'Bob''s'!F12"],
    ['2024', "'2024'!F12"],
    ['1st', "'1st'!F12"],
    ['A1', "'A1'!F12"],
    ['XFD99', "'XFD99'!F12"],
    ['R1C1', "'R1C1'!F12"],
    ['R', "'R'!F12"],
    ['c', "'c'!F12"],
    ['Résumé', "'Résumé'!F12"],
    ['Subs-2', "'Subs-2'!F12"],
  ])('sheet %j: %s', (sheet, address) => {
    expect(sheetCellAddress(sheet, 12, 6)).toBe(address);
  });

  it('quotes the name alone the same way', () => {
    expect(quotedSheetName('Customers')).toBe('Customers');
    expect(quotedSheetName("it's")).toBe("'it''s'");
  });
});
