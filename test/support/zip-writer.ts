/**
 * ZIP archives built at test time, byte by byte, so tests can make the archives an attacker would:
 * names that leave the archive, sizes that lie, entries flagged as encrypted, methods nobody
 * implements. (A writer library refuses to write most of these, which is the point of the tests.)
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  /** The entry name; bytes are written as given (UTF-8 for a string, with the UTF-8 flag set). */
  name: string | Uint8Array;
  data: string | Uint8Array;
  /** Store instead of deflate. */
  store?: boolean;
  /** Set the "encrypted" flag (the data is not really encrypted). */
  encrypted?: boolean;
  /** Write this compression method number instead of the real one (99 is AES). */
  method?: number;
  /** Declare this uncompressed size instead of the real one. */
  declaredSize?: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of entries) {
    const name = typeof spec.name === 'string' ? Buffer.from(spec.name, 'utf8') : Buffer.from(spec.name);
    const data = typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : Buffer.from(spec.data);
    const packed = spec.store ? data : deflateRawSync(data);
    // Traditional encryption puts a 12-byte header before the data (here, not a real one).
    const body = spec.encrypted ? Buffer.concat([Buffer.alloc(12, 0xa5), packed]) : packed;
    const method = spec.method ?? (spec.store ? 0 : 8);
    const flags = (typeof spec.name === 'string' ? 0x800 : 0) | (spec.encrypted ? 0x1 : 0);
    const crc = crc32(data);
    const size = spec.declaredSize ?? data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
