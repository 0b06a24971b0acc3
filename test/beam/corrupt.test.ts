/**
 * Bad input never escapes as anything but a BeamFormatError.
 *
 * A seeded fuzz run takes ~20 varied OTP .beam files and reads thousands of
 * truncated, bit-flipped and length-corrupted variants: each must either read
 * and decode, or raise a BeamFormatError that is one line and is not the
 * reader's "cannot read/decode" wrapper around a JS error (that wrapper
 * exists as a last resort; reaching it means a missing check). Handcrafted
 * cases check the message of each kind of damage.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disassemble } from '../../compiler/asm/decode.js';
import { BeamFormatError } from '../../compiler/beam/errors.js';
import { readBeam } from '../../compiler/beam/reader.js';
import {
  ascii, buildBeam, chunksOf, compact, compileErl, concat, otpBeams, prng, readBytes, u32, withChunks, removeTempDir,
} from './support.js';

afterAll(removeTempDir);

const TAG_U = 0;
const TAG_A = 2;
const TAG_X = 3;
const TAG_F = 5;

/** What a bad variant did: 'ok', 'format' (a proper BeamFormatError), or a description of a bug. */
function attempt(bytes: Uint8Array, name: string): string {
  try {
    disassemble(bytes, name);
    return 'ok';
  } catch (e) {
    if (!(e instanceof BeamFormatError)) return `escaped ${e instanceof Error ? e.name : typeof e}: ${String(e)}`;
    const text = e.toString();
    if (text.includes('\n')) return `multi-line message: ${JSON.stringify(text)}`;
    if (/: cannot (read|decode): /.test(text)) return `unchecked JS error: ${text}`;
    return 'format';
  }
}

function pickSamples(): string[] {
  const all = otpBeams();
  const wanted = ['/lists.beam', '/maps.beam', '/gen_server.beam', '/base64.beam', '/erl_scan.beam',
    '/io_lib.beam', '/ets.beam', '/binary.beam', '/sets.beam', '/queue.beam', '/timer.beam',
    '/proplists.beam', '/inet_parse.beam', '/erl_error.beam', '/supervisor.beam', '/uri_string.beam',
    '/beam_types.beam', '/prim_file.beam', '/zlib.beam', '/unicode.beam'];
  return wanted.map((w) => all.find((f) => f.endsWith(w))).filter((f): f is string => f !== undefined);
}

describe('fuzzed .beam files', () => {
  const samples = pickSamples();

  it('uses about twenty varied OTP beams', () => {
    expect(samples.length).toBeGreaterThanOrEqual(18);
  });

  it('every truncated, bit-flipped or length-corrupted variant reads or raises BeamFormatError', () => {
    const rand = prng(0x5eed);
    const int = (n: number): number => Math.floor(rand() * n);
    const results = new Map<string, number>();
    const bugs: string[] = [];
    let variants = 0;
    const run = (bytes: Uint8Array, what: string): void => {
      variants++;
      const r = attempt(bytes, what);
      const key = r === 'ok' || r === 'format' ? r : 'bug';
      results.set(key, (results.get(key) ?? 0) + 1);
      if (key === 'bug' && bugs.length < 20) bugs.push(`${what}: ${r}`);
    };
    for (const file of samples) {
      const orig = readBytes(file);
      const chunks = chunksOf(orig);
      const name = file.split('/').pop()!;
      // Where each chunk's data starts, to aim length corruption at headers and counts.
      const starts: number[] = [];
      let p = 12;
      for (const [, d] of chunks) {
        starts.push(p);
        p += 8 + d.length + ((4 - (d.length % 4)) % 4);
      }
      for (let k = 0; k < 40; k++) run(orig.slice(0, int(orig.length)), `${name} truncated`);
      for (let k = 0; k < 60; k++) {
        const b = orig.slice();
        const flips = 1 + int(8);
        for (let j = 0; j < flips; j++) b[int(b.length)]! ^= 1 << int(8);
        run(b, `${name} bit flips`);
      }
      for (let k = 0; k < 40; k++) {
        const b = orig.slice();
        const c = int(chunks.length);
        // A chunk size field, or one of the first u32 fields of its data (counts, sizes).
        const at = rand() < 0.3 ? starts[c]! + 4 : starts[c]! + 8 + 4 * int(Math.min(6, chunks[c]![1].length >> 2));
        const old = new DataView(b.buffer).getUint32(at);
        const choices = [0, 1, old + 1, old - 1, old * 2, 0x7fffffff, 0xffffffff, int(1 << 20)];
        if (at + 4 <= b.length) new DataView(b.buffer).setUint32(at, choices[int(choices.length)]! >>> 0);
        run(b, `${name} length field`);
      }
      // Random bytes inside the Code chunk: opcodes and operand tags.
      const code = chunks.findIndex(([id]) => id === 'Code');
      const codeStart = starts[code]! + 8 + 20;
      const codeEnd = starts[code]! + 8 + chunks[code]![1].length;
      for (let k = 0; k < 40; k++) {
        const b = orig.slice();
        b[codeStart + int(codeEnd - codeStart)] = int(256);
        run(b, `${name} code byte`);
      }
      const gz = new Uint8Array(gzipSync(orig));
      for (let k = 0; k < 5; k++) run(gz.slice(0, int(gz.length)), `${name} gzip truncated`);
      for (let k = 0; k < 5; k++) {
        const b = gz.slice();
        b[10 + int(b.length - 10)]! ^= 1 << int(8);
        run(b, `${name} gzip bit flip`);
      }
    }
    console.log(`fuzz: ${variants} variants: ${results.get('ok') ?? 0} read fine, ` +
      `${results.get('format') ?? 0} BeamFormatError, ${results.get('bug') ?? 0} bugs`);
    expect(bugs).toEqual([]);
    expect(variants).toBeGreaterThan(3000);
    expect(results.get('format') ?? 0).toBeGreaterThan(variants / 2);
  });
});

describe('handcrafted damage', () => {
  let good: Uint8Array;
  let atomF: number;

  beforeAll(() => {
    const path = compileErl('rt_c', '-module(rt_c).\n-export([f/0]).\nf() -> ok.\n');
    good = readBytes(path);
    atomF = readBeam(good).atoms.indexOf('f');
  });

  /** rt_c with its Code replaced: `label 1; func_info rt_c f 0; label 2; <body>; int_code_end`. */
  function withCode(body: Uint8Array[], labelCount = 3, end = true): Uint8Array {
    const header = concat(u32(16), u32(0), u32(184), u32(labelCount), u32(1));
    const code = concat(header,
      Uint8Array.of(1), compact(TAG_U, 1),
      Uint8Array.of(2), compact(TAG_A, 1), compact(TAG_A, atomF), compact(TAG_U, 0),
      Uint8Array.of(1), compact(TAG_U, 2),
      ...body,
      end ? Uint8Array.of(3) : new Uint8Array(0));
    return withChunks(good, {
      Code: code,
      ExpT: concat(u32(1), u32(atomF), u32(0), u32(2)),
      LocT: concat(u32(0)),
      FunT: undefined,
    });
  }
  const ret = Uint8Array.of(19);

  const error = (bytes: Uint8Array): BeamFormatError => {
    try {
      disassemble(bytes, 'bad.beam');
    } catch (e) {
      if (e instanceof BeamFormatError) return e;
      throw e;
    }
    throw new Error('no error');
  };

  it('accepts the handcrafted baseline', () => {
    const m = disassemble(withCode([ret]), 'ok.beam');
    expect(m.functions.map((f) => [f.name, f.arity, f.entryLabel, f.code.map((i) => i.name)]))
      .toEqual([['f', 0, 2, ['label', 'func_info', 'label', 'return']]]);
  });

  it('wrong magic', () => {
    const b = good.slice();
    b.set(ascii('FOR2'), 0);
    const e = error(b);
    expect(e.toString()).toBe('bad.beam: at byte 0: not a BEAM file: expected "FOR1" magic, found "FOR2"');
    const c = good.slice();
    c.set(ascii('BEAX'), 8);
    expect(error(c).detail).toMatch(/IFF form type is "BEAX"/);
  });

  it('truncated header and truncated file', () => {
    expect(error(good.slice(0, 8)).detail).toMatch(/truncated header: 8 bytes/);
    const e = error(good.slice(0, good.length - 10));
    expect(e.detail).toMatch(/truncated file: the header declares \d+ bytes/);
    expect(e.offset).toBe(4);
  });

  it('chunk overrun', () => {
    const b = good.slice();
    new DataView(b.buffer).setUint32(16, 0x7fff0000); // the first chunk's size
    const e = error(b);
    expect(e.chunk).toBe('AtU8');
    expect(e.offset).toBe(12);
    expect(e.toString()).toMatch(/^bad\.beam: chunk AtU8 at byte 12: chunk overruns the file/);
  });

  it('bad compact-term tags', () => {
    // move with a z7 (no such extended tag) source.
    const z7 = error(withCode([Uint8Array.of(64, 0x77), compact(TAG_X, 0), ret]));
    expect(z7.chunk).toBe('Code');
    expect(z7.toString()).toMatch(/bad extended tag z7 \(operand 1 of move\/2\) in rt_c:f\/0$/);
    // jump whose label is an x register.
    const notLabel = error(withCode([Uint8Array.of(61), compact(TAG_X, 0), ret]));
    expect(notLabel.detail).toMatch(/expected a label, got a x-tagged value \(operand 1 of jump\/1\)/);
    // A bad z byte (the 2-byte form is not allowed for z).
    expect(error(withCode([Uint8Array.of(64, 0x0f, 0), compact(TAG_X, 0), ret])).detail).toMatch(/bad extended \(z\) tag byte 0x0f/);
  });

  it('obsolete opcode', () => {
    const e = error(withCode([Uint8Array.of(79), compact(TAG_X, 0), compact(TAG_X, 1), ret]));
    expect(e.toString()).toMatch(
      /chunk Code at byte \d+: opcode 79 bs_start_match\/2 is obsolete \(introduced R7, removed before OTP 25\); recompile the module with OTP 25 or later in rt_c:f\/0$/);
  });

  it('unknown opcode', () => {
    const e = error(withCode([Uint8Array.of(200), ret]));
    expect(e.detail).toMatch(/^unknown opcode 200 \(not in OTP 28's instruction set/);
    expect(e.where).toBe('rt_c:f/0');
    expect(error(withCode([Uint8Array.of(0), ret])).detail).toMatch(/^unknown opcode 0 /);
  });

  it('bad literal', () => {
    const table = concat(u32(1), u32(2), Uint8Array.of(131, 255));
    const e = error(withChunks(good, { LitT: concat(u32(0), table) }));
    expect(e.chunk).toBe('LitT');
    expect(e.detail).toMatch(/^literal 0 is not valid external term format/);
    const noVersion = error(withChunks(good, { LitT: concat(u32(0), u32(1), u32(1), Uint8Array.of(97)) }));
    expect(noVersion.detail).toMatch(/does not start with the ETF version byte 131/);
    const badZlib = error(withChunks(good, { LitT: concat(u32(100), Uint8Array.of(0x78, 0x9c, 1, 2, 3)) }));
    expect(badZlib.detail).toMatch(/^literal table: bad zlib data/);
  });

  it('structural errors in the code', () => {
    expect(error(withCode([ret], 3, false)).detail).toMatch(/ends without int_code_end/);
    expect(error(withCode([Uint8Array.of(61), compact(TAG_F, 7), ret], 8)).detail).toMatch(/label 7 is used but never defined/);
    expect(error(withCode([Uint8Array.of(61), compact(TAG_F, 9), ret])).detail).toMatch(/label 9 is not below the label count 3/);
    expect(error(withCode([Uint8Array.of(7), compact(TAG_U, 0), compact(TAG_U, 999), ret])).detail)
      .toMatch(/import 999 is beyond the \d+ imports/);
    expect(error(withCode([Uint8Array.of(1), compact(TAG_U, 2), ret])).detail).toMatch(/label 2 is defined twice/);
  });

  it('missing and obsolete chunks', () => {
    expect(error(withChunks(good, { Code: undefined })).detail).toBe('missing required chunk Code');
    const old = chunksOf(good).map(([id, d]): [string, Uint8Array] => [id === 'AtU8' ? 'Atom' : id, d]);
    expect(error(buildBeam(old)).detail).toMatch(/^obsolete Latin-1 atom table/);
  });

  it('a bad gzip wrapper', () => {
    const gz = new Uint8Array(gzipSync(good));
    expect(error(gz.slice(0, 20)).detail).toMatch(/^bad gzip data/);
    expect(readBeam(gz).module).toBe('rt_c');
  });
});
