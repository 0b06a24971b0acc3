/**
 * Map instructions (`put_map_assoc`, `put_map_exact`, `get_map_elements`,
 * `has_map_fields`). Failures return `undefined` with the reason in
 * `failure` (arith.ts convention).
 */
import { mapPut, type ErlMap } from '../terms/map.js';
import type { ErlMapLike, Term } from '../terms/types.js';
import { failure } from './arith.js';

export const isMapT = (t: Term): t is ErlMapLike =>
  typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true;

/** `M#{K => V, ...}`: `kvs` is `[K1, V1, K2, V2, ...]`. */
export function mapAssoc(m: Term, kvs: Term[]): Term | undefined {
  if (!isMapT(m)) {
    failure.reason = ['badmap', m];
    return undefined;
  }
  let r = m as ErlMap;
  for (let i = 0; i < kvs.length; i += 2) r = mapPut(r, kvs[i]!, kvs[i + 1]!);
  return r;
}

/** `M#{K := V, ...}`: every key must exist. */
export function mapExact(m: Term, kvs: Term[]): Term | undefined {
  if (!isMapT(m)) {
    failure.reason = ['badmap', m];
    return undefined;
  }
  let r = m as ErlMap;
  for (let i = 0; i < kvs.length; i += 2) {
    const k = kvs[i]!;
    if (!r.has(k)) {
      failure.reason = ['badkey', k];
      return undefined;
    }
    r = mapPut(r, k, kvs[i + 1]!);
  }
  return r;
}

export const mapGet = (m: Term, k: Term): Term | undefined => (isMapT(m) ? m.get(k) : undefined);
export const mapHas = (m: Term, k: Term): boolean => isMapT(m) && m.has(k);
