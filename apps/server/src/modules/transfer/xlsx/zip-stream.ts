import { once } from 'node:events';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { crc32 } from './zip.js';

/** Wait for `event` on `target`, or for `out` to close (a download the client abandoned), whichever comes first. */
async function eventOrClose(target: NodeJS.EventEmitter, event: string, out: Writable): Promise<void> {
  if (out.destroyed) return;
  const stop = new AbortController();
  try {
    await Promise.race([once(target, event, { signal: stop.signal }), once(out, 'close', { signal: stop.signal })]);
  } catch {
    // An error ends the wait like a close; it is handled where `out` is owned.
  } finally {
    stop.abort();
  }
}

/** Wait for `out` to take more, unless it is gone; true when it can take more. */
export async function drained(out: Writable): Promise<boolean> {
  if (out.destroyed) return false;
  if (out.writableNeedDrain) await eventOrClose(out, 'drain', out);
  return !out.destroyed;
}

/** The consumer went away (a download the client abandoned): not a failure of the export. */
export class Closed extends Error {
  constructor() {
    super('the download was closed');
  }
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const STREAMED = 0x0808;

/**
 * A zip written as it goes, honouring backpressure all the way: entries are deflated through a stream, each
 * followed by a data descriptor (sizes are unknown until the end), and the central directory closes the file.
 * Only one entry is open at a time, as the format requires.
 */
export class ZipStreamWriter {
  private offset = 0;
  private readonly done: Written[] = [];

  constructor(private readonly out: Writable) {}

  private async emit(buf: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Closed();
    this.offset += buf.length;
    this.out.write(buf);
    if (!(await drained(this.out))) throw new Closed();
  }

  /** Open an entry; write to it with `write` and close it with `close`. */
  async open(name: string) {
    const nameBuf = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(STREAMED, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(nameBuf.length, 26);
    const offset = this.offset;
    await this.emit(Buffer.concat([header, nameBuf]));
    const deflate = zlib.createDeflateRaw({ level: 3 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
      if (this.out.destroyed) return;
      if (!this.out.write(chunk)) {
        deflate.pause();
        this.out.once('drain', () => deflate.resume());
      }
    });
    const ended = new Promise<void>((resolve) => deflate.once('end', resolve));
    const gone = () => {
      deflate.destroy();
      return new Closed();
    };
    return {
      write: async (data: string | Buffer) => {
        const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        crc = crc32(buf, crc);
        size += buf.length;
        if (this.out.destroyed) throw gone();
        if (!deflate.write(buf)) await eventOrClose(deflate, 'drain', this.out);
        if (this.out.destroyed) throw gone();
      },
      close: async () => {
        deflate.end();
        await Promise.race([ended, eventOrClose(deflate, 'end', this.out)]);
        if (this.out.destroyed) throw gone();
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DESCRIPTOR, 0);
        descriptor.writeUInt32LE(crc, 4);
        descriptor.writeUInt32LE(compressed, 8);
        descriptor.writeUInt32LE(size, 12);
        await this.emit(descriptor);
        this.done.push({ name: nameBuf, crc, compressed, size, offset });
      },
    };
  }

  /** A whole entry at once. */
  async add(name: string, data: string | Buffer): Promise<void> {
    const entry = await this.open(name);
    await entry.write(data);
    await entry.close();
  }

  /** Write the central directory and end `out`. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.done) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(CENTRAL, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(STREAMED, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      await this.emit(Buffer.concat([c, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.done.length, 8);
    end.writeUInt16LE(this.done.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.out.end(end);
  }
}
