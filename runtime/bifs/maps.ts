/**
 * The `maps` BIFs (those maps.erl leaves to `erlang:nif_error/1`), plus the
 * map BIFs of the `erlang` module: map_size/1, map_get/2, is_map_key/2.
 *
 * Errors as on OTP 25: a non-map is `{badmap, M}`, a missing key in get/2 or
 * update/3 is `{badkey, K}`, a malformed list is `badarg`. Keys compare with
 * `=:=` (1 and 1.0 are different keys). Lists come out in the map's own
 * iteration order (`entries()`, BEAM's order).
 */
import {
  mapFromEntries, mapKeys, mapMerge, mapPut, mapRemove, mapToList, mapValues,
} from '../terms/map.js';
import { isMap, list, type Term } from '../terms/types.js';
import { badarg, bifTable, fail, listToArray, type Bif } from './erlang-args.js';

/** Whatever map representation runtime/terms/map.ts works on. */
type MapT = Parameters<typeof mapPut>[0];

function mapArg(m: Term): MapT {
  return isMap(m) ? (m as MapT) : fail(['badmap', m]);
}

function get(k: Term, m: Term): Term {
  const v = mapArg(m).get(k);
  return v === undefined ? fail(['badkey', k]) : v;
}

function find(k: Term, m: Term): Term {
  const v = mapArg(m).get(k);
  return v === undefined ? 'error' : ['ok', v];
}

function update(k: Term, v: Term, m: Term): Term {
  const map = mapArg(m);
  return map.has(k) ? mapPut(map, k, v) : fail(['badkey', k]);
}

function take(k: Term, m: Term): Term {
  const map = mapArg(m);
  const v = map.get(k);
  return v === undefined ? 'error' : [v, mapRemove(map, k)];
}

function merge(a: Term, b: Term): Term {
  const x = mapArg(a);
  const y = mapArg(b);
  if (y.size === 0) return x;
  if (x.size === 0) return y;
  return mapMerge(x, y);
}

/** `[{K, V}]`, later keys winning. */
function fromList(l: Term): Term {
  const items = listToArray(l) ?? badarg();
  const pairs: [Term, Term][] = [];
  for (const t of items) {
    if (!Array.isArray(t) || t.length !== 2) return badarg();
    pairs.push([t[0]!, t[1]!]);
  }
  return mapFromEntries(pairs);
}

function fromKeys(keys: Term, v: Term): Term {
  const ks = listToArray(keys) ?? badarg();
  return mapFromEntries(ks.map((k): [Term, Term] => [k, v]));
}

const toList = (m: Term): Term => list(mapToList(mapArg(m)).map(([k, v]) => [k, v]));

export const mapsBifs: Map<string, Bif> = bifTable([
  ['get/2', (_p, k, m) => get(k, m)],
  ['find/2', (_p, k, m) => find(k, m)],
  ['put/3', (_p, k, v, m) => mapPut(mapArg(m), k, v)],
  ['remove/2', (_p, k, m) => mapRemove(mapArg(m), k)],
  ['is_key/2', (_p, k, m) => (mapArg(m).has(k) ? 'true' : 'false')],
  ['keys/1', (_p, m) => list(mapKeys(mapArg(m)))],
  ['values/1', (_p, m) => list(mapValues(mapArg(m)))],
  ['merge/2', (_p, a, b) => merge(a, b)],
  ['from_list/1', (_p, l) => fromList(l)],
  ['from_keys/2', (_p, ks, v) => fromKeys(ks, v)],
  ['to_list/1', (_p, m) => toList(m)],
  ['take/2', (_p, k, m) => take(k, m)],
  ['update/3', (_p, k, v, m) => update(k, v, m)],
]);

/** The map BIFs that live in the `erlang` module. */
export const erlangMapBifs: [string, Bif][] = [
  ['map_size/1', (_p, m) => mapArg(m).size],
  ['map_get/2', (_p, k, m) => get(k, m)],
  ['is_map_key/2', (_p, k, m) => (mapArg(m).has(k) ? 'true' : 'false')],
];
