import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWriter } from '../modules/transfer/xlsx/xlsx-writer.js';
import { LabelledFileError, readLabelledFile } from './read-labelled.js';

let dir = '';
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gz-labelled-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readLabelledFile', () => {
  it('reads .jsonl, skipping blank lines and unlabelled rows', async () => {
    await writeFile(at('a.jsonl'), ['{"body":"电梯坏了","cat":"facilities","x":1}', '', '{"body":"太吵了","cat":"noise"}', '{"body":"还没分","cat":""}', '{"body":null,"cat":"noise"}'].join('\r\n'));
    expect(await readLabelledFile(at('a.jsonl'), 'body', 'cat')).toEqual([
      { text: '电梯坏了', label: 'facilities' },
      { text: '太吵了', label: 'noise' },
      { text: '', label: 'noise' },
    ]);
  });

  it('says which .jsonl line is wrong', async () => {
    await writeFile(at('bad.jsonl'), '{"body":"a","cat":"b"}\n{"body":"a"}\n');
    await expect(readLabelledFile(at('bad.jsonl'), 'body', 'cat')).rejects.toThrow('bad.jsonl line 2 has no field "cat"');
    await writeFile(at('broken.jsonl'), '{"body":\n');
    await expect(readLabelledFile(at('broken.jsonl'), 'body', 'cat')).rejects.toThrow(/line 1 is not valid JSON/);
  });

  it('reads .csv with a BOM, quotes, commas and line breaks inside fields, columns in whatever order', async () => {
    await writeFile(at('a.csv'), '\uFEFFid,Label,Text\r\n1,noise,"楼上很吵，每天到半夜"\r\n2,facilities,"电梯""又""坏了\r\n第二行"\r\n3,,没有标签\r\n');
    expect(await readLabelledFile(at('a.csv'), 'text', 'label')).toEqual([
      { text: '楼上很吵，每天到半夜', label: 'noise' },
      { text: '电梯"又"坏了\r\n第二行', label: 'facilities' },
    ]);
    await expect(readLabelledFile(at('a.csv'), 'body', 'label')).rejects.toThrow(/no column "body" \(columns: id, Label, Text\)/);
  });

  it('reads a .csv saved by Chinese Excel in GB18030', async () => {
    const gbk = Buffer.from([
      ...Buffer.from('text,label\n'),
      // "电梯坏了" in GBK, then ",facilities\n"
      0xb5, 0xe7, 0xcc, 0xdd, 0xbb, 0xb5, 0xc1, 0xcb, ...Buffer.from(',facilities\n'),
    ]);
    await writeFile(at('gbk.csv'), gbk);
    expect(await readLabelledFile(at('gbk.csv'), 'text', 'label')).toEqual([{ text: '电梯坏了', label: 'facilities' }]);
  });

  it('reads the first sheet of an .xlsx, header on the first non-blank row', async () => {
    const out = createWriteStream(at('a.xlsx'));
    const w = new XlsxWriter(out);
    await w.startSheet('requests', [
      { width: 10, style: 'general' },
      { width: 40, style: 'text' },
      { width: 20, style: 'text' },
    ]);
    w.values([null, null, null]);
    w.values(['编号', '内容', '类别']);
    w.values([1, '小区垃圾没人清运', 'sanitation']);
    w.values([2, '楼上 <装修> & 噪音', 'noise']);
    w.values([3, '未分类的留言', null]);
    await w.finish();
    await finished(out);
    expect(await readLabelledFile(at('a.xlsx'), '内容', '类别')).toEqual([
      { text: '小区垃圾没人清运', label: 'sanitation' },
      { text: '楼上 <装修> & 噪音', label: 'noise' },
    ]);
    await writeFile(at('fake.xlsx'), 'not a zip');
    await expect(readLabelledFile(at('fake.xlsx'), '内容', '类别')).rejects.toThrow(/not a readable .xlsx/);
  });

  it('returns nothing for an empty file and refuses missing files and unknown types', async () => {
    await writeFile(at('empty.jsonl'), '');
    await writeFile(at('empty.csv'), '');
    expect(await readLabelledFile(at('empty.jsonl'), 't', 'l')).toEqual([]);
    expect(await readLabelledFile(at('empty.csv'), 't', 'l')).toEqual([]);
    await expect(readLabelledFile(at('none.jsonl'), 't', 'l')).rejects.toBeInstanceOf(LabelledFileError);
    await expect(readLabelledFile(at('none.jsonl'), 't', 'l')).rejects.toThrow(/no such file/);
    await writeFile(at('a.txt'), 'x');
    await expect(readLabelledFile(at('a.txt'), 't', 'l')).rejects.toThrow(/unsupported file type ".txt"/);
  });
});
