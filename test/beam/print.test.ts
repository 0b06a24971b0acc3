/**
 * The listing printer against `erlc -S` itself: a module using most kinds of
 * instructions is compiled twice (to .beam and with -S) and the two listings
 * must agree statement by statement, after removing what only the compiler
 * knows (see print.ts: `{'%',...}` annotations, `scope` and `anno` entries,
 * the compiler's own types in typed registers, the fun's OldUniq).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disassemble } from '../../compiler/asm/decode.js';
import { formatType, printModule } from '../../compiler/asm/print.js';
import { BEAM_TYPE } from '../../compiler/beam/types.js';
import {
  compileErl, readBytes, tempDir, removeTempDir,
} from './support.js';

afterAll(removeTempDir);

const SOURCE = `-module(rt_print).
-export([recv/1, tryit/1, bins/2, maps/2, funs/2, floats/2, records/1, lc/1, guards/1, big/0, strs/0, sel/1]).
-record(rec, {a, b = 2}).
recv(T) -> receive {ok, X} -> X; stop -> stop after T -> timeout end.
tryit(F) -> try F() of {ok, V} -> V catch throw:X -> {thrown, X}; error:R:S -> {R, S} after ok end.
bins(<<A:8, B:16/little-signed, Rest/binary>>, X) -> <<Rest/binary, A, B:32/float, X/utf8, "lit">>;
bins(_, _) -> <<>>.
maps(#{k := V} = M, K) -> M#{K => V, k := 0};
maps(M, _) -> maps:get(x, M, none).
funs(L, N) -> lists:map(fun(X) -> X * N end, L) ++ [F || F <- [fun erlang:abs/1]].
floats(X, Y) when is_float(X) -> X * Y + 2.5 / Y;
floats(X, _) -> -X.
records(R) -> R#rec{b = 3, a = R#rec.b}.
lc(L) -> [{X, Y} || X <- L, Y <- L, X < Y].
guards(X) when is_atom(X); is_list(X), length(X) > 2; element(1, X) =:= a -> yes;
guards(_) -> no.
big() -> [123456789012345678901234567890, -4294967296, 1.0e300, -0.0].
strs() -> {"hello", <<"bytes">>, 'quoted atom', 'try'}.
sel(X) -> case X of 1 -> one; 2 -> two; 3 -> three; a -> atom; {_} -> t1; {_, _} -> t2; _ -> other end.
`;

/** Split a listing into statements (erlc -S wraps long ones over several lines). */
function statements(text: string): string[] {
  const out: string[] = [];
  let buf = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    buf += line;
    if (/\.( % .*)?$/.test(line)) {
      out.push(buf);
      buf = '';
    }
  }
  return out;
}

/** Remove every `{tag,...}` term (with balanced braces) at `start`, replacing it with `repl`. */
function replaceTerms(s: string, prefix: string, repl: (term: string) => string): string {
  let out = '';
  let i = 0;
  while (true) {
    const at = s.indexOf(prefix, i);
    if (at < 0) return out + s.slice(i);
    let depth = 0;
    let j = at;
    for (; j < s.length; j++) {
      if (s[j] === '{' || s[j] === '[') depth++;
      else if (s[j] === '}' || s[j] === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    out += s.slice(i, at) + repl(s.slice(at, j + 1));
    i = j + 1;
  }
}

function normalise(statement: string): string | undefined {
  if (statement.startsWith("{'%'") || statement.startsWith('{attributes,')) return undefined;
  let s = replaceTerms(statement, '{scope,', () => '').replace(/\[,/g, '[');
  s = replaceTerms(s, '{anno,', () => '').replace(/\[,/g, '[');
  s = replaceTerms(s, '{tr,', (t) => t.replace(/^(\{tr,\{[xy],\d+\}),.*\}$/, '$1,_}'));
  s = s.replace(/^\{make_fun3,(\{f,\d+\}),(\d+),\d+,/, '{make_fun3,$1,$2,_,');
  return s;
}

describe('printModule', () => {
  it('prints the same statements as erlc -S (modulo compiler-only information)', () => {
    const beam = compileErl('rt_print', SOURCE);
    execFileSync('erlc', ['-S', 'rt_print.erl'], { cwd: tempDir(), stdio: 'pipe' });
    const expected = statements(readFileSync(join(tempDir(), 'rt_print.S'), 'utf8'))
      .map(normalise).filter((s) => s !== undefined);
    const ours = statements(printModule(disassemble(readBytes(beam), beam)))
      .map(normalise).filter((s) => s !== undefined);
    expect(expected.length).toBeGreaterThan(200);
    const i = ours.findIndex((s, k) => s !== expected[k]);
    expect(i === -1 ? null : { at: i, ours: ours[i], erlc: expected[i] }).toBeNull();
    expect(ours.length).toBe(expected.length);
  });

  it('prints Type-chunk types in beam_types notation', () => {
    const t = (bits: number, min?: number, max?: number, unit?: number) =>
      formatType({ index: 1, bits, min, max, unit });
    expect(t(BEAM_TYPE.integer)).toBe('{t_integer,any}');
    expect(t(BEAM_TYPE.integer, 0, 255)).toBe('{t_integer,{0,255}}');
    expect(t(BEAM_TYPE.integer | BEAM_TYPE.float)).toBe('number');
    expect(t(BEAM_TYPE.bitstring, undefined, undefined, 8)).toBe('{t_bitstring,8}');
    expect(t(BEAM_TYPE.cons | BEAM_TYPE.nil)).toBe('{t_list,any,any}');
    expect(t(BEAM_TYPE.atom | BEAM_TYPE.tuple)).toBe('{t_union,[atom,tuple]}');
  });
});
