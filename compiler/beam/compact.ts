/**
 * The compact term encoding (beam-format.md section 2): the operands of the
 * Code chunk, the Line chunk's item stream and OTP 28's AtU8 lengths.
 *
 * The first byte's low 3 bits are the tag. The value is either in the high
 * nibble (< 16), in 3 high bits plus one more byte (< 2048), or "large": a
 * byte count (2..8, or 9 + a nested `u` value) followed by a big-endian
 * two's-complement integer. `i` values are signed; every other tag is
 * unsigned, as in ERTS's loader. Tag 7 (`z`) is an extended tag whose
 * sub-tag is the high nibble.
 *
 * `tagged()` reports the result in fields instead of returning an object so
 * the decoder's hot loop allocates nothing per operand.
 */
import { ByteReader } from './bytes.js';

export const TAG_U = 0;
export const TAG_I = 1;
export const TAG_A = 2;
export const TAG_X = 3;
export const TAG_Y = 4;
export const TAG_F = 5;
export const TAG_H = 6;
export const TAG_Z = 7;

export const TAG_NAMES = ['u', 'i', 'a', 'x', 'y', 'f', 'h', 'z'] as const;

/** Extended (`z`) sub-tags. */
export const Z_FLOAT = 0;
export const Z_LIST = 1;
export const Z_FR = 2;
export const Z_ALLOC = 3;
export const Z_LITERAL = 4;
export const Z_TYPED_REG = 5;

const TWO_POW = [1, 0x100, 0x10000, 0x1000000, 0x100000000, 0x10000000000, 0x1000000000000];

export class CompactReader extends ByteReader {
  /** The value of the last `tagged()` read when it is a safe integer; the sub-tag for `z`. */
  value = 0;
  /** Set (and `value` is 0) when an `i` value is outside the safe-integer range. */
  big: bigint | undefined = undefined;

  /** Read one tagged value; returns the tag (TAG_*). */
  tagged(): number {
    const at = this.pos;
    const b = this.u8('compact term');
    const tag = b & 7;
    this.big = undefined;
    if (tag === TAG_Z) {
      if ((b & 0x08) !== 0) throw this.error(`bad extended (z) tag byte 0x${hex(b)}`, at);
      this.value = b >> 4;
      return tag;
    }
    if ((b & 0x08) === 0) {
      this.value = b >> 4;
    } else if ((b & 0x10) === 0) {
      this.value = ((b & 0xe0) << 3) | this.u8('compact term');
    } else {
      this.large(b, tag, at);
    }
    return tag;
  }

  /** Read a value that must be `u`-tagged; returns it. */
  unsigned(what: string): number {
    const at = this.pos;
    const tag = this.tagged();
    if (tag !== TAG_U) throw this.error(`${what}: expected a u operand, got tag ${TAG_NAMES[tag]}`, at);
    return this.value;
  }

  private large(b: number, tag: number, at: number): void {
    let n = (b >> 5) + 2;
    if (n === 9) {
      // Byte count = 9 + a nested u value.
      const nestedTag = this.tagged();
      if (nestedTag !== TAG_U || this.value > 0x7fffffff) {
        throw this.error('bad length prefix of a large compact integer', at);
      }
      n = this.value + 9;
    }
    this.need(n, 'large compact integer');
    const d = this.data;
    const p = this.pos;
    this.pos = p + n;
    if (n <= 6) {
      let v = 0;
      for (let i = 0; i < n; i++) v = v * 256 + d[p + i]!;
      if (tag === TAG_I && d[p]! >= 0x80) v -= TWO_POW[n]!; // two's complement
      this.value = v;
      return;
    }
    let big = 0n;
    for (let i = 0; i < n; i++) big = (big << 8n) | BigInt(d[p + i]!);
    if (tag === TAG_I && d[p]! >= 0x80) big -= 1n << BigInt(8 * n);
    if (big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)) {
      this.value = Number(big);
      return;
    }
    if (tag !== TAG_I) throw this.error(`${TAG_NAMES[tag]} operand ${big} is too large`, at);
    this.value = 0;
    this.big = big;
  }
}

export const hex = (b: number): string => b.toString(16).padStart(2, '0');
