/**
 * The runtime namespace that generated modules import (`import * as R from
 * ...`): everything compiled code calls that is not a BIF in the module
 * registry. Names here are part of the compiler's output format.
 */
export { SUSPEND, TAIL, Frame, ErlangError } from '../process/protocol.js';
export {
  NIL, Cons, ErlFloat, ExportFun, Fun, BitString, Pid, Port, Ref, list,
} from '../terms/types.js';
export { flt, chars, latin1, bits, map, hexBytes } from './literals.js';
export {
  FnInfo, CatchTag, NONE, error, raise, errorWithArgs, functionClause, badmatch, caseClause, ifClause,
  tryClause, badrecord, caught, catchValue, buildStacktrace, reraise, rawRaise, addFrame, frameInfo, frameLine, stacktraceOf, catchEnd,
} from './errors.js';
export {
  failure, add, sub, mul, fdiv, idiv, rem, band, bor, bxor, bsl, bsr, bnot, neg, plus,
  abs, float, trunc, round, floor, ceil, fconv,
} from './arith.js';
export {
  eqExact, eq, lt, ge, op_eqx, op_nex, op_eq, op_ne, op_lt, op_ge, op_gt, op_le,
  op_and, op_or, op_xor, op_not, isNumberT, isFunT, isBinaryT, isFunction2,
  is_atom, is_integer, is_float, is_number, is_list, is_tuple, is_binary, is_bitstring, is_map, is_pid,
  is_port, is_reference, is_function, is_function2, is_boolean,
  element, hd, tl, length, tuple_size, byte_size, bit_size, size, map_size, map_get, is_map_key,
  binary_part, min, max, self, node, nodeOf, floatValue,
} from './guards.js';
export { bifFail, arithFail, opFail, opFailWith, bodyBif, guardBif, send } from './bifs.js';
export { RS, suspendEntry, resumer, takeResume, resumeValue, resumeError, NO_Y } from './frames.js';
export {
  ext, stubCell, ExtCell, apply, tailApply, FunDesc, makeFun, callFun, callFun0, callFun1, callFun2, tailCallFun,
} from './calls.js';
export { isMapT, mapAssoc, mapExact, mapGet, mapHas } from './maps.js';
export { bsCreate, bsInit, bsAppendInit, bsPut, bsPutString, bsAdd, bsUtfSize } from './bs-build.js';
export {
  MatchCtx, bsStart, bsGetInteger, bsGetByte, bsGetFloat, bsGetBinary, bsGetTail, bsSkip, bsMatchString,
  bsMatchInt, bsGetUtf8, bsGetUtf16, bsGetUtf32,
} from './bs-match.js';
export { bsRaise } from './bifs.js';
export { emptyBinary } from '../terms/binary.js';
