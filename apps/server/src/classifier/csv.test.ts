import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x,1","he said ""hi"""\n"two\nlines",z\n')).toEqual([
      ['a', 'b'],
      ['x,1', 'he said "hi"'],
      ['two\nlines', 'z'],
    ]);
  });

  it('drops a byte-order mark and keeps empty fields', () => {
    expect(parseCsv('\uFEFFtext,label\n,\n"",b')).toEqual([
      ['text', 'label'],
      ['', ''],
      ['', 'b'],
    ]);
  });

  it('reads a last record without a line break, and other delimiters', () => {
    expect(parseCsv('a\tb\nc\td', '\t')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(/not closed/);
  });
});
