/**
 * The `prim_buffer` NIFs: the mutable byte queue prim_file keeps per open
 * file for read-ahead and read_line (prim_buffer.erl holds the Erlang parts:
 * read/2, read_iovec/2, wipe/1).
 *
 * A buffer is a queue of binaries behind a reference (a WeakMap keyed by the
 * very `Ref` object new/0 returns, so the buffer goes with its last
 * reference). Binaries are immutable, so written ones are kept as views, not
 * copied.
 *
 * Difference from BEAM: a buffer reference that went through term_to_binary
 * and back is a new `Ref` object, no longer a buffer (`badarg`).
 */
import { BitString, NIL, Ref, binary, list, type Term } from '../terms/types.js';
import { badarg, bifTable, fail, listToArray, type Bif } from './erlang-args.js';
import { newResourceRef } from './prim_file-args.js';

export interface ByteQueue {
  chunks: Uint8Array[];
  /** Bytes already consumed from chunks[0]. */
  headOff: number;
  size: number;
  locked: boolean;
}

const buffers = new WeakMap<Ref, ByteQueue>();

export function bufferOf(t: Term): ByteQueue {
  return (t instanceof Ref ? buffers.get(t) : undefined) ?? badarg();
}

/** A byte count no larger than the buffer holds, else `badarg`. */
function countArg(q: ByteQueue, t: Term): number {
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t > q.size) return badarg();
  return t;
}

/** Drop `n` bytes from the front (n <= size). */
export function skipBytes(q: ByteQueue, n: number): void {
  q.size -= n;
  while (n > 0) {
    const head = q.chunks[0]!;
    const left = head.length - q.headOff;
    if (n < left) {
      q.headOff += n;
      return;
    }
    n -= left;
    q.chunks.shift();
    q.headOff = 0;
  }
  if (q.size === 0) {
    q.chunks = [];
    q.headOff = 0;
  }
}

/** Copy the first `n` bytes (n <= size) out of the queue and drop them. */
export function takeBytes(q: ByteQueue, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  for (let i = 0; at < n; i++) {
    const c = q.chunks[i]!;
    const from = i === 0 ? q.headOff : 0;
    const len = Math.min(c.length - from, n - at);
    out.set(c.subarray(from, from + len), at);
    at += len;
  }
  skipBytes(q, n);
  return out;
}

/** The binaries of an iovec (a list of binaries), else `badarg`. */
export function iovecBytes(t: Term): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const b of (t === NIL ? [] : listToArray(t)) ?? badarg()) {
    if (!(b instanceof BitString)) return badarg();
    // As enif_inspect_iovec: a bitstring shorter than a byte is skipped like
    // an empty binary; a longer unaligned one is refused.
    if (b.bitSize < 8) continue;
    if ((b.bitSize & 7) !== 0) return badarg();
    out.push(b.bytes);
  }
  return out;
}

export function findByte(q: ByteQueue, byte: number): Term {
  let index = 0;
  for (let i = 0; i < q.chunks.length; i++) {
    const c = q.chunks[i]!;
    const from = i === 0 ? q.headOff : 0;
    const at = c.indexOf(byte, from);
    if (at >= 0) return ['ok', index + at - from];
    index += c.length - from;
  }
  return 'not_found';
}

/** A new empty buffer behind a fresh reference. */
export function newBuffer(p: unknown): Ref {
  const ref = newResourceRef(p as never);
  buffers.set(ref, { chunks: [], headOff: 0, size: 0, locked: false });
  return ref;
}

/** Append bytes (kept as a view: binaries are immutable). */
export function pushBytes(q: ByteQueue, bytes: Uint8Array): void {
  if (bytes.length === 0) return;
  q.chunks.push(bytes);
  q.size += bytes.length;
}

/**
 * read/2 and read_iovec/2: up to 64 bytes are one copying read (nothing is
 * taken when there are fewer); longer reads take the buffer chunk by chunk,
 * so asking for more than there is empties the buffer before `badarg`.
 */
function readFront(q: ByteQueue, n: Term): Uint8Array {
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 64 || n <= q.size) return takeBytes(q, countArg(q, n));
  skipBytes(q, q.size);
  return badarg();
}

/**
 * The generated code calls a module's own functions directly, not through
 * the overlay; so read/2, read_iovec/2 and wipe/1, Erlang functions over the
 * local NIFs copying_read/2 and peek_head/1, are overlaid too.
 */
const erlangParts: [string, Bif][] = [
  ['read/2', (_p, b: Term, n: Term) => binary(readFront(bufferOf(b), n))],
  ['read_iovec/2', (_p, b: Term, n: Term) => list([binary(readFront(bufferOf(b), n))])],
  [
    'wipe/1',
    (_p, b: Term) => {
      const q = bufferOf(b);
      skipBytes(q, q.size);
      return 'ok';
    },
  ],
];

const entries: [string, Bif][] = [
  ...erlangParts,
  ['new/0', (p) => newBuffer(p)],
  ['size/1', (_p, b: Term) => bufferOf(b).size],
  [
    'write/2',
    (_p, b: Term, iovec: Term) => {
      const q = bufferOf(b);
      for (const bytes of iovecBytes(iovec)) pushBytes(q, bytes);
      return 'ok';
    },
  ],
  [
    'skip/2',
    (_p, b: Term, n: Term) => {
      const q = bufferOf(b);
      skipBytes(q, countArg(q, n));
      return 'ok';
    },
  ],
  [
    'find_byte_index/2',
    (_p, b: Term, byte: Term) => {
      const q = bufferOf(b);
      if (typeof byte !== 'number' || !Number.isInteger(byte) || byte < 0 || byte > 255) return badarg();
      return findByte(q, byte);
    },
  ],
  [
    'try_lock/1',
    (_p, b: Term) => {
      const q = bufferOf(b);
      if (q.locked) return 'busy';
      q.locked = true;
      return 'acquired';
    },
  ],
  [
    'unlock/1',
    (_p, b: Term) => {
      const q = bufferOf(b);
      if (!q.locked) return fail('lock_order_violation');
      q.locked = false;
      return 'ok';
    },
  ],
];

/** BIFs of `prim_buffer` (overlay on prim_buffer.beam). */
export const primBufferBifs: Map<string, Bif> = bifTable(entries);
