/**
 * Code archives on the code path: a path entry such as
 * `/usr/bin/rebar3/rebar/ebin` names the folder `rebar/ebin` inside the zip
 * archive `/usr/bin/rebar3` (an archive escript: a few header lines, then a
 * zip), as OTP's erl_prim_loader understands it. The host reads the archive's
 * central directory once and inflates members on demand, so that modules
 * load from it like from a folder.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { inflateRawSync } from 'node:zlib';

interface Member {
  method: number;
  compressed: number;
  offset: number;
}

export class ZipArchive {
  private constructor(
    private readonly bytes: Buffer,
    /** Where the zip data starts in the file (after an escript's header). */
    private readonly base: number,
    readonly members: ReadonlyMap<string, Member>,
  ) {}

  /** Parse `bytes` as a zip (possibly after a header); undefined when it is not one. */
  static parse(bytes: Buffer): ZipArchive | undefined {
    const end = findEocd(bytes);
    if (end < 0) return undefined;
    const count = bytes.readUInt16LE(end + 10);
    const cdSize = bytes.readUInt32LE(end + 12);
    const cdOffset = bytes.readUInt32LE(end + 16);
    const base = end - cdSize - cdOffset;
    if (base < 0) return undefined;
    const members = new Map<string, Member>();
    let at = base + cdOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
      const method = bytes.readUInt16LE(at + 10);
      const compressed = bytes.readUInt32LE(at + 20);
      const nameLen = bytes.readUInt16LE(at + 28);
      const extraLen = bytes.readUInt16LE(at + 30);
      const commentLen = bytes.readUInt16LE(at + 32);
      const offset = bytes.readUInt32LE(at + 42);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLen);
      members.set(name, { method, compressed, offset });
      at += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipArchive(bytes, base, members);
  }

  has(name: string): boolean {
    return this.members.has(name);
  }

  /** The bytes of member `name` (stored or deflated), or undefined. */
  read(name: string): Uint8Array | undefined {
    const m = this.members.get(name);
    if (m === undefined) return undefined;
    const at = this.base + m.offset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== 0x04034b50) return undefined;
    const data = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const raw = this.bytes.subarray(data, data + m.compressed);
    try {
      if (m.method === 0) return new Uint8Array(raw);
      if (m.method === 8) return new Uint8Array(inflateRawSync(raw));
    } catch {
      return undefined;
    }
    return undefined;
  }
}

/** The end-of-central-directory record's offset (searched from the end), or -1. */
function findEocd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

const archives = new Map<string, { mtimeMs: number; zip: ZipArchive | undefined }>();

function archiveAt(file: string, mtimeMs: number): ZipArchive | undefined {
  const known = archives.get(file);
  if (known !== undefined && known.mtimeMs === mtimeMs) return known.zip;
  let zip: ZipArchive | undefined;
  try {
    zip = ZipArchive.parse(readFileSync(file));
  } catch {
    zip = undefined;
  }
  archives.set(file, { mtimeMs, zip });
  return zip;
}

/**
 * When absolute path `p` is an archive or lies inside one
 * (`Archive/inner/path`), the archive and the inner path ('' for the
 * archive itself); otherwise undefined.
 */
export function inArchive(p: string): { zip: ZipArchive; inner: string } | undefined {
  for (let at = p; ; ) {
    try {
      const st = statSync(at);
      if (st.isDirectory()) return undefined;
      if (st.isFile()) {
        const zip = archiveAt(at, st.mtimeMs);
        return zip === undefined ? undefined : { zip, inner: p.slice(at.length + 1) };
      }
    } catch {
      // not there: look further up
    }
    const up = dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}
