import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, ok, people, png, submit, type People, type T } from '../requests/test/factories.js';
import { purgeUnattachedFiles } from './index.js';
import { safeFileName, sniffImage } from './image-type.js';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('image types', () => {
  it('recognises JPG, PNG and WebP by their bytes only', () => {
    expect(sniffImage(jpeg)).toBe('image/jpeg');
    expect(sniffImage(png())).toBe('image/png');
    expect(sniffImage(webp)).toBe('image/webp');
    expect(sniffImage(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg onload="x">'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a safe name with the real extension', () => {
    expect(safeFileName('C:\\fakepath\\门口 "路灯".exe', 'image/png')).toBe('门口 路灯.png');
    expect(safeFileName('../../etc/passwd', 'image/jpeg')).toBe('passwd.jpg');
    expect(safeFileName(undefined, 'image/webp')).toBe('photo.webp');
  });
});

describe.each(dialects)('photos (%s)', (dialect) => {
  let t: T;
  let p: People;
  beforeAll(async () => {
    t = await testApp(dialect);
    p = await people(t);
  });
  afterAll(() => t.close());

  it('stores a photo for its uploader only until it is attached', async () => {
    const res = await p.resident.upload(jpeg, '门口.jpeg');
    expect(res.statusCode).toBe(201);
    const f = res.json() as FileView;
    expect(f).toMatchObject({ fileName: '门口.jpg', mime: 'image/jpeg', size: jpeg.length, url: `/api/v1/files/${f.id}` });
    const mine = await p.resident.get(`/files/${f.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-disposition']).toContain(encodeURIComponent('门口.jpg'));
    for (const other of [p.admin, p.neighbour, p.grid]) expect((await other.get(`/files/${f.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/files/${f.id}` })).statusCode).toBe(401);
    expect((await p.subdistrict.upload(jpeg)).statusCode).toBe(403);
  });

  it('refuses what is not a photo, another field, and bodies that are not multipart', async () => {
    let res = await p.resident.upload(Buffer.from('%PDF-1.7'), 'x.pdf');
    expect([res.statusCode, errCode(res)]).toEqual([400, 'file_invalid']);
    res = await p.resident.post('/files', { file: 'not multipart' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'file_invalid']);
    const boundary = 'gzboundary';
    const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\n\r\n${png().toString('latin1')}\r\n`;
    res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...p.resident.session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(`${part('photo')}--${boundary}--\r\n`, 'latin1'),
    });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'file_invalid']);
  });

  it('purges uploads nobody attached within a day, and keeps attached ones', async () => {
    const loose = ok<FileView>(await p.resident.upload(webp, 'a.webp'), 'loose');
    const kept = ok<FileView>(await p.resident.upload(png('kept')), 'kept');
    await submit(p.resident, { text: '小区里的路面塌陷了一块', photoIds: [kept.id] });
    t.clock.advanceMinutes(23 * 60);
    expect(await purgeUnattachedFiles(t.deps)).toBe(0);
    t.clock.advanceMinutes(2 * 60);
    expect(await purgeUnattachedFiles(t.deps)).toBeGreaterThanOrEqual(1);
    expect((await p.resident.get(`/files/${loose.id}`)).statusCode).toBe(404);
    expect((await p.resident.get(`/files/${kept.id}`)).statusCode).toBe(200);
    expect((await p.admin.get(`/files/${kept.id}`)).statusCode).toBe(200);
  });
});
