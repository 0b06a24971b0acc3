/**
 * Shared constants and small records of the process runtime.
 */
import type { Atom, Pid, Port, Ref, Term } from '../terms/types.js';
import type { RefKey } from './refs.js';

/** Reductions per scheduling slice (BEAM's CONTEXT_REDS). */
export const CONTEXT_REDS = 4000;

/**
 * A process's state as `process_info(P, status)` reports it, plus `exited`
 * for a process that is gone (it is then out of the process table).
 */
export type ProcStatus = 'runnable' | 'running' | 'waiting' | 'exiting' | 'exited';

/**
 * Why a waiting process waits: in a receive (a message or its timer wakes it),
 * hibernated (a message wakes it), or on a JS promise (only its settlement
 * wakes it; messages just queue).
 */
export type WaitKind = 'none' | 'receive' | 'hibernate' | 'external';

/** What happens to an alias (OTP 24) when its monitor goes or a reply comes. */
export type AliasMode = 'explicit_unalias' | 'demonitor' | 'reply_demonitor' | 'reply';

/**
 * One monitor. The same object sits in the origin's `monitors` and in the
 * target's `monitoredBy`, under `key` (the reference's refKey).
 */
export class Monitor {
  constructor(
    public readonly ref: Ref,
    public readonly key: RefKey,
    public readonly origin: Pid,
    public readonly target: Pid | Port,
    /** Set when monitored by registered name: DOWN then names `{Name, Node}`. */
    public readonly name: Atom | undefined,
    /** The first element of the DOWN message (`'DOWN'` unless `{tag, T}`). */
    public readonly tag: Term,
    /** Set when the monitor ref is also an alias (`{alias, Mode}`). */
    public readonly alias: AliasMode | undefined,
  ) {}
}

/** An active alias: messages sent to the ref go to `owner`. */
export interface Alias {
  readonly owner: Pid;
  readonly mode: AliasMode;
}

/** The status `erlang:halt/1` asked for: an exit code, `abort`, or a crash slogan. */
export type HaltStatus = number | string;
