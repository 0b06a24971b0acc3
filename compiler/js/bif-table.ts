/**
 * The `erlang` BIFs that compiled code calls inline through a runtime helper
 * (runtime/exec/arith.ts, guards.ts) instead of the module registry, keyed
 * `name/arity`. Each helper returns the result or `undefined` on failure
 * (see arith.ts), so guards jump to their fail label without a throw.
 *
 * Any other BIF named by `bif*`/`gc_bif*` is called through its import
 * cell like an external function.
 */
export interface InlineBif {
  /** Runtime export implementing it. */
  readonly helper: string;
  /** Whether the helper needs the process as first argument. */
  readonly withProcess?: boolean;
}

const h = (helper: string): InlineBif => ({ helper });

export const INLINE_BIFS: ReadonlyMap<string, InlineBif> = new Map<string, InlineBif>([
  ['+/2', h('add')],
  ['-/2', h('sub')],
  ['*/2', h('mul')],
  ['//2', h('fdiv')],
  ['div/2', h('idiv')],
  ['rem/2', h('rem')],
  ['band/2', h('band')],
  ['bor/2', h('bor')],
  ['bxor/2', h('bxor')],
  ['bsl/2', h('bsl')],
  ['bsr/2', h('bsr')],
  ['bnot/1', h('bnot')],
  ['-/1', h('neg')],
  ['+/1', h('plus')],
  ['abs/1', h('abs')],
  ['float/1', h('float')],
  ['trunc/1', h('trunc')],
  ['round/1', h('round')],
  ['floor/1', h('floor')],
  ['ceil/1', h('ceil')],
  ['=:=/2', h('op_eqx')],
  ['=/=/2', h('op_nex')],
  ['==/2', h('op_eq')],
  ['/=/2', h('op_ne')],
  ['</2', h('op_lt')],
  ['>=/2', h('op_ge')],
  ['>/2', h('op_gt')],
  ['=</2', h('op_le')],
  ['and/2', h('op_and')],
  ['or/2', h('op_or')],
  ['xor/2', h('op_xor')],
  ['not/1', h('op_not')],
  ['is_atom/1', h('is_atom')],
  ['is_integer/1', h('is_integer')],
  ['is_float/1', h('is_float')],
  ['is_number/1', h('is_number')],
  ['is_list/1', h('is_list')],
  ['is_tuple/1', h('is_tuple')],
  ['is_binary/1', h('is_binary')],
  ['is_bitstring/1', h('is_bitstring')],
  ['is_map/1', h('is_map')],
  ['is_pid/1', h('is_pid')],
  ['is_port/1', h('is_port')],
  ['is_reference/1', h('is_reference')],
  ['is_function/1', h('is_function')],
  ['is_function/2', h('is_function2')],
  ['is_boolean/1', h('is_boolean')],
  ['element/2', h('element')],
  ['hd/1', h('hd')],
  ['tl/1', h('tl')],
  ['length/1', h('length')],
  ['tuple_size/1', h('tuple_size')],
  ['byte_size/1', h('byte_size')],
  ['bit_size/1', h('bit_size')],
  ['size/1', h('size')],
  ['map_size/1', h('map_size')],
  ['map_get/2', h('map_get')],
  ['is_map_key/2', h('is_map_key')],
  ['binary_part/2', h('binary_part')],
  ['binary_part/3', h('binary_part')],
  ['min/2', h('min')],
  ['max/2', h('max')],
  ['self/0', { helper: 'self', withProcess: true }],
  ['node/0', { helper: 'node', withProcess: true }],
  ['node/1', h('nodeOf')],
]);

/**
 * BIFs that never return: lowered to a JS `throw` with the caller's stack
 * frame. `nif_error` is how OTP's stubs for C-implemented functions end:
 * raising it here names the stub (`{unicode, characters_to_list, 2, Loc}`)
 * when the runtime lacks that BIF, as BEAM does for a NIF not loaded.
 */
export const RAISING_BIFS: ReadonlySet<string> = new Set([
  'error/1', 'error/2', 'error/3', 'exit/1', 'throw/1', 'nif_error/1', 'nif_error/2',
]);
