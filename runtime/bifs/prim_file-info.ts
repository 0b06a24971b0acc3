/**
 * The `#file_info` tuple the read_info NIFs build (file.hrl's field order;
 * times in POSIX seconds, which prim_file converts as asked).
 */
import { normInt, type Term } from '../terms/types.js';
import type { HostStats } from './host-fs.js';

/** st_mode's file type bits. */
export const S_IFMT = 0o170000n;
export const S_IFDIR = 0o040000n;
export const S_IFREG = 0o100000n;
export const S_IFLNK = 0o120000n;
export const S_IFCHR = 0o020000n;
export const S_IFBLK = 0o060000n;

function fileType(mode: bigint): string {
  const t = mode & S_IFMT;
  if (t === S_IFCHR || t === S_IFBLK) return 'device';
  if (t === S_IFDIR) return 'directory';
  if (t === S_IFREG) return 'regular';
  if (t === S_IFLNK) return 'symlink';
  return 'other';
}

/** Whole seconds of a nanosecond time, rounded down as st_*time is. */
const seconds = (ns: bigint): Term => {
  const q = ns / 1_000_000_000n;
  return normInt(ns < 0n && q * 1_000_000_000n !== ns ? q - 1n : q);
};

/** The `#file_info` tuple as the NIF builds it (times in POSIX seconds; prim_file converts them). */
export function fileInfo(st: HostStats, access: string): Term {
  return [
    'file_info',
    normInt(st.size),
    fileType(st.mode),
    access,
    seconds(st.atimeNs),
    seconds(st.mtimeNs),
    seconds(st.ctimeNs),
    normInt(st.mode),
    normInt(st.nlink),
    normInt(st.dev),
    normInt(st.rdev),
    normInt(st.ino),
    normInt(st.uid),
    normInt(st.gid),
  ];
}

export const accessAtom = (r: boolean, w: boolean): string => (r && w ? 'read_write' : r ? 'read' : w ? 'write' : 'none');

