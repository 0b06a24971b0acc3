/**
 * The prim_file and prim_buffer BIFs called directly: file-name encoding
 * against erl, the byte queue of prim_buffer against erl, and the NIFs with
 * no host file system (a browser), where each answers `{error, enotsup}`.
 * OTP's file layer on top is test/bifs/file.test.ts.
 */
import * as nodeFs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { setHostFs, type HostFs } from '../../runtime/bifs/host-fs.js';
import { primBufferBifs } from '../../runtime/bifs/prim_file-buffer.js';
import { fileBifs, primFileBifs } from '../../runtime/bifs/prim_file.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { formatW } from '../../runtime/terms/print.js';
import { BitString, ErlFloat, NIL, binary, charlist, list, utf8Binary, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { compareTable, fakeProcess, type Row } from './harness.js';

const bytes = (...b: number[]): Term => binary(new Uint8Array(b));
const L = (...xs: Term[]): Term => list(xs);

const NAMES: Term[] = [
  charlist('abc'), utf8Binary('abc'), 'abc', L(charlist('a'), L(0x62, charlist('c'))), L(1024), bytes(255),
  charlist('a\0b'), bytes(0x61, 0), L(utf8Binary('x'), charlist('y')), L(0xd800), L(0x10ffff), L(0x110000),
  NIL, bytes(), new BitString(new Uint8Array([0x80]), 1), L(-1), L(new ErlFloat(1)), ['t'], 42,
  charlist('ĉĝ €/dir/ü'), L(L(L())), L(0x61, NIL, charlist('b')),
];
const NATIVE: Term[] = [
  utf8Binary('abc'), bytes(255), bytes(208, 128), charlist('abc'), bytes(), bytes(237, 160, 128),
  bytes(192, 128), bytes(0x61, 0, 0x62), new BitString(new Uint8Array([0x80]), 1), bytes(240, 144, 128, 128),
  utf8Binary('e\u0301'), utf8Binary('A\u030a x'), 'atom',
];

describe('file names against erl', () => {
  const rows = (ts: Term[]): Row[] => ts.map((t) => [t]);
  it.each([
    ['internal_name2native', NAMES],
    ['internal_native2name', NATIVE],
    ['is_translatable', NATIVE],
    ['internal_normalize_utf8', NATIVE],
  ] as const)('prim_file:%s/1', async (fn, args) => {
    expect(await compareTable('prim_file', fn, primFileBifs, rows(args))).toEqual([]);
  });

  it('file:native_name_encoding/0 is utf8, as erl says', async () => {
    expect(await compareTable('file', 'native_name_encoding', fileBifs, [[]])).toEqual([]);
  });
});

/** Run a list of prim_buffer operations on one buffer; results as ~w text. */
function bufferOps(ops: [string, ...Term[]][]): string {
  const p = fakeProcess();
  const buf = primBufferBifs.get('new/0')!(p);
  const out: Term[] = [];
  for (const [op, ...args] of ops) {
    const f = primBufferBifs.get(`${op}/${args.length + 1}`);
    // Not exported on BEAM (peek_head/1): undef there, absent here.
    if (f === undefined) {
      out.push(['error', 'undef']);
      continue;
    }
    try {
      out.push(['ok', f(p, buf, ...args)]);
    } catch (e) {
      if (!(e instanceof ErlangError)) throw e;
      out.push([e.cls, e.reason]);
    }
  }
  return formatW(list(out));
}

describe('prim_buffer against erl', () => {
  const OPS: [string, ...Term[]][] = [
    ['size'], ['write', L(utf8Binary('hello\nwor'), bytes(), utf8Binary('ld\n'))], ['size'],
    ['find_byte_index', 10], ['find_byte_index', 0x7a], ['read', 3], ['peek_head'], ['find_byte_index', 10],
    ['skip', 4], ['find_byte_index', 10], ['read_iovec', 2], ['read', 100], ['read', 6], ['size'],
    ['read', 0], ['skip', 1], ['write', utf8Binary('x')], ['write', L('a')], ['write', L(new BitString(new Uint8Array([0x80]), 1))],
    ['find_byte_index', 256], ['try_lock'], ['try_lock'], ['unlock'], ['unlock'],
    ['write', L(utf8Binary('abc'))], ['wipe'], ['size'], ['peek_head'], ['read', -1],
  ];

  it('gives the results erl gives', async () => {
    const erlOps = OPS.map(([op, ...args]) => {
      const as = args.map((a) => formatW(a).replace(/^(\d+)$/, '$1'));
      return `T__(fun() -> prim_buffer:${op}(B__${as.map((a) => `, ${a}`).join('')}) end)`;
    });
    const text = await erl.text(
      `B__ = prim_buffer:new(), T__ = fun(G__) -> try {ok, G__()} catch C__:R__ -> {C__, R__} end end, ` +
        `io_lib:format("~w", [[${erlOps.join(', ')}]])`,
    );
    expect(bufferOps(OPS)).toBe(text);
  });
});

describe('without a host file system (a browser)', () => {
  afterAll(() => setHostFs(nodeFs as unknown as HostFs));

  it('every NIF answers {error, enotsup}', () => {
    setHostFs(null);
    const p = fakeProcess();
    const path = bytes(0x2f, 0x74, 0x6d, 0x70, 0);
    const calls: [string, Term[]][] = [
      ['open_nif/2', [path, L('read')]], ['read_file_nif/1', [path]], ['read_info_nif/2', [path, 1]],
      ['list_dir_nif/1', [path]], ['make_dir_nif/1', [path]], ['del_file_nif/1', [path]],
      ['rename_nif/2', [path, path]], ['get_cwd_nif/0', []], ['set_cwd_nif/1', [path]],
      ['read_link_nif/1', [path]], ['file_desc_to_ref_nif/1', [0]],
    ];
    for (const [name, args] of calls) {
      expect([name, formatW(primFileBifs.get(name)!(p, ...args))]).toEqual([name, '{error,enotsup}']);
    }
  });

  it('argument errors stay badarg', () => {
    setHostFs(null);
    const p = fakeProcess();
    expect(() => primFileBifs.get('read_nif/2')!(p, 'not_a_file', 1)).toThrow(ErlangError);
  });
});
