import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * The smallest zip writer and reader a skill folder needs (PKWARE APPNOTE 6.3: local headers, central
 * directory, end record; no zip64, no encryption). Entries are deflated when that is smaller, stored
 * otherwise, and carry a fixed timestamp, so the same files always give the same bytes. The reader takes
 * what common tools write (stored or deflated entries, data descriptors).
 */
export interface ZipEntry {
  /** Forward slashes, relative, no leading slash. */
  path: string;
  bytes: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_FLAG = 0x0800;
/** 1980-01-01 00:00 in DOS date/time: the timestamp every written entry carries. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of `entries`, in the given order. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`a zip holds at most ${MAX_ENTRIES} entries (got ${entries.length})`);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, "utf8");
    const raw = Buffer.from(entry.bytes);
    const deflated = deflateRawSync(raw);
    const [method, data] = deflated.length < raw.length ? [8, deflated] : [0, raw];
    if (raw.length > MAX_SIZE || offset > MAX_SIZE) throw new Error(`${entry.path}: too large for a zip without zip64`);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42); // extra, comment, disk, attributes stay 0
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The file entries of a zip archive (folders left out); throws a one-line Error on anything it cannot read. */
export function readZip(archive: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const endAt = findEnd(buf);
  const count = buf.readUInt16LE(endAt + 10);
  let at = buf.readUInt32LE(endAt + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new Error("not a zip archive: broken central directory");
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const localAt = buf.readUInt32LE(at + 42);
    const path = buf.subarray(at + 46, at + 46 + nameLength).toString(flags & UTF8_FLAG ? "utf8" : "latin1");
    at += 46 + skip;
    if (path.endsWith("/")) continue;
    if (flags & 1) throw new Error(`${path}: encrypted zip entries are not supported`);
    if (localAt + 30 > buf.length || buf.readUInt32LE(localAt) !== LOCAL) throw new Error(`${path}: broken local header`);
    const dataAt = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    const data = buf.subarray(dataAt, dataAt + compressed);
    if (data.length !== compressed) throw new Error(`${path}: truncated`);
    let bytes: Buffer;
    if (method === 0) bytes = Buffer.from(data);
    else if (method === 8) bytes = inflateRawSync(data);
    else throw new Error(`${path}: compression method ${method} is not supported (use deflate or none)`);
    if (bytes.length !== size || crc32(bytes) !== crc) throw new Error(`${path}: checksum mismatch`);
    entries.push({ path, bytes });
  }
  return entries;
}

function findEnd(buf: Buffer): number {
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === END) return at;
  }
  throw new Error("not a zip archive (no end of central directory record)");
}
