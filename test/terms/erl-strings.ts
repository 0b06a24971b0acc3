/**
 * Evaluate one Erlang expression per input in a single request to the erl
 * reference server, each yielding chardata, and return the results as JS
 * strings (UTF-8 decoded). Results travel as a list of binaries so that any
 * character, newline or NUL included, survives.
 */
import { expect } from 'vitest';
import { erl } from '../support/erl.js';

export async function erlStrings(exprs: string[]): Promise<string[]> {
  if (exprs.length === 0) return [];
  const src = `[unicode:characters_to_binary(X__) || X__ <- [${exprs.join(',\n')}]]`;
  const etf = await erl.eval(src);
  const dv = new DataView(etf.buffer, etf.byteOffset, etf.byteLength);
  // 131, LIST_EXT(108) Len:32, BINARY_EXT(109) Len:32 Bytes ..., NIL_EXT(106)
  expect([etf[0], etf[1]]).toEqual([131, 108]);
  const n = dv.getUint32(2);
  const dec = new TextDecoder();
  const out: string[] = [];
  let p = 6;
  for (let i = 0; i < n; i++) {
    expect(etf[p]).toBe(109);
    const len = dv.getUint32(p + 1);
    out.push(dec.decode(etf.subarray(p + 5, p + 5 + len)));
    p += 5 + len;
  }
  return out;
}
