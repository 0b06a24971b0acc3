/**
 * Funs, the text forms of pids/ports/refs, display/1 and the small BIFs,
 * against erl.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { displayText, setDisplayWriter } from '../../runtime/bifs/erlang-display.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { mapFromEntries } from '../../runtime/terms/map.js';
import {
  BitString, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref, charlist, list, type Term,
} from '../../runtime/terms/types.js';
import { FUNS } from '../terms/corpus.js';
import { compareTable, erlOutcomes, fakeProcess, pairs } from './harness.js';
import { toErlSource } from '../support/erl-source.js';
import { formatW } from '../../runtime/terms/print.js';

const f = (x: number): ErlFloat => new ErlFloat(x);
const bits = (bytes: number[], n = bytes.length * 8): BitString => new BitString(Uint8Array.from(bytes), n);
const call = (name: string, ...args: Term[]): Term => erlangBifs.get(`${name}/${args.length}`)!(fakeProcess(), ...args);

describe('funs against erl', () => {
  it('make_fun/3', async () => {
    const rows: Term[][] = [
      ['lists', 'map', 2], ['a', 'b', 0], ['a', 'b', 255], ['a', 'b', 256], ['a', 'b', -1], ['a', 1, 1], [1, 'b', 1],
      ['a', 'b', f(1)], ['a', 'b', 2n ** 64n],
    ];
    expect(await compareTable('erlang', 'make_fun', erlangBifs, rows)).toEqual([]);
  });

  const ITEMS: Term[] = ['arity', 'env', 'index', 'name', 'module', 'new_index', 'new_uniq', 'pid', 'type', 'uniq', 'bogus', 1];
  const exportFuns = FUNS.filter((x) => x instanceof ExportFun);
  it(`fun_info/2 of export funs (${exportFuns.length * ITEMS.length} cases)`, async () => {
    expect(await compareTable('erlang', 'fun_info', erlangBifs, pairs([...exportFuns, 'a', list([1])], ITEMS))).toEqual([]);
  });

  it('fun_info/2 of local funs decoded from the external format', async () => {
    // erl cannot know a name for a fun of a module it has not loaded: leave name out.
    const locals = FUNS.filter((x) => x instanceof Fun).slice(0, 8);
    expect(await compareTable('erlang', 'fun_info', erlangBifs, pairs(locals, ITEMS.filter((i) => i !== 'name')))).toEqual([]);
  });

  it('fun_info/1 and fun_to_list/1', async () => {
    const rows = [...exportFuns, ...FUNS.filter((x) => x instanceof Fun).slice(0, 4), 'a'].map((x) => [x]);
    expect(await compareTable('erlang', 'fun_to_list', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'fun_info', erlangBifs, rows.filter(([x]) => !(x instanceof Fun)))).toEqual([]);
    const local = new Fun('m', 3, new Uint8Array(16), 2, 99, 1, [7], new Pid(5, 0), undefined, '-f/0-fun-0-');
    expect(call('fun_info', local)).toEqual(list([
      ['pid', new Pid(5, 0)], ['module', 'm'], ['new_index', 3], ['new_uniq', bits(Array(16).fill(0))], ['index', 2],
      ['uniq', 99], ['name', '-f/0-fun-0-'], ['arity', 1], ['env', list([7])], ['type', 'local'],
    ]));
  });
});

describe('pid, port and ref text against erl', () => {
  it('pid_to_list/1, port_to_list/1, ref_to_list/1', async () => {
    const xs: Term[] = [new Pid(42, 0), new Pid(32767, 8191), new Port(5), new Ref([1, 2, 3]), 'a'];
    for (const fn of ['pid_to_list', 'port_to_list', 'ref_to_list']) {
      expect(await compareTable('erlang', fn, erlangBifs, xs.map((x) => [x]))).toEqual([]);
    }
  });

  it('list_to_pid/1, list_to_port/1, list_to_ref/1 (bounds, overflow, syntax)', async () => {
    const pids = [
      '<0.42.0>', '<1.42.0>', '<0.42.0> ', '<0.32767.0>', '<0.32768.0>', '<0.1.8191>', '<0.1.8192>', '<0.01.0>',
      '<00.1.0>', '<0.-1.0>', '<0.1.0', '0.1.0>', '<0.1>', '<0..0>', '<0.1.0.0>', '<+0.1.0>', '<0.18446744073709551617.0>',
      '<18446744073709551616.1.0>', '',
    ];
    const ports = ['#Port<0.5>', '#Port<0.268435455>', '#Port<0.268435456>', '#Port<0.18446744073709551621>', '#Port<1.1>', '#Port<0.>', '#Port<0.1.2>'];
    const refs = [
      '#Ref<0.1.2.3>', '#Ref<0.262144.2.3>', '#Ref<0.1.2>', '#Ref<0.1.2.3.4>', '#Ref<0.1.1.262144>', '#Ref<0.1.1.262143>',
      '#Ref<0.4294967296.1.1>', '#Ref<0.18446744073709551616.1.1>', '#Ref<1.1.1.1>', '#Ref<0.4294967295.0.1>',
    ];
    const odd: Term[] = ['a', list([60, 48, 46, 49, 46, 48], 62), list([0x3c, 0x130])];
    expect(await compareTable('erlang', 'list_to_pid', erlangBifs, [...pids.map(charlist), ...odd].map((x) => [x]))).toEqual([]);
    expect(await compareTable('erlang', 'list_to_port', erlangBifs, [...ports.map(charlist), ...odd].map((x) => [x]))).toEqual([]);
    expect(await compareTable('erlang', 'list_to_ref', erlangBifs, [...refs.map(charlist), ...odd].map((x) => [x]))).toEqual([]);
  });
});

describe('display/1', () => {
  afterEach(() => setDisplayWriter(undefined));

  const TERMS: Term[] = [
    charlist('abc'), bits([97, 98]), list([1, 2], 3), f(1.5), mapFromEntries([['a', 1]]), f(1e20), f(0.1), -3,
    2n ** 70n, list([97, 300]), bits([233]), charlist('é'), charlist('a"b\nc\td'), bits([34, 97]), bits([1, 2, 3], 20),
    new ExportFun('lists', 'map', 2), new Pid(3, 0), NIL, [], ['a', charlist('b'), "A b"], 'x y', '', bits([]),
    list([NIL, 1]), list([list([1])], 2), f(-0), mapFromEntries([[list([1]), [2]], ['b', f(2)]]), charlist(' \r'),
    list([127]), list([160, 255]), "it's", 'é',
  ];
  it(`prints ${TERMS.length} terms as the emulator does`, async () => {
    // erl's display/1 writes to its stdout; erts_debug:display/1 returns the same text.
    const want = await erlOutcomes(TERMS.map((t) => `erts_debug:display(${toErlSource(t)})`));
    const got = TERMS.map((t) => formatW(['ok', charlist(displayText(t) + '\n')]));
    expect(got).toEqual(want);
  });

  it('writes through the hook with a \\r\\n line end and returns true', () => {
    const out: string[] = [];
    setDisplayWriter((s) => out.push(s));
    expect(call('display', list([1, 2]))).toBe('true');
    expect(out).toEqual(['[1,2]\r\n']);
  });

  it('goes to the calling runtime\'s stdout as UTF-8 text when no writer is set', () => {
    const out: string[] = [];
    const p = { reds: 4000, rt: { stdout: (s: string) => out.push(s) } };
    erlangBifs.get('display/1')!(p, ['é', bits([0xc3, 0xa9])]);
    expect(out).toEqual(['{é,<<195,169>>}\r\n']);
  });
});

describe('small BIFs', () => {
  it('bump_reductions/1 spends the budget; bad counts are badarg', async () => {
    const p = fakeProcess();
    expect(erlangBifs.get('bump_reductions/1')!(p, 1000)).toBe('true');
    expect(p.reds).toBe(3000);
    erlangBifs.get('bump_reductions/1')!(p, 5000);
    expect(p.reds).toBe(0);
    const rows: Term[][] = [[0], [1], [-1], [2n ** 70n], [f(1)], ['a']];
    expect(await compareTable('erlang', 'bump_reductions', erlangBifs, rows)).toEqual([]);
  });

  it('nif_error/1,2 raise error:Reason', () => {
    expect(() => call('nif_error', 'undef')).toThrow(ErlangError);
    try {
      call('nif_error', 'x', list([1]));
    } catch (e) {
      expect(e).toEqual(new ErlangError('error', 'x'));
    }
  });
});
