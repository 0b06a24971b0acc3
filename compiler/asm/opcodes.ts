/**
 * The generic BEAM instruction set, opcodes 1..184, as one table (the
 * equivalent of OTP's genop.tab; see beam-format.md section 3).
 *
 * Each row: number, name, arity, the release that introduced it (genop.tab's
 * section comments), its status and the kinds of its operands:
 *
 *   A         active in OTP 28
 *   D         loadable by OTP 25 (OTP <= 24 compilers emit it) but marked
 *             obsolete in later genop.tab copies (`deprecatedIn`)
 *   obsolete  already obsolete in OTP 25: a file using it cannot be loaded,
 *             so decoding one is an error that names it
 *
 * Operand kinds (what the decoder checks and resolves):
 *   u  unsigned (`u` tag)              f  label (`f` tag)
 *   s  any source operand              d  destination register (x, y, fr)
 *   a  atom                            L  list (`z1`)
 *   A  `u` or allocation list (`z3`)   M  ImpT index → {extfunc, M, F, A}
 *   F  FunT index → the FunT row       S  StrT offset → {string, bytes}
 *   l  Line item index → location      T  call_fun2 tag: atom, or FunT index
 *   q  label or atom (bs_start_match4: {atom,no_fail|resume})
 *   g  flags (`u`, printed as {field_flags,N})
 *   *  anything (obsolete opcodes, whose operands are never decoded)
 */

export type OpStatus = 'A' | 'D' | 'obsolete';

export type OperandKind = 'u' | 'f' | 's' | 'd' | 'a' | 'L' | 'A' | 'M' | 'F' | 'S' | 'l' | 'T' | 'q' | 'g' | '*';

export interface OpInfo {
  readonly opcode: number;
  readonly name: string;
  readonly arity: number;
  /** Release that introduced it, as genop.tab's comments say (`≤R7`, `R12B-5`, `OTP 25`, ...). */
  readonly since: string;
  readonly status: OpStatus;
  /** For D: the OTP release whose genop.tab first marks it obsolete (from beam-format.md; unverified). */
  readonly deprecatedIn: string | undefined;
  readonly kinds: readonly OperandKind[];
}

/** The highest opcode this table knows (OTP 28). */
export const MAX_OPCODE = 184;

type Row = readonly [number, string, string, OpStatus, string];

// [opcode, name, since, status, operand kinds] — the arity is the number of kinds.
const ROWS: readonly Row[] = [
  [1, 'label', '≤R7', 'A', 'u'],
  [2, 'func_info', '≤R7', 'A', 'a a u'],
  [3, 'int_code_end', '≤R7', 'A', ''],
  [4, 'call', '≤R7', 'A', 'u f'],
  [5, 'call_last', '≤R7', 'A', 'u f u'],
  [6, 'call_only', '≤R7', 'A', 'u f'],
  [7, 'call_ext', '≤R7', 'A', 'u M'],
  [8, 'call_ext_last', '≤R7', 'A', 'u M u'],
  [9, 'bif0', '≤R7', 'A', 'M d'],
  [10, 'bif1', '≤R7', 'A', 'f M s d'],
  [11, 'bif2', '≤R7', 'A', 'f M s s d'],
  [12, 'allocate', '≤R7', 'A', 'u u'],
  [13, 'allocate_heap', '≤R7', 'A', 'u A u'],
  [14, 'allocate_zero', '≤R7', 'D', 'u u'],
  [15, 'allocate_heap_zero', '≤R7', 'D', 'u A u'],
  [16, 'test_heap', '≤R7', 'A', 'A u'],
  [17, 'init', '≤R7', 'D', 'd'],
  [18, 'deallocate', '≤R7', 'A', 'u'],
  [19, 'return', '≤R7', 'A', ''],
  [20, 'send', '≤R7', 'A', ''],
  [21, 'remove_message', '≤R7', 'A', ''],
  [22, 'timeout', '≤R7', 'A', ''],
  [23, 'loop_rec', '≤R7', 'A', 'f d'],
  [24, 'loop_rec_end', '≤R7', 'A', 'f'],
  [25, 'wait', '≤R7', 'A', 'f'],
  [26, 'wait_timeout', '≤R7', 'A', 'f s'],
  [27, 'm_plus', '≤R7', 'obsolete', '* * * *'],
  [28, 'm_minus', '≤R7', 'obsolete', '* * * *'],
  [29, 'm_times', '≤R7', 'obsolete', '* * * *'],
  [30, 'm_div', '≤R7', 'obsolete', '* * * *'],
  [31, 'int_div', '≤R7', 'obsolete', '* * * *'],
  [32, 'int_rem', '≤R7', 'obsolete', '* * * *'],
  [33, 'int_band', '≤R7', 'obsolete', '* * * *'],
  [34, 'int_bor', '≤R7', 'obsolete', '* * * *'],
  [35, 'int_bxor', '≤R7', 'obsolete', '* * * *'],
  [36, 'int_bsl', '≤R7', 'obsolete', '* * * *'],
  [37, 'int_bsr', '≤R7', 'obsolete', '* * * *'],
  [38, 'int_bnot', '≤R7', 'obsolete', '* * *'],
  [39, 'is_lt', '≤R7', 'A', 'f s s'],
  [40, 'is_ge', '≤R7', 'A', 'f s s'],
  [41, 'is_eq', '≤R7', 'A', 'f s s'],
  [42, 'is_ne', '≤R7', 'A', 'f s s'],
  [43, 'is_eq_exact', '≤R7', 'A', 'f s s'],
  [44, 'is_ne_exact', '≤R7', 'A', 'f s s'],
  [45, 'is_integer', '≤R7', 'A', 'f s'],
  [46, 'is_float', '≤R7', 'A', 'f s'],
  [47, 'is_number', '≤R7', 'A', 'f s'],
  [48, 'is_atom', '≤R7', 'A', 'f s'],
  [49, 'is_pid', '≤R7', 'A', 'f s'],
  [50, 'is_reference', '≤R7', 'A', 'f s'],
  [51, 'is_port', '≤R7', 'A', 'f s'],
  [52, 'is_nil', '≤R7', 'A', 'f s'],
  [53, 'is_binary', '≤R7', 'A', 'f s'],
  [54, 'is_constant', '≤R7', 'obsolete', '* *'],
  [55, 'is_list', '≤R7', 'A', 'f s'],
  [56, 'is_nonempty_list', '≤R7', 'A', 'f s'],
  [57, 'is_tuple', '≤R7', 'A', 'f s'],
  [58, 'test_arity', '≤R7', 'A', 'f s u'],
  [59, 'select_val', '≤R7', 'A', 's f L'],
  [60, 'select_tuple_arity', '≤R7', 'A', 's f L'],
  [61, 'jump', '≤R7', 'A', 'f'],
  [62, 'catch', '≤R7', 'A', 'd f'],
  [63, 'catch_end', '≤R7', 'A', 'd'],
  [64, 'move', '≤R7', 'A', 's d'],
  [65, 'get_list', '≤R7', 'A', 's d d'],
  [66, 'get_tuple_element', '≤R7', 'A', 's u d'],
  [67, 'set_tuple_element', '≤R7', 'A', 's s u'],
  [68, 'put_string', '≤R7', 'obsolete', '* * *'],
  [69, 'put_list', '≤R7', 'A', 's s d'],
  [70, 'put_tuple', '≤R7', 'obsolete', '* *'],
  [71, 'put', '≤R7', 'obsolete', '*'],
  [72, 'badmatch', '≤R7', 'A', 's'],
  [73, 'if_end', '≤R7', 'A', ''],
  [74, 'case_end', '≤R7', 'A', 's'],
  [75, 'call_fun', '≤R7', 'A', 'u'],
  [76, 'make_fun', '≤R7', 'obsolete', '* * *'],
  [77, 'is_function', '≤R7', 'A', 'f s'],
  [78, 'call_ext_only', 'R5', 'A', 'u M'],
  [79, 'bs_start_match', 'R7', 'obsolete', '* *'],
  [80, 'bs_get_integer', 'R7', 'obsolete', '* * * * *'],
  [81, 'bs_get_float', 'R7', 'obsolete', '* * * * *'],
  [82, 'bs_get_binary', 'R7', 'obsolete', '* * * * *'],
  [83, 'bs_skip_bits', 'R7', 'obsolete', '* * * *'],
  [84, 'bs_test_tail', 'R7', 'obsolete', '* *'],
  [85, 'bs_save', 'R7', 'obsolete', '*'],
  [86, 'bs_restore', 'R7', 'obsolete', '*'],
  [87, 'bs_init', 'R7A', 'obsolete', '* *'],
  [88, 'bs_final', 'R7A', 'obsolete', '* *'],
  [89, 'bs_put_integer', 'R7A', 'D', 'f s u g s'],
  [90, 'bs_put_binary', 'R7A', 'D', 'f s u g s'],
  [91, 'bs_put_float', 'R7A', 'D', 'f s u g s'],
  [92, 'bs_put_string', 'R7A', 'D', 'u S'],
  [93, 'bs_need_buf', 'R7B', 'obsolete', '*'],
  [94, 'fclearerror', 'R8', 'D', ''],
  [95, 'fcheckerror', 'R8', 'D', 'f'],
  [96, 'fmove', 'R8', 'A', 's d'],
  [97, 'fconv', 'R8', 'A', 's d'],
  [98, 'fadd', 'R8', 'A', 'f s s d'],
  [99, 'fsub', 'R8', 'A', 'f s s d'],
  [100, 'fmul', 'R8', 'A', 'f s s d'],
  [101, 'fdiv', 'R8', 'A', 'f s s d'],
  [102, 'fnegate', 'R8', 'A', 'f s d'],
  [103, 'make_fun2', 'R8', 'D', 'F'],
  [104, 'try', 'R10B', 'A', 'd f'],
  [105, 'try_end', 'R10B', 'A', 'd'],
  [106, 'try_case', 'R10B', 'A', 'd'],
  [107, 'try_case_end', 'R10B', 'A', 's'],
  [108, 'raise', 'R10B', 'A', 's s'],
  [109, 'bs_init2', 'R10B', 'D', 'f s A u g d'],
  [110, 'bs_bits_to_bytes', 'R10B', 'obsolete', '* * *'],
  [111, 'bs_add', 'R10B', 'D', 'f s s u d'],
  [112, 'apply', 'R10B', 'A', 'u'],
  [113, 'apply_last', 'R10B', 'A', 'u u'],
  [114, 'is_boolean', 'R10B', 'A', 'f s'],
  [115, 'is_function2', 'R10B-6', 'A', 'f s s'],
  [116, 'bs_start_match2', 'R11B', 'obsolete', '* * * * *'],
  [117, 'bs_get_integer2', 'R11B', 'A', 'f s u s u g d'],
  [118, 'bs_get_float2', 'R11B', 'A', 'f s u s u g d'],
  [119, 'bs_get_binary2', 'R11B', 'A', 'f s u s u g d'],
  [120, 'bs_skip_bits2', 'R11B', 'A', 'f s s u g'],
  [121, 'bs_test_tail2', 'R11B', 'A', 'f s u'],
  [122, 'bs_save2', 'R11B', 'obsolete', '* *'],
  [123, 'bs_restore2', 'R11B', 'obsolete', '* *'],
  [124, 'gc_bif1', 'R11B', 'A', 'f u M s d'],
  [125, 'gc_bif2', 'R11B', 'A', 'f u M s s d'],
  [126, 'bs_final2', 'R11B', 'obsolete', '* *'],
  [127, 'bs_bits_to_bytes2', 'R11B', 'obsolete', '* *'],
  [128, 'put_literal', 'R11B-4', 'obsolete', '* *'],
  [129, 'is_bitstr', 'R11B-5', 'A', 'f s'],
  [130, 'bs_context_to_binary', 'R12B', 'obsolete', '*'],
  [131, 'bs_test_unit', 'R12B', 'A', 'f s u'],
  [132, 'bs_match_string', 'R12B', 'A', 'f s u S'],
  [133, 'bs_init_writable', 'R12B', 'A', ''],
  [134, 'bs_append', 'R12B', 'D', 'f s A u u s g d'],
  [135, 'bs_private_append', 'R12B', 'D', 'f s u s g d'],
  [136, 'trim', 'R12B', 'A', 'u u'],
  [137, 'bs_init_bits', 'R12B', 'D', 'f s A u g d'],
  [138, 'bs_get_utf8', 'R12B-5', 'A', 'f s u g d'],
  [139, 'bs_skip_utf8', 'R12B-5', 'A', 'f s u g'],
  [140, 'bs_get_utf16', 'R12B-5', 'A', 'f s u g d'],
  [141, 'bs_skip_utf16', 'R12B-5', 'A', 'f s u g'],
  [142, 'bs_get_utf32', 'R12B-5', 'A', 'f s u g d'],
  [143, 'bs_skip_utf32', 'R12B-5', 'A', 'f s u g'],
  [144, 'bs_utf8_size', 'R12B-5', 'D', 'f s d'],
  [145, 'bs_put_utf8', 'R12B-5', 'D', 'f g s'],
  [146, 'bs_utf16_size', 'R12B-5', 'D', 'f s d'],
  [147, 'bs_put_utf16', 'R12B-5', 'D', 'f g s'],
  [148, 'bs_put_utf32', 'R12B-5', 'D', 'f g s'],
  [149, 'on_load', 'R13B03', 'A', ''],
  [150, 'recv_mark', 'R14A', 'D', 'f'],
  [151, 'recv_set', 'R14A', 'D', 'f'],
  [152, 'gc_bif3', 'R14A', 'A', 'f u M s s s d'],
  [153, 'line', 'R15A', 'A', 'l'],
  [154, 'put_map_assoc', 'R17', 'A', 'f s d u L'],
  [155, 'put_map_exact', 'R17', 'A', 'f s d u L'],
  [156, 'is_map', 'R17', 'A', 'f s'],
  [157, 'has_map_fields', 'R17', 'A', 'f s L'],
  [158, 'get_map_elements', 'R17', 'A', 'f s L'],
  [159, 'is_tagged_tuple', 'OTP 20', 'A', 'f s u a'],
  [160, 'build_stacktrace', 'OTP 21', 'A', ''],
  [161, 'raw_raise', 'OTP 21', 'A', ''],
  [162, 'get_hd', 'OTP 21', 'A', 's d'],
  [163, 'get_tl', 'OTP 21', 'A', 's d'],
  [164, 'put_tuple2', 'OTP 22', 'A', 'd L'],
  [165, 'bs_get_tail', 'OTP 22', 'A', 's d u'],
  [166, 'bs_start_match3', 'OTP 22', 'A', 'f s u d'],
  [167, 'bs_get_position', 'OTP 22', 'A', 's d u'],
  [168, 'bs_set_position', 'OTP 22', 'A', 's s'],
  [169, 'swap', 'OTP 23', 'A', 'd d'],
  [170, 'bs_start_match4', 'OTP 23', 'A', 'q u s d'],
  [171, 'make_fun3', 'OTP 24', 'A', 'F d L'],
  [172, 'init_yregs', 'OTP 24', 'A', 'L'],
  [173, 'recv_marker_bind', 'OTP 24', 'A', 's s'],
  [174, 'recv_marker_clear', 'OTP 24', 'A', 's'],
  [175, 'recv_marker_reserve', 'OTP 24', 'A', 'd'],
  [176, 'recv_marker_use', 'OTP 24', 'A', 's'],
  [177, 'bs_create_bin', 'OTP 25', 'A', 'f A u u d L'],
  [178, 'call_fun2', 'OTP 25', 'A', 'T u s'],
  [179, 'nif_start', 'OTP 25', 'A', ''],
  [180, 'badrecord', 'OTP 25', 'A', 's'],
  [181, 'update_record', 'OTP 26', 'A', 's u s d L'],
  [182, 'bs_match', 'OTP 26', 'A', 'f s L'],
  [183, 'executable_line', 'OTP 27', 'A', 'l u'],
  [184, 'debug_line', 'OTP 28', 'A', 's l u u'],
];

/** Marked obsolete already in the OTP 26/27-dev genop.tab; the other D rows only in 28-dev. */
const DEPRECATED_IN_26 = new Set(['make_fun2', 'fclearerror', 'fcheckerror', 'recv_mark', 'recv_set']);

function build(): (OpInfo | undefined)[] {
  const table: (OpInfo | undefined)[] = new Array<OpInfo | undefined>(MAX_OPCODE + 1).fill(undefined);
  for (const [opcode, name, since, status, kindText] of ROWS) {
    const kinds = (kindText === '' ? [] : kindText.split(' ')) as OperandKind[];
    const deprecatedIn = status !== 'D' ? undefined : DEPRECATED_IN_26.has(name) ? 'OTP 26' : 'OTP 28';
    table[opcode] = Object.freeze({ opcode, name, arity: kinds.length, since, status, deprecatedIn, kinds: Object.freeze(kinds) });
  }
  return table;
}

/** OPCODES[n] is the row of opcode n (undefined for 0 and anything above MAX_OPCODE). */
export const OPCODES: readonly (OpInfo | undefined)[] = build();

const BY_NAME = new Map<string, OpInfo>();
for (const op of OPCODES) if (op) BY_NAME.set(op.name, op);

/** The row of an opcode by its genop name (`'call_ext'`), or undefined. */
export const opByName = (name: string): OpInfo | undefined => BY_NAME.get(name);

/** The opcode number of a genop name; throws for a name not in the table (a programming error). */
export function opcodeOf(name: string): number {
  const op = BY_NAME.get(name);
  if (op === undefined) throw new Error(`no such BEAM opcode: ${name}`);
  return op.opcode;
}

/** Why an opcode cannot be decoded, or undefined when it can. */
export function opcodeProblem(opcode: number): string | undefined {
  const op = OPCODES[opcode];
  if (op === undefined) {
    return `unknown opcode ${opcode} (not in OTP 28's instruction set: newer than OTP 28, or corrupt code)`;
  }
  if (op.status === 'obsolete') {
    return `opcode ${opcode} ${op.name}/${op.arity} is obsolete (introduced ${op.since}, removed before OTP 25); ` +
      'recompile the module with OTP 25 or later';
  }
  return undefined;
}
