/**
 * The functions erts implements in C, by module, as erlang:is_builtin/3 of
 * OTP 25.2.3 answers for every exported function of the installed OTP
 * (generated: `[{M,F,A} || M <- all available modules, {F,A} <- exports,
 * erlang:is_builtin(M, F, A)]`, atom names unquoted).
 */
const TABLE: Record<string, string> = {
  atomics:
    'add/3 add_get/3 compare_exchange/4 exchange/3 get/2 info/1 put/3',
  binary:
    'at/2 compile_pattern/1 copy/1 copy/2 decode_unsigned/1 decode_unsigned/2 encode_unsigned/1 ' +
    'encode_unsigned/2 first/1 last/1 list_to_bin/1 longest_common_prefix/1 longest_common_suffix/1 ' +
    'match/2 match/3 matches/2 matches/3 part/2 part/3 referenced_byte_size/1 split/2 split/3',
  erl_ddll:
    'demonitor/1 format_error_int/1 info/2 loaded_drivers/0 monitor/2 try_load/3 try_unload/2',
  erlang:
    '!/2 */2 +/1 +/2 ++/2 -/1 -/2 --/2 //2 /=/2 </2 =/=/2 =:=/2 =</2 ==/2 >/2 >=/2 abs/1 adler32/1 ' +
    'adler32/2 adler32_combine/3 alias/1 and/2 append/2 append_element/2 apply/2 apply/3 ' +
    'atom_to_binary/2 atom_to_list/1 band/2 binary_part/2 binary_part/3 binary_to_atom/2 ' +
    'binary_to_existing_atom/2 binary_to_float/1 binary_to_integer/1 binary_to_integer/2 ' +
    'binary_to_list/1 binary_to_list/3 binary_to_term/1 binary_to_term/2 bit_size/1 ' +
    'bitstring_to_list/1 bnot/1 bor/2 bsl/2 bsr/2 bump_reductions/1 bxor/2 byte_size/1 ' +
    'call_on_load_function/1 cancel_timer/1 cancel_timer/2 ceil/1 check_old_code/1 crc32/1 crc32/2 ' +
    'crc32_combine/3 date/0 decode_packet/3 delete_element/2 delete_module/1 demonitor/1 demonitor/2 ' +
    'display/1 display_nl/0 display_string/1 dist_ctrl_get_data/1 dist_ctrl_get_data_notification/1 ' +
    'dist_ctrl_get_opt/2 dist_ctrl_input_handler/2 dist_ctrl_put_data/2 dist_ctrl_set_opt/3 ' +
    'dist_get_stat/1 div/2 dt_append_vm_tag_data/1 dt_get_tag/0 dt_get_tag_data/0 ' +
    'dt_prepend_vm_tag_data/1 dt_put_tag/1 dt_restore_tag/1 dt_spread_tag/1 element/2 erase/0 erase/1 ' +
    'error/1 error/2 error/3 exit/1 exit/2 exit_signal/2 external_size/1 external_size/2 ' +
    'finish_after_on_load/2 finish_loading/1 float/1 float_to_binary/1 float_to_binary/2 ' +
    'float_to_list/1 float_to_list/2 floor/1 fun_info/2 fun_info_mfa/1 fun_to_list/1 ' +
    'function_exported/3 get/0 get/1 get_keys/0 get_keys/1 get_module_info/1 get_module_info/2 ' +
    'group_leader/0 halt/2 has_prepared_code_on_load/1 hd/1 hibernate/3 insert_element/3 ' +
    'integer_to_binary/1 integer_to_binary/2 integer_to_list/1 integer_to_list/2 iolist_size/1 ' +
    'iolist_to_binary/1 iolist_to_iovec/1 is_atom/1 is_binary/1 is_bitstring/1 is_boolean/1 ' +
    'is_builtin/3 is_float/1 is_function/1 is_function/2 is_integer/1 is_list/1 is_map/1 is_map_key/2 ' +
    'is_number/1 is_pid/1 is_port/1 is_process_alive/1 is_record/2 is_record/3 is_reference/1 ' +
    'is_tuple/1 length/1 link/1 list_to_atom/1 list_to_binary/1 list_to_bitstring/1 ' +
    'list_to_existing_atom/1 list_to_float/1 list_to_integer/1 list_to_integer/2 list_to_pid/1 ' +
    'list_to_port/1 list_to_ref/1 list_to_tuple/1 load_nif/2 loaded/0 localtime/0 ' +
    'localtime_to_universaltime/2 make_fun/3 make_ref/0 make_tuple/2 make_tuple/3 map_get/2 ' +
    'map_size/1 match_spec_test/3 md5/1 md5_final/1 md5_init/0 md5_update/2 module_loaded/1 monitor/2 ' +
    'monitor/3 monitor_node/2 monitor_node/3 monotonic_time/0 monotonic_time/1 nif_error/1 ' +
    'nif_error/2 node/0 node/1 nodes/0 nodes/1 nodes/2 not/1 now/0 or/2 phash/2 phash2/1 phash2/2 ' +
    'pid_to_list/1 port_get_data/1 port_set_data/2 port_to_list/1 ports/0 ' +
    'posixtime_to_universaltime/1 pre_loaded/0 process_flag/2 process_info/1 process_info/2 ' +
    'processes/0 put/2 raise/3 read_timer/1 read_timer/2 ref_to_list/1 register/2 registered/0 rem/2 ' +
    'resume_process/1 round/1 self/0 send/2 send/3 send_after/3 send_after/4 seq_trace/2 ' +
    'seq_trace_info/1 seq_trace_print/1 seq_trace_print/2 setelement/3 setnode/2 size/1 spawn/3 ' +
    'spawn_link/3 spawn_opt/4 spawn_request_abandon/1 split_binary/2 start_timer/3 start_timer/4 ' +
    'statistics/1 subtract/2 system_flag/2 system_info/1 system_monitor/0 system_monitor/1 ' +
    'system_monitor/2 system_profile/0 system_profile/2 system_time/0 system_time/1 term_to_binary/1 ' +
    'term_to_binary/2 term_to_iovec/1 term_to_iovec/2 throw/1 time/0 time_offset/0 time_offset/1 ' +
    'timestamp/0 tl/1 trace_delivered/1 trace_info/2 trunc/1 tuple_size/1 tuple_to_list/1 unalias/1 ' +
    'unique_integer/0 unique_integer/1 universaltime/0 universaltime_to_localtime/1 ' +
    'universaltime_to_posixtime/1 unlink/1 unregister/1 whereis/1 xor/2 yield/0',
  error_logger:
    'warning_map/0',
  erts_debug:
    'breakpoint/2 copy_shared/2 dirty/3 dirty_cpu/2 dirty_io/2 disassemble/1 display/1 ' +
    'dist_ext_to_term/2 flat_size/1 get_internal_state/1 instructions/0 interpreter_size/0 ' +
    'lcnt_clear/0 lcnt_collect/0 lcnt_control/1 lcnt_control/2 map_info/1 same/2 set_internal_state/2 ' +
    'size_shared/1',
  erts_internal:
    'abort_pending_connection/2 atomics_new/2 beamfile_chunk/2 beamfile_module_md5/1 ' +
    'check_dirty_process_code/2 check_process_code/1 cmp_term/2 counters_add/3 counters_get/2 ' +
    'counters_info/1 counters_new/1 counters_put/3 create_dist_channel/3 ' +
    'dirty_process_handle_signals/1 dist_spawn_request/4 erase_persistent_terms/0 ' +
    'ets_lookup_binary_info/2 ets_raw_first/1 ets_raw_next/2 ets_super_user/1 garbage_collect/1 ' +
    'gather_alloc_histograms/1 gather_carrier_info/1 get_creation/0 get_dflags/0 group_leader/2 ' +
    'group_leader/3 is_process_alive/2 is_process_executing_dirty/1 is_system_process/1 ' +
    'map_hashmap_children/1 map_next/3 map_to_tuple_keys/1 new_connection/1 no_aux_work_threads/0 ' +
    'open_port/2 perf_counter_unit/0 port_call/3 port_close/1 port_command/3 port_connect/2 ' +
    'port_control/3 port_info/1 port_info/2 prepare_loading/2 process_display/2 process_flag/3 ' +
    'purge_module/2 request_system_task/3 request_system_task/4 scheduler_wall_time/1 spawn_request/4 ' +
    'spawn_system_process/3 suspend_process/2 system_check/1 term_type/1 time_unit/0 trace/3 ' +
    'trace_pattern/3',
  erts_literal_area_collector:
    'release_area_switch/0 send_copy_request/3',
  ets:
    'delete/1 delete/2 delete_object/2 first/1 give_away/3 info/1 info/2 insert/2 insert_new/2 ' +
    'internal_delete_all/2 internal_request_all/0 internal_select_delete/2 is_compiled_ms/1 last/1 ' +
    'lookup/2 lookup_element/3 match/1 match/2 match/3 match_object/1 match_object/2 match_object/3 ' +
    'match_spec_compile/1 match_spec_run_r/3 member/2 new/2 next/2 prev/2 rename/2 safe_fixtable/2 ' +
    'select/1 select/2 select/3 select_count/2 select_replace/2 select_reverse/1 select_reverse/2 ' +
    'select_reverse/3 setopts/2 slot/2 take/2 update_counter/3 update_counter/4 update_element/3 ' +
    'whereis/1',
  file:
    'native_name_encoding/0',
  io:
    'printable_range/0',
  lists:
    'keyfind/3 keymember/3 keysearch/3 member/2 reverse/2',
  maps:
    'find/2 from_keys/2 from_list/1 get/2 is_key/2 keys/1 merge/2 put/3 remove/2 take/2 update/3 ' +
    'values/1',
  math:
    'acos/1 acosh/1 asin/1 asinh/1 atan/1 atan2/2 atanh/1 ceil/1 cos/1 cosh/1 erf/1 erfc/1 exp/1 ' +
    'floor/1 fmod/2 log/1 log10/1 log2/1 pow/2 sin/1 sinh/1 sqrt/1 tan/1 tanh/1',
  net_kernel:
    'dflag_unicode_io/1',
  os:
    'env/0 getenv/1 getpid/0 perf_counter/0 putenv/2 set_signal/2 system_time/0 system_time/1 ' +
    'timestamp/0 unsetenv/1',
  persistent_term:
    'erase/1 get/0 get/1 get/2 info/0 put/2',
  prim_file:
    'internal_name2native/1 internal_native2name/1 internal_normalize_utf8/1 is_translatable/1',
  re:
    'compile/1 compile/2 inspect/2 internal_run/4 run/2 run/3 version/0',
  string:
    'list_to_float/1 list_to_integer/1',
  unicode:
    'bin_is_7bit/1 characters_to_binary/2 characters_to_list/2',
};

/** `Module -> Set of "name/arity"`, built on first use. */
let builtins: Map<string, Set<string>> | undefined;

/** Whether `m:f/a` is a C-implemented function on BEAM (OTP 25). */
export function isBuiltin(m: string, f: string, a: number): boolean {
  builtins ??= new Map(Object.entries(TABLE).map(([mod, fs]) => [mod, new Set(fs.split(' '))]));
  return builtins.get(m)?.has(`${f}/${a}`) ?? false;
}
