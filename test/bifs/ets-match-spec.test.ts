/**
 * The match-spec compiler (runtime/bifs/match-spec*.ts) against BEAM:
 * which specs `ets:match_spec_compile/1` accepts, and what
 * `ets:match_spec_run/2` gives for each term (printed with ~w).
 */
import { describe, expect, it } from 'vitest';
import { compileMatchSpec, tryCompile } from '../../runtime/bifs/match-spec.js';
import { formatW } from '../../runtime/terms/print.js';
import { binary, ErlFloat, NIL, Pid, list, type Term } from '../../runtime/terms/types.js';
import { mapFromEntries } from '../../runtime/terms/map.js';
import { erl } from '../support/erl.js';
import { toErlSource } from '../support/erl-source.js';

const L = (...xs: Term[]): Term => list(xs);
const f = (x: number): Term => new ErlFloat(x);
const map = (...kv: [Term, Term][]): Term => mapFromEntries(kv);

/** name/arity of every function BEAM might allow, and some it does not. */
const FUNS: [string, number][] = [
  ['is_atom', 1], ['is_boolean', 1], ['is_float', 1], ['is_integer', 1], ['is_list', 1], ['is_number', 1],
  ['is_pid', 1], ['is_port', 1], ['is_reference', 1], ['is_tuple', 1], ['is_map', 1], ['is_map_key', 2],
  ['is_binary', 1], ['is_bitstring', 1], ['is_function', 1], ['is_function', 2], ['is_record', 2],
  ['is_record', 3], ['abs', 1], ['element', 2], ['hd', 1], ['length', 1], ['map_get', 2], ['map_size', 1],
  ['node', 0], ['node', 1], ['round', 1], ['size', 1], ['bit_size', 1], ['byte_size', 1], ['tuple_size', 1],
  ['tl', 1], ['trunc', 1], ['float', 1], ['ceil', 1], ['floor', 1], ['+', 1], ['-', 1], ['+', 2], ['-', 2],
  ['*', 2], ['/', 2], ['div', 2], ['rem', 2], ['band', 2], ['bor', 2], ['bxor', 2], ['bnot', 1], ['bsl', 2],
  ['bsr', 2], ['>', 2], ['>=', 2], ['<', 2], ['=<', 2], ['=:=', 2], ['==', 2], ['=/=', 2], ['/=', 2],
  ['not', 1], ['xor', 2], ['and', 1], ['and', 2], ['and', 3], ['or', 0], ['or', 2], ['andalso', 1],
  ['andalso', 3], ['orelse', 2], ['self', 0], ['get_tcw', 0], ['binary_part', 2], ['binary_part', 3],
  ['min', 2], ['max', 2], ['is_seq_trace', 0], ['message', 1], ['return_trace', 0], ['caller', 0],
  ['display', 1], ['process_dump', 0], ['set_seq_token', 2], ['silent', 1], ['trace', 2], ['foo', 1],
  ['element', 1], ['self', 1],
];

const call = (name: string, n: number): Term => [name, ...Array<Term>(n).fill('$1')];

const SHAPES: Term[] = [
  NIL, L([['_'], NIL, NIL]), L(['_', NIL, L('$1')]), L(['$1', NIL, L('$1')]), L(['ok', NIL, L('true')]),
  L([L('a'), NIL, L('true')]), L([1, NIL, L('true')]), L(['_', NIL, L([1, 2])]), L(['_', NIL, L([[1, 2]])]),
  L(['_', NIL, L(['const', [1, 2]])]), L(['_', NIL, L(list(['a', 'b'], 'c'))]), L(['_', NIL, L(map(['a', '$_']))]),
  L(['_', NIL, L('$$')]), L(['_', NIL, L('$0')]), L([['$0'], NIL, L('$0')]), L([['$100000000'], NIL, L('$100000000')]),
  L([['$1a'], NIL, L('$1a')]), L([['$01'], NIL, L('$01')]), L(['_', L('true'), L('true')]), L(['_', L('a'), L('true')]),
  L(['_', L(['const']), L('true')]), L(['_', L(['const', 1, 2]), L('true')]), L(['_', NIL, 'true']), L(['_', 'a', L('true')]),
  list([['_', NIL, L('true')]], 'x'), L(['_', NIL]), 'foo', L(['_', NIL, L(['element', 1, '$_'])]),
  L(['_', NIL, L([[]])]), L(['_', NIL, L([])]), L(['_', NIL, L(binary(new Uint8Array([1])))]),
  L([['$1', '$1'], NIL, L('$1')]), L([['$1', map(['a', '$2'])], NIL, L('$2')]), L([['$1', map(['$3', '$2'])], NIL, L('$2')]),
  L([['_', list(['a'], '$1')], NIL, L('$1')]), L(['_', L(['+', 1]), L('true')]), L(['_', NIL, L(['==', ['const', 'a']])]),
  L(['a', NIL, L('_')]), L(['a', NIL, L(['const', '$1'])]), L(['a', NIL, L(map(['$1', 1]))]), L(['a', NIL, L(['$1'])]),
  L(['a', NIL, L([['$_']])]), L(['a', NIL, L(NIL)]),
];

describe('match_spec_compile accepts and rejects what BEAM does', () => {
  const specs: Term[] = [
    ...FUNS.map(([n, a]) => L([['$1'], L(call(n, a)), L('true')])),
    ...FUNS.map(([n, a]) => L([['$1'], NIL, L(call(n, a))])),
    ...SHAPES,
  ];
  it(`${specs.length} specs`, async () => {
    const text = await erl.text(
      `lists:join(",", [case catch ets:match_spec_compile(S) of {'EXIT', _} -> "bad"; _ -> "ok" end || S <- [${specs
        .map(toErlSource)
        .join(',\n')}]])`,
    );
    const want = text.split(',');
    const got = specs.map((s) => (tryCompile(s) === undefined ? 'bad' : 'ok'));
    const diffs = specs.flatMap((s, i) => (got[i] === want[i] ? [] : [`${formatW(s)}: beamjs ${got[i]}, erl ${want[i]}`]));
    expect(diffs).toEqual([]);
    expect(want.length).toBe(specs.length);
  });
});

const TERMS: Term[] = [
  [1, 'a'], [f(1), 'b'], [2, 2], ['x', L(1, 2)], ['y', ['p', 'q']], [3, f(3)], [-5, f(-2.5)], ['z', binary(new Uint8Array([1, 2, 3]))],
  [map(['a', 1]), 7], [10, 2n ** 64n], 'atom', L(1), [], [1, 2, 3],
];

const RUN_SPECS: Term[] = [
  L([['$1', '$2'], NIL, L(['hd', '$2'])]),
  L([['$1', '$2'], NIL, L(['hd', '$2'], '$1')]),
  L([['$1', '$2'], L(['hd', '$2']), L('$1')]),
  L([['$1', '$2'], L(['and', 'true', '$2']), L('$1')]),
  L([['$1', '$2'], L(['andalso', ['is_integer', '$1'], ['>', '$2', 1]]), L('$1')]),
  L([['$1', '$2'], L(['orelse', ['is_atom', '$1'], ['hd', '$2']]), L('$$')]),
  L([['$1', '$1'], NIL, L('$_')]),
  L([[1, '_'], NIL, L('$_')]),
  L([['$2', '$1'], NIL, L('$$')]),
  L([['$1', '$2'], L(['==', '$1', 1]), L([['$2', '$1']])]),
  L([['$1', '$2'], NIL, L(list([['element', 1, [['$2']]]], '$1'))]),
  L([['$1', '$2'], NIL, L(['+', '$1', 1])]),
  L([['$1', '$2'], NIL, L(['/', '$1', 0])]),
  L([['$1', '$2'], NIL, L(['orelse', '$1', 'false'])]),
  L([['$1', '$2'], NIL, L(['xor', 'true', '$1'])]),
  L(['$1', NIL, L(['size', '$1'])]),
  L(['$1', NIL, L(['or', 'true', '$1'])]),
  L(['$1', NIL, L(['and', '$1'])]),
  L(['$1', NIL, L(['andalso', '$1'])]),
  L(['$1', NIL, L(['andalso', '$1', '$1'])]),
  L(['$1', NIL, L(['orelse', '$1', 'x'])]),
  L([['$1', '$2'], NIL, L(['*', '$1', '$2'], ['band', '$1', 3], ['bsl', '$1', 70], ['abs', '$1'])]),
  L([['$1', '$2'], NIL, L(['-', '$1'], ['round', '$2'], ['trunc', '$2'], ['float', '$1'])]),
  L([['$1', '$2'], L(['is_map', '$1']), L(['map_get', 'a', '$1'], ['map_size', '$1'], ['is_map_key', 'b', '$1'])]),
  L([['$1', '$2'], L(['is_binary', '$2']), L(['byte_size', '$2'], ['bit_size', '$2'], ['binary_part', '$2', 1, 1])]),
  L([['$1', '$2'], L(['>', '$1', '$2']), L('gt')], ['_', NIL, L('other')]),
  L(['$1', L(['is_tuple', '$1'], ['=:=', ['size', '$1'], 2]), L(['element', 2, '$1'])]),
  L(['$1', L(['is_record', '$1', 'y', 2]), L('rec')]),
  L([['$1', '_'], L(['=/=', '$1', 1], ['/=', '$1', 2], ['=<', '$1', 'z']), L(['not', ['is_atom', '$1']])]),
  L([map(['a', '$1']), NIL, L('$1')], [['$1', '_'], L(['is_map', '$1']), L(['map_get', 'a', '$1'])]),
  L(['$1', NIL, L(['length', '$1'], ['tl', '$1'])]),
  L(['_', NIL, L(['const', ['x', '$1']])]),
  L([['$1', '_'], NIL, L(map(['k', '$1'], ['j', [['$1']]]))]),
];

describe('match_spec_run gives what BEAM gives', () => {
  it(`${RUN_SPECS.length} specs over ${TERMS.length} terms`, async () => {
    const text = await erl.text(
      `Ts = ${toErlSource(list(TERMS))}, lists:join("\\n", [io_lib:format("~w", [ets:match_spec_run(Ts, ets:match_spec_compile(S))]) || S <- [${RUN_SPECS.map(
        toErlSource,
      ).join(',\n')}]])`,
    );
    const want = text.split('\n');
    const self = new Pid(0);
    const got = RUN_SPECS.map((s) => {
      const ms = compileMatchSpec(s);
      return formatW(list(TERMS.flatMap((t) => {
        const r = ms.run(t, self, 'nonode@nohost');
        return r === undefined ? [] : [r];
      })));
    });
    const diffs = RUN_SPECS.flatMap((s, i) => (got[i] === want[i] ? [] : [`${formatW(s)}:\n  beamjs ${got[i]}\n  erl    ${want[i]}`]));
    expect(diffs).toEqual([]);
  });
});
