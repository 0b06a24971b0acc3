/**
 * The process runtime's public surface, for compiled code and JS embedders.
 * Compiled code follows ./protocol.ts and calls the methods of `Process`
 * (receive instructions, `save`, `runTail`, `tail`) and the call helpers below.
 */
export { SUSPEND, TAIL, Frame, ErlangError, isControl } from './protocol.js';
export type { ErlFn, ResumeFn, Result, ErrorClass } from './protocol.js';
export { Process } from './process.js';
export { Runtime, createRuntime } from './runtime.js';
export type { RuntimeOptions, SpawnOptions } from './runtime.js';
export { ModuleRegistry, apply, applyTail, applyList, callFun, tailCallFun, invoke } from './modules.js';
export type { FunctionTable } from './modules.js';
export { CONTEXT_REDS } from './types.js';
export type { ProcStatus, WaitKind, HaltStatus } from './types.js';
export { MAX_RECEIVE_TIMEOUT } from './mailbox.js';
export { NATIVE_TIME_UNIT } from './time.js';
export { toErlangError, exitReasonOf } from './errors.js';
export { send } from './signals.js';
export { processBifs } from '../bifs/erlang-process.js';
