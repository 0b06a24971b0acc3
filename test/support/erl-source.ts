/**
 * `toErlSource(t)`: Erlang expression text that evaluates (in erl_eval, on OTP 25)
 * to a term equal (`=:=`) to `t`, for differential tests against the erl
 * reference server.
 *
 * - floats use JS's shortest round-trip digits, rewritten into Erlang float
 *   syntax (`1e+21` → `1.0e21`, `-0` → `-0.0`);
 * - atoms are quoted, or built by `list_to_atom/1` when they hold anything
 *   outside printable ASCII, so the text is pure ASCII whatever the server's
 *   encoding; export funs likewise go through `erlang:make_fun/3`;
 * - pids, ports and references go through `binary_to_term` of their external
 *   format (`list_to_ref` rejects many valid-looking refs on OTP 25). OTP 25
 *   still rejects a local-node ref whose `ids[0]` is 2^18 or more, and local
 *   refs must have 3 words;
 * - local funs are rebuilt from NEW_FUN_EXT with their environment encoded by
 *   erl's own `term_to_binary`; the module need not be loaded.
 */
import {
  BitString,
  Cons,
  ErlFloat,
  ExportFun,
  Fun,
  NIL,
  Pid,
  Port,
  Ref,
  type ErlMapLike,
  type Term,
} from '../../runtime/terms/types.js';

export function toErlSource(t: Term): string {
  switch (typeof t) {
    case 'number':
    case 'bigint':
      return String(t);
    case 'string':
      return atomSource(t);
  }
  if (t instanceof ErlFloat) return floatSource(t.value);
  if (Array.isArray(t)) return `{${t.map(toErlSource).join(',')}}`;
  if (t === NIL) return '[]';
  if (t instanceof Cons) return listSource(t);
  if (t instanceof BitString) return bitsSource(t);
  if (t instanceof Pid) return pidSource(t);
  if (t instanceof Port) return portSource(t);
  if (t instanceof Ref) return refSource(t);
  if (t instanceof ExportFun) return `erlang:make_fun(${atomSource(t.module)}, ${atomSource(t.name)}, ${t.arity})`;
  if (t instanceof Fun) return funSource(t);
  if ((t as ErlMapLike).isErlMap === true) return mapSource(t as ErlMapLike);
  throw new Error(`toErlSource: not a term: ${String(t)}`);
}

/** Erlang float syntax for a finite double (round-trips exactly). */
export function floatSource(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`toErlSource: ${x} is not an Erlang float`);
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(s);
  if (!m) throw new Error(`toErlSource: cannot rewrite float ${s}`);
  const exp = m[4] === undefined ? '' : `e${Number(m[4])}`;
  return `${m[1]}${m[2]}.${m[3] ?? '0'}${exp}`;
}

/**
 * An atom as an expression: quoted when printable ASCII, else `list_to_atom/1`
 * of its code points (erl_scan rejects some escapes such as `\x{FFFF}`).
 */
export function atomSource(a: string): string {
  const cps = Array.from(a, (ch) => ch.codePointAt(0)!);
  if (cps.some((c) => c < 0x20 || c >= 0x7f)) return `list_to_atom([${cps.join(',')}])`;
  return `'${a.replace(/[\\']/g, (c) => '\\' + c)}'`;
}

function listSource(l: Cons): string {
  const items: string[] = [];
  let t: Term = l;
  while (t instanceof Cons) {
    items.push(toErlSource(t.hd));
    t = t.tl;
  }
  const tail = t === NIL ? '' : `|${toErlSource(t)}`;
  return `[${items.join(',')}${tail}]`;
}

function bitsSource(b: BitString): string {
  const full = b.bitSize >>> 3;
  const parts: string[] = [];
  for (let i = 0; i < full; i++) parts.push(String(b.bytes[i]));
  const rest = b.bitSize & 7;
  if (rest) parts.push(`${b.bytes[full]! >> (8 - rest)}:${rest}`);
  return `<<${parts.join(',')}>>`;
}

function mapSource(m: ErlMapLike): string {
  const kvs: string[] = [];
  for (const [k, v] of m.entries()) kvs.push(`${toErlSource(k)} => ${toErlSource(v)}`);
  return `#{${kvs.join(',')}}`;
}

/** ETF bytes of an atom (ATOM_UTF8_EXT), as Erlang binary-segment text. */
function atomEtf(a: string): string {
  const bytes = Array.from(new TextEncoder().encode(a));
  return [118, bytes.length >> 8, bytes.length & 0xff, ...bytes].join(',');
}

const u32 = (n: number): string => `${n >>> 0}:32`;

function pidSource(p: Pid): string {
  return `binary_to_term(<<131,88,${atomEtf(p.node)},${u32(p.id)},${u32(p.serial)},${u32(p.creation)}>>)`;
}

function portSource(p: Port): string {
  return `binary_to_term(<<131,89,${atomEtf(p.node)},${u32(p.id)},${u32(p.creation)}>>)`;
}

function refSource(r: Ref): string {
  const ids = r.ids.map(u32).join(',');
  return `binary_to_term(<<131,90,0,${r.ids.length},${atomEtf(r.node)},${u32(r.creation)},${ids}>>)`;
}

/**
 * NEW_FUN_EXT: Size, Arity, Uniq(16), Index, NumFree, Module, OldIndex, OldUniq,
 * Pid, Free vars. The variable-size parts are encoded by erl itself.
 */
let funVars = 0;
function funSource(f: Fun): string {
  const n = ++funVars; // nested funs must not rebind the outer fun's variables
  const [E, T, B, Body, X] = ['E', 'T', 'B', 'Body', 'X'].map((v) => `${v}__${n}`);
  const uniq = Array.from(f.uniq).join(',');
  const env = f.env.map(toErlSource).join(',');
  return (
    `(fun() -> ${E} = fun(${T}) -> <<131, ${B}/binary>> = term_to_binary(${T}), ${B} end, ` +
    `${Body} = iolist_to_binary([${f.arity}, <<${uniq}>>, <<${u32(f.index)}, ${u32(f.env.length)}>>, ` +
    `${E}(${atomSource(f.module)}), ${E}(${f.oldIndex}), ${E}(${f.oldUniq}), ${E}(${pidSource(f.pid)}) | ` +
    `[${E}(${X}) || ${X} <- [${env}]]]), ` +
    `binary_to_term(<<131, 112, (byte_size(${Body}) + 4):32, ${Body}/binary>>) end)()`
  );
}
