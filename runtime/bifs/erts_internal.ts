/**
 * `erts_internal` BIFs the language needs: map_next/3, the iteration
 * primitive behind maps:iterator/1, maps:next/1 and maps:to_list/1 in OTP 25's
 * maps.erl.
 *
 * `map_next(Path, Map, Mode)` walks the map in its *iterator* order
 * (runtime/terms/map.ts `mapIterEntries`):
 * - Mode `iterator`: `{K1, V1, {K2, V2, ... Rest}}` where Rest is `none` at
 *   the end, else `[NextPath | Map]` (what maps:next/1 continues from);
 * - Mode a list `Acc`: the pairs consed onto Acc, with `[NextPath, Map | ...]`
 *   in front while more remain (maps.erl's to_list_internal/1 loops on that).
 *   As in erts, a small map's pairs come out in order in one call, and a large
 *   map's are consed one by one, so the finished list is the iterator order
 *   reversed, which is exactly `maps:to_list/1`'s order for such maps.
 *
 * Like erts, a small map (≤ 32 keys) is returned whole in one call (its Path
 * must be 0..size). A larger one is returned in chunks: at most 32 pairs on
 * the first call (Path 0), then as many as the process's remaining
 * reductions allow (reds / 4, at least 1), spending 4 reductions per pair.
 * Here a Path is the index of the next pair in iterator order; BEAM encodes
 * a position in its hash trie instead, so the Path integers of large maps
 * differ from BEAM's (the pairs and their order do not).
 */
import { exactCompare } from '../terms/compare.js';
import { NATIVE_TIME_UNIT } from '../process/time.js';
import { MAP_SMALL_MAP_LIMIT, mapIterEntries } from '../terms/map.js';
import { BitString, Cons, NIL, isMap, type ErlMapLike, type Term } from '../terms/types.js';
import { badarg, bifTable, type Bif } from './erlang-args.js';

/** Entries of a map, cached so a long iteration does not rebuild them per step. */
const entryCache = new WeakMap<ErlMapLike, [Term, Term][]>();

function entriesOf(m: ErlMapLike): [Term, Term][] {
  let e = entryCache.get(m);
  if (e === undefined) {
    e = Array.from(mapIterEntries(m));
    entryCache.set(m, e);
  }
  return e;
}

const hasReds = (p: any): boolean => p !== null && typeof p === 'object' && typeof p.reds === 'number';

function chunkSize(p: any, path: number): number {
  let n = Math.max(Math.floor((hasReds(p) ? p.reds : 4000) / 4), 1);
  if (path === 0) n = Math.min(n, MAP_SMALL_MAP_LIMIT);
  return n;
}

export function mapNext(p: any, path: Term, map: Term, mode: Term): Term {
  if (!isMap(map)) return badarg();
  const iterator = mode === 'iterator';
  if (!iterator && mode !== NIL && !(mode instanceof Cons)) return badarg();
  if (typeof path !== 'number' || path < 0) return badarg();
  const size = map.size;
  const entries = entriesOf(map);
  if (size <= MAP_SMALL_MAP_LIMIT) {
    // A flat map is returned whole, whatever in-range path is given.
    if (path > size) return badarg();
    return iterator ? iteratorChain(entries, 0, size, 'none') : flatOnto(entries, mode);
  }
  if (path >= size) return badarg();
  const end = Math.min(size, path + chunkSize(p, path));
  if (hasReds(p)) p.reds -= 4 * (end - path);
  const more = end < size;
  if (iterator) return iteratorChain(entries, path, end, more ? new Cons(end, map) : 'none');
  let r = mode;
  for (let i = path; i < end; i++) r = new Cons([entries[i]![0], entries[i]![1]], r);
  return more ? new Cons(end, new Cons(map, r)) : r;
}

function iteratorChain(entries: [Term, Term][], start: number, end: number, rest: Term): Term {
  let r = rest;
  for (let i = end - 1; i >= start; i--) r = [entries[i]![0], entries[i]![1], r];
  return r;
}

/** A flat map's pairs, in order, in front of `acc`. */
function flatOnto(entries: [Term, Term][], acc: Term): Term {
  let r = acc;
  for (let i = entries.length - 1; i >= 0; i--) r = new Cons([entries[i]![0], entries[i]![1]], r);
  return r;
}

/**
 * `erts_internal:scheduler_wall_time/1` (kernel_refc switches it): beamjs
 * keeps no per-scheduler wall time, so it is always off; the result is the
 * previous setting.
 */
function schedulerWallTime(_p: unknown, on: Term): Term {
  if (on !== 'true' && on !== 'false') badarg();
  return 'false';
}

/**
 * `erts_internal:beamfile_chunk(Beam, Id)`: the data of chunk `Id` (a
 * 4-character string) of an uncompressed .beam binary, or `undefined` (also
 * for a binary that is not an IFF `FOR1 ... BEAM` file, as on BEAM);
 * code:get_chunk/2 and erl_features call it.
 */
function beamfileChunk(_p: unknown, beam: Term, id: Term): Term {
  if (!(beam instanceof BitString) || (beam.bitSize & 7) !== 0) badarg();
  const want: number[] = [];
  for (let l = id; l !== NIL; l = (l as Cons).tl) {
    if (!(l instanceof Cons) || typeof l.hd !== 'number' || l.hd < 0 || l.hd > 255) badarg();
    want.push(l.hd);
  }
  if (want.length !== 4) badarg();
  const b = beam.bytes.subarray(0, beam.bitSize >>> 3);
  const tag = (i: number): string => String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
  const u32 = (i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  if (b.length < 12 || tag(0) !== 'FOR1' || tag(8) !== 'BEAM') return 'undefined';
  const end = Math.min(b.length, 8 + u32(4));
  const name = String.fromCharCode(...want);
  for (let i = 12; i + 8 <= end;) {
    const size = u32(i + 4);
    if (i + 8 + size > end) return 'undefined';
    if (tag(i) === name) return new BitString(b.slice(i + 8, i + 8 + size), size * 8);
    i += 8 + ((size + 3) & ~3);
  }
  return 'undefined';
}

export const ertsInternalBifs: Map<string, Bif> = bifTable([
  ['map_next/3', (p, path, m, mode) => mapNext(p, path, m, mode)],
  ['scheduler_wall_time/1', schedulerWallTime],
  // erlang:convert_time_unit/3 and os:perf_counter/1 ask for these: both are
  // the nanosecond (runtime/process/time.ts).
  ['time_unit/0', () => NATIVE_TIME_UNIT],
  ['perf_counter_unit/0', () => NATIVE_TIME_UNIT],
  ['beamfile_chunk/2', beamfileChunk],
  // The exact term order (integers before equal floats) as -1, 0 or 1: the
  // compiler sorts map pattern keys with it (v3_kernel).
  ['cmp_term/2', (_p, a, b) => exactCompare(a, b)],
]);
