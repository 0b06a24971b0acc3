/**
 * The C-implemented function of `net_kernel`: dflag_unicode_io/1, which io
 * asks about a group leader before sending it unicode. Without distribution
 * every group leader is local, and local I/O servers take unicode.
 */
import { ErlangError } from '../process/protocol.js';
import { Pid, type Term } from '../terms/types.js';

type Bif = (p: any, ...args: any[]) => Term;

export const netKernelBifs: Map<string, Bif> = new Map([
  ['dflag_unicode_io/1', (_p: any, pid: Term): Term => {
    if (!(pid instanceof Pid)) throw new ErlangError('error', 'badarg');
    return 'true';
  }],
]);
