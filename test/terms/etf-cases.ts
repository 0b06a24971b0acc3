/**
 * Hand-crafted external-format binaries at the edges of what BEAM accepts, for
 * the differential decoding test in etf.test.ts: each is decoded by erl and by
 * us, and both must agree (same term and bytes used, or both reject it).
 */

type Part = number | string | number[];

/** Bytes from numbers, Latin-1 strings and byte arrays. */
export function bytes(...parts: Part[]): number[] {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') for (const ch of p) out.push(ch.charCodeAt(0));
    else out.push(...p);
  }
  return out;
}

export const u16 = (n: number): number[] => [(n >>> 8) & 0xff, n & 0xff];
export const u32 = (n: number): number[] => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

const atom = (s: string): number[] => bytes(100, u16(s.length), s);
const utf8 = (s: string): number[] => Array.from(new TextEncoder().encode(s));
const LOCAL = atom('nonode@nohost');
const REMOTE = atom('a@b');
/** FLOAT_EXT with the given text, NUL-padded to 31 bytes. */
const oldFloat = (s: string): number[] => bytes(131, 99, s, zeros(31 - s.length));

const funHead = (numFree: number, size = 0): number[] =>
  bytes(131, 112, u32(size), 1, zeros(16), u32(0), u32(numFree), atom('m'));
const PID = bytes(88, LOCAL, u32(9), u32(0), u32(0));

export const CRAFTED: [string, number[]][] = [
  ['trailing byte after a term', [131, 97, 1, 0]],
  ['nil', [131, 106]],
  ['version byte only', [131]],
  ['no version byte', [97, 1]],
  ['empty input', []],
  ['bad tag', [131, 200]],
  ['tag 80 too short to be compressed', [131, 80, 0, 0, 0]],
  ['ATOM_CACHE_REF', [131, 82, 0]],
  ['FUN_EXT (removed in OTP 23)', bytes(131, 117, u32(0), PID, atom('m'), 97, 1, 97, 1)],
  // integers
  ['SMALL_BIG zero length', [131, 110, 0, 0]],
  ['SMALL_BIG negative zero', [131, 110, 0, 1]],
  ['SMALL_BIG leading zeros', [131, 110, 3, 1, 5, 0, 0]],
  ['SMALL_BIG sign byte 2', [131, 110, 1, 2, 5]],
  ['SMALL_BIG 2^64 as 9 bytes', bytes(131, 110, 9, 0, zeros(8), 1)],
  ['SMALL_BIG small value in 8 bytes', bytes(131, 110, 8, 0, 7, zeros(7))],
  ['LARGE_BIG small value', bytes(131, 111, u32(2), 1, 0, 1)],
  ['LARGE_BIG length 2^32-1', bytes(131, 111, u32(0xffffffff), 0)],
  ['INTEGER_EXT -1', bytes(131, 98, u32(0xffffffff))],
  // atoms
  ['ATOM_EXT 256 bytes', bytes(131, 100, u16(256), 'a'.repeat(256))],
  ['ATOM_EXT 255 Latin-1 bytes', bytes(131, 100, u16(255), 'ä'.repeat(255))],
  ['SMALL_ATOM_EXT', bytes(131, 115, 3, 'abc')],
  ['SMALL_ATOM_EXT Latin-1', bytes(131, 115, 2, 'äÿ')],
  ['UTF-8 atom, invalid byte', [131, 119, 1, 255]],
  ['UTF-8 atom, truncated sequence', [131, 119, 1, 0xc3]],
  ['UTF-8 atom, surrogate', [131, 119, 3, 237, 160, 128]],
  ['UTF-8 atom, overlong NUL', [131, 119, 2, 192, 128]],
  ['UTF-8 atom, above U+10FFFF', [131, 119, 4, 0xf4, 0x90, 0x80, 0x80]],
  ['UTF-8 atom, NUL', [131, 119, 1, 0]],
  ['UTF-8 atom, BOM', [131, 119, 3, 0xef, 0xbb, 0xbf]],
  ['UTF-8 atom, 255 two-byte characters', bytes(131, 118, u16(510), utf8('ä'.repeat(255)))],
  ['UTF-8 atom, 256 characters', bytes(131, 118, u16(256), 'a'.repeat(256))],
  ['UTF-8 atom, 255 four-byte characters', bytes(131, 118, u16(1020), utf8('\u{1F600}'.repeat(255)))],
  ['UTF-8 atom, 1021 bytes', bytes(131, 118, u16(1021), utf8('\u{1F600}'.repeat(255)), 'a')],
  // floats
  ['FLOAT_EXT 1.5', oldFloat('1.50000000000000000000e+00')],
  ['FLOAT_EXT junk after digits', oldFloat('1.5abc')],
  ['FLOAT_EXT no fraction', oldFloat('1')],
  ['FLOAT_EXT leading space', oldFloat(' 1.5')],
  ['FLOAT_EXT overflow', oldFloat('1.5e400')],
  ['FLOAT_EXT underflow', oldFloat('1.5e-400')],
  ['FLOAT_EXT negative underflow', oldFloat('-1.5e-400')],
  ['FLOAT_EXT denormal', oldFloat('1.5e-310')],
  ['FLOAT_EXT nan', oldFloat('nan')],
  ['FLOAT_EXT hex', oldFloat('0x10')],
  ['FLOAT_EXT comma', oldFloat('1,5')],
  ['FLOAT_EXT exponent', oldFloat('1.5E+3')],
  ['FLOAT_EXT plus sign', oldFloat('+1.5')],
  ['FLOAT_EXT .5', oldFloat('.5')],
  ['FLOAT_EXT 1.e5', oldFloat('1.e5')],
  ['FLOAT_EXT exponent without digits', oldFloat('1.5e')],
  ['FLOAT_EXT -0.0', oldFloat('-0.0')],
  ['FLOAT_EXT trailing space', oldFloat('1.5 ')],
  ['FLOAT_EXT exponent sign only', oldFloat('1.5e+')],
  ['FLOAT_EXT leading zeros', oldFloat('001.50e0005')],
  ['FLOAT_EXT huge exponent', oldFloat('1.5e99999')],
  ['FLOAT_EXT tiny exponent', oldFloat('1.5e-99999')],
  ['FLOAT_EXT two points', oldFloat('1.5.5')],
  ['FLOAT_EXT text after NUL', bytes(131, 99, '1.5', 0, 'abc', zeros(24))],
  // (Not '1.000...0e' filling all 31 bytes: erts reads past the field for it, and its
  // answer changes from run to run: 1.0 rejected, or 1000.0 from a stray byte.)
  ['NEW_FLOAT infinity', [131, 70, 127, 240, 0, 0, 0, 0, 0, 0]],
  ['NEW_FLOAT NaN', [131, 70, 127, 248, 0, 0, 0, 0, 0, 0]],
  ['NEW_FLOAT -0.0', [131, 70, 128, 0, 0, 0, 0, 0, 0, 0]],
  // lists, tuples, maps, binaries
  ['LIST_EXT of length 0 with NIL tail', bytes(131, 108, u32(0), 106)],
  ['LIST_EXT of length 0 is its tail', bytes(131, 108, u32(0), 97, 1)],
  ['LIST_EXT improper', bytes(131, 108, u32(2), 97, 1, 97, 2, 97, 3)],
  ['LIST_EXT huge length', bytes(131, 108, u32(0xffffffff), 106)],
  ['STRING_EXT empty', [131, 107, 0, 0]],
  ['LARGE_TUPLE small arity', bytes(131, 105, u32(2), 97, 1, 97, 2)],
  ['LARGE_TUPLE huge arity', bytes(131, 105, u32(0xffffffff))],
  ['MAP_EXT duplicate keys', bytes(131, 116, u32(2), 97, 1, 97, 1, 97, 1, 97, 2)],
  ['MAP_EXT 1 and 1.0', bytes(131, 116, u32(2), 97, 1, 97, 1, 70, 63, 240, 0, 0, 0, 0, 0, 0, 97, 2)],
  ['MAP_EXT unsorted keys', bytes(131, 116, u32(2), atom('b'), 97, 1, atom('a'), 97, 2)],
  ['MAP_EXT huge size', bytes(131, 116, u32(0xffffffff))],
  ['BIT_BINARY empty with 0 bits', bytes(131, 77, u32(0), 0)],
  ['BIT_BINARY empty with 8 bits', bytes(131, 77, u32(0), 8)],
  ['BIT_BINARY 1 byte with 0 bits', bytes(131, 77, u32(1), 0, 255)],
  ['BIT_BINARY 9 bits', bytes(131, 77, u32(1), 9, 255)],
  ['BIT_BINARY dirty unused bits', bytes(131, 77, u32(1), 3, 255)],
  ['BIT_BINARY 8 bits', bytes(131, 77, u32(2), 8, 1, 255)],
  ['BINARY_EXT truncated', bytes(131, 109, u32(5), 1, 2)],
  // pids, ports, references
  ['PID_EXT', bytes(131, 103, LOCAL, u32(1), u32(0), 0)],
  ['PID_EXT creation 3, remote', bytes(131, 103, REMOTE, u32(1), u32(0), 3)],
  ['PID_EXT creation 4', bytes(131, 103, REMOTE, u32(1), u32(0), 4)],
  ['local pid number 2^15', bytes(131, 88, LOCAL, u32(1 << 15), u32(0), u32(0))],
  ['local pid maximum', bytes(131, 88, LOCAL, u32(32767), u32(8191), u32(0))],
  ['local pid serial 2^13', bytes(131, 88, LOCAL, u32(1), u32(1 << 13), u32(0))],
  ['this node, other creation', bytes(131, 88, LOCAL, u32(1 << 15), u32(0), u32(1))],
  ['remote pid, 32-bit fields', bytes(131, 88, REMOTE, u32(0xffffffff), u32(0xffffffff), u32(5))],
  ['pid node SMALL_ATOM_EXT', bytes(131, 88, 115, 3, 'a@b', u32(1), u32(0), u32(0))],
  ['pid node UTF-8 atom', bytes(131, 88, 119, 3, 'a@b', u32(1), u32(0), u32(0))],
  ['pid node without @', bytes(131, 88, 119, 3, 'abc', u32(1), u32(0), u32(0))],
  ['pid node empty atom', bytes(131, 88, 119, 0, u32(1), u32(0), u32(0))],
  ['pid node is an integer', bytes(131, 88, 97, 1, u32(1), u32(0), u32(0))],
  ['PORT_EXT', bytes(131, 102, LOCAL, u32(1), 0)],
  ['PORT_EXT creation 4', bytes(131, 102, REMOTE, u32(1), 4)],
  ['PORT_EXT remote 32-bit', bytes(131, 102, REMOTE, u32(0xffffffff), 3)],
  ['local port maximum', bytes(131, 89, LOCAL, u32(2 ** 28 - 1), u32(0))],
  ['local port 2^28', bytes(131, 89, LOCAL, u32(2 ** 28), u32(0))],
  ['V4_PORT_EXT local small', bytes(131, 120, LOCAL, u32(0), u32(1), u32(0))],
  ['V4_PORT_EXT local 2^32', bytes(131, 120, LOCAL, u32(1), u32(0), u32(0))],
  ['V4_PORT_EXT remote 2^40', bytes(131, 120, REMOTE, u32(256), u32(0), u32(0))],
  ['REFERENCE_EXT', bytes(131, 101, LOCAL, u32(1), 0)],
  ['REFERENCE_EXT remote', bytes(131, 101, REMOTE, u32(1), 3)],
  ['REFERENCE_EXT number 2^32-1', bytes(131, 101, REMOTE, u32(0xffffffff), 0)],
  ['NEW_REFERENCE_EXT', bytes(131, 114, u16(3), LOCAL, 0, u32(1), u32(2), u32(3))],
  ['NEW_REFERENCE_EXT creation 4', bytes(131, 114, u16(3), LOCAL, 4, u32(1), u32(2), u32(3))],
  ['NEW_REFERENCE_EXT remote big first word', bytes(131, 114, u16(3), REMOTE, 3, u32(0xff000001), u32(2), u32(3))],
  ['NEW_REFERENCE_EXT 6 words', bytes(131, 114, u16(6), REMOTE, 0, zeros(24))],
  ['local ref of 1 word', bytes(131, 90, u16(1), LOCAL, u32(0), u32(7))],
  ['local ref of 2 words', bytes(131, 90, u16(2), LOCAL, u32(0), u32(1), u32(2))],
  ['local ref of 4 words', bytes(131, 90, u16(4), LOCAL, u32(0), u32(1), u32(2), u32(3), u32(4))],
  ['local ref of 5 words', bytes(131, 90, u16(5), LOCAL, u32(0), u32(1), u32(2), u32(3), u32(4), u32(5))],
  ['local ref first word 2^18-1', bytes(131, 90, u16(3), LOCAL, u32(0), u32(2 ** 18 - 1), u32(1), u32(2))],
  ['local ref first word 2^18', bytes(131, 90, u16(3), LOCAL, u32(0), u32(2 ** 18), u32(1), u32(2))],
  ['remote ref of 1 word', bytes(131, 90, u16(1), REMOTE, u32(0), u32(7))],
  ['remote ref of 5 words', bytes(131, 90, u16(5), REMOTE, u32(0), u32(1), u32(2), u32(3), u32(4), u32(5))],
  ['remote ref of 6 words', bytes(131, 90, u16(6), REMOTE, u32(0), zeros(24))],
  ['local ref of 0 words (BEAM reads one word anyway)', bytes(131, 90, u16(0), LOCAL, u32(0), u32(3))],
  ['local ref of 0 words, truncated', bytes(131, 90, u16(0), LOCAL, u32(0))],
  ['remote ref of 0 words', bytes(131, 90, u16(0), REMOTE, u32(0), u32(3))],
  ['NEW_REFERENCE_EXT of 0 words, remote', bytes(131, 114, u16(0), REMOTE, 0, u32(3))],
  ['NEW_REFERENCE_EXT of 0 words, local', bytes(131, 114, u16(0), LOCAL, 0, u32(3))],
  ['remote ref, 32-bit words', bytes(131, 90, u16(3), REMOTE, u32(9), u32(0xffffffff), u32(0xffffffff), u32(0xffffffff))],
  // funs
  ['EXPORT_EXT arity 256', bytes(131, 113, atom('m'), atom('f'), 98, u32(256))],
  ['EXPORT_EXT arity -1', bytes(131, 113, atom('m'), atom('f'), 98, u32(0xffffffff))],
  ['EXPORT_EXT arity is an atom', bytes(131, 113, atom('m'), atom('f'), atom('x'))],
  ['EXPORT_EXT function is an integer', bytes(131, 113, atom('m'), 97, 1, 97, 1)],
  ['EXPORT_EXT arity as a bignum', bytes(131, 113, atom('m'), atom('f'), 110, 1, 0, 2)],
  ['EXPORT_EXT arity 2^59', bytes(131, 113, atom('m'), atom('f'), 110, 8, 0, zeros(7), 8)],
  ['NEW_FUN_EXT', bytes(funHead(1), 97, 0, 98, u32(7), PID, 97, 42)],
  ['NEW_FUN_EXT wrong size field', bytes(funHead(1, 3), 97, 0, 98, u32(7), PID, 97, 42)],
  ['NEW_FUN_EXT old index -1', bytes(funHead(0), 98, u32(0xffffffff), 98, u32(7), PID)],
  ['NEW_FUN_EXT old uniq is a float', bytes(funHead(0), 97, 0, 70, zeros(8), PID)],
  ['NEW_FUN_EXT old index as bignum', bytes(funHead(0), 110, 1, 0, 5, 97, 7, PID)],
  ['NEW_FUN_EXT old uniq 2^32 + 5', bytes(funHead(0), 97, 0, 110, 5, 0, 5, 0, 0, 0, 1, PID)],
  ['NEW_FUN_EXT old uniq -(2^32 + 5)', bytes(funHead(0), 97, 0, 110, 5, 1, 5, 0, 0, 0, 1, PID)],
  ['NEW_FUN_EXT old uniq 2^58', bytes(funHead(0), 97, 0, 110, 8, 0, zeros(7), 4, PID)],
  ['NEW_FUN_EXT old uniq 2^59', bytes(funHead(0), 97, 0, 110, 8, 0, zeros(7), 8, PID)],
  ['NEW_FUN_EXT old uniq 2^31', bytes(funHead(0), 97, 0, 110, 4, 0, 0, 0, 0, 128, PID)],
  ['NEW_FUN_EXT module is an integer', bytes(131, 112, u32(0), 1, zeros(16), u32(0), u32(0), 97, 1, 97, 0, 97, 0, PID)],
  ['NEW_FUN_EXT 255 free variables', bytes(funHead(255), 97, 0, 97, 0, PID, ...new Array(255).fill([97, 1]))],
  ['NEW_FUN_EXT 256 free variables', bytes(funHead(256), 97, 0, 97, 0, PID, ...new Array(256).fill([97, 1]))],
  ['NEW_FUN_EXT with a PID_EXT creator', bytes(funHead(0), 97, 0, 97, 0, 103, LOCAL, u32(1), u32(0), 0)],
];
