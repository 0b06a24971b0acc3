/**
 * Raising Erlang exceptions from the process runtime, and turning whatever a
 * process threw into the exit reason BEAM would give it.
 */
import { ErlangError, type ErrorClass } from './protocol.js';
import { TermBadArg } from '../terms/errors.js';
import { list, utf8Binary, type Term } from '../terms/types.js';

/** Raise `error:Reason`. */
export function raise(reason: Term): never {
  throw new ErlangError('error', reason);
}

/** Raise `error:badarg`. */
export function badarg(): never {
  throw new ErlangError('error', 'badarg');
}

/**
 * The ErlangError for anything a process threw. Term-helper markers become the
 * error they stand for; any other JS exception is a bug in compiled code or a
 * BIF, and becomes `error:{beamjs_internal_error, <<"Name: message">>}` so the
 * process dies (or a handler catches it) while the scheduler keeps running.
 */
export function toErlangError(e: unknown): ErlangError {
  if (e instanceof ErlangError) return e;
  if (e instanceof TermBadArg) return new ErlangError('error', e.reason);
  let text: string;
  if (e instanceof Error) text = `${e.name}: ${e.message}`;
  else {
    try {
      text = `non-Error thrown: ${String(e)}`;
    } catch {
      text = 'non-Error thrown';
    }
  }
  return new ErlangError('error', ['beamjs_internal_error', utf8Binary(text)]);
}

/**
 * The exit reason of a process that did not catch `e` (BEAM's rules):
 * `error:R` → `{R, Stack}`, `exit:R` → `R`, `throw:V` → `{{nocatch, V}, Stack}`.
 */
export function exitReasonOf(e: ErlangError): Term {
  switch (e.cls) {
    case 'exit':
      return e.reason;
    case 'throw':
      return [['nocatch', e.reason], list(e.stack)];
    default:
      return [e.reason, list(e.stack)];
  }
}

/** Whether BEAM's emulator logs "Error in process ..." for an uncaught class. */
export const isLoggedClass = (cls: ErrorClass): boolean => cls !== 'exit';
