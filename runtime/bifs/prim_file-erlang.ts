/**
 * The BIFs of `erlang` that OTP's file layer calls besides prim_file: the
 * dynamic-trace tags file:call/2 spreads around every request to the file
 * server. beamjs is like an emulator built without dtrace: dt_spread_tag/1
 * takes a boolean and answers `true`, dt_restore_tag/1 accepts only `true`,
 * and there is no tag (`undefined`).
 */
import type { Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';

export const fileErlangBifs: [string, Bif][] = [
  ['dt_spread_tag/1', (_p, b: Term) => (b === 'true' || b === 'false' ? 'true' : badarg())],
  ['dt_restore_tag/1', (_p, t: Term) => (t === 'true' ? 'true' : badarg())],
  ['dt_get_tag/0', () => 'undefined'],
  ['dt_get_tag_data/0', () => 'undefined'],
  // Without dtrace the new tag is dropped: the previous one is always `undefined`.
  ['dt_put_tag/1', () => 'undefined'],
];
