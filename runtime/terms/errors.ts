/**
 * Error markers raised by the term helpers. They are not Erlang exceptions yet:
 * the runtime turns `TermBadArg` into `error:badarg` at the BIF boundary, so the
 * helpers stay independent of the process machinery.
 */
import type { Term } from './types.js';

/** Malformed argument to a term helper; becomes `error:badarg` (or `reason`). */
export class TermBadArg extends Error {
  constructor(
    /** The Erlang error reason the runtime should raise (usually `badarg`). */
    public readonly reason: Term = 'badarg',
    message = 'bad argument',
  ) {
    super(message);
    this.name = 'TermBadArg';
  }
}

/** A JS value that is not an Erlang term reached a term helper (a bug upstream). */
export class NotATermError extends Error {
  constructor(public readonly value: unknown) {
    super(`not an Erlang term: ${describe(value)}`);
    this.name = 'NotATermError';
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}
