/**
 * erlang:system_info/1 and system_flag/2 against erl: OTP 25 facts and host
 * facts must be erl's (erl runs on the same machine); runtime facts
 * (schedulers, ports, ...) are beamjs' own and checked for shape.
 */
import { describe, expect, it } from 'vitest';
import { SYSTEM_VERSION, sysinfoBifs } from '../../runtime/bifs/erlang-sysinfo.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { formatW } from '../../runtime/terms/print.js';
import { BitString, charlist, list, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { erlOutcomes, outcome } from './harness.js';

const info = sysinfoBifs.get('system_info/1')!;
const flag = sysinfoBifs.get('system_flag/2')!;

/** Items whose value is a fact of OTP 25 or of this machine, so must equal erl's. */
const SAME_AS_ERL: Term[] = [
  'otp_release', 'version', 'machine', 'wordsize', ['wordsize', 'internal'], ['wordsize', 'external'],
  'compat_rel', 'driver_version', 'nif_version', 'process_limit', 'port_limit', 'atom_limit', 'ets_limit',
  'context_reductions', 'trace_control_word', 'fullsweep_after', 'min_heap_size', 'min_bin_vheap_size',
  'max_heap_size', 'garbage_collection', 'heap_sizes', 'endian', 'heap_type', 'build_type', 'emu_type',
  'debug_compiled', 'hipe_architecture', 'dynamic_trace', 'dynamic_trace_probes', 'time_warp_mode',
  'time_offset', 'smp_support', 'threads', 'creation', 'dist_ctrl', 'modified_timing_level',
  'tolerant_timeofday', 'scheduler_bind_type', 'port_parallelism', 'sequential_tracer', 'ets_always_compress',
  'update_cpu_info', 'os_type', 'os_version', 'system_architecture', 'logical_processors',
  'logical_processors_available', 'logical_processors_online', 'delayed_node_table_gc', 'dist_buf_busy_limit',
  'outstanding_system_requests_limit', 'eager_check_io',
  // badarg on both
  'bogus', 'reductions', 'halt_flush_timeout', 'wall_clock', charlist('x'), 1, ['foo', 'bar'], ['wordsize', 'x'],
  ['wordsize', 'internal', 'x'], [],
];

const fresh = (): { rt: object; reds: number } => ({ rt: {}, reds: 4000 });

describe('system_info/1', () => {
  it(`matches erl on ${SAME_AS_ERL.length} OTP and host facts`, async () => {
    const want = await erlOutcomes(SAME_AS_ERL.map((i) => `erlang:system_info(${toErlSource(i)})`));
    const p = fresh();
    const got = SAME_AS_ERL.map((i) => outcome(info, [i], undefined, p));
    const bad = SAME_AS_ERL.map((i, k) => [formatW(i), got[k], want[k]]).filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  it('answers beamjs facts: one scheduler, no ports, a system_version naming beamjs', () => {
    const p = fresh();
    const v = (item: Term): string => outcome(info, [item], undefined, p);
    expect(v('schedulers')).toBe('{ok,1}');
    expect(v('schedulers_online')).toBe('{ok,1}');
    expect(v('port_count')).toBe('{ok,0}');
    expect(v('multi_scheduling')).toBe('{ok,disabled}');
    expect(v('system_version')).toBe(`{ok,${formatW(charlist(SYSTEM_VERSION))}}`);
    expect(SYSTEM_VERSION).toMatch(/^Erlang\/OTP 25 \[erts-13\.1\.5\] \[beamjs\]/);
    expect(v('emu_flavor')).toMatch(/^\{ok,(jit|emu)\}$/);
  });

  it('process_count counts the runtime\'s processes', () => {
    const p = { rt: { procs: new Map([[1, {}], [2, {}], [3, {}]]) } };
    expect(outcome(info, ['process_count'], undefined, p)).toBe('{ok,3}');
  });
});

describe('system_flag/2', () => {
  // Each flag set and then restored, so the shared erl node is left as it was.
  const SEQ: [string, Term][] = [
    ['min_heap_size', 10], ['min_heap_size', 1000], ['min_heap_size', 0], ['min_heap_size', 233],
    ['min_heap_size', -1], ['min_heap_size', 'a'],
    ['min_bin_vheap_size', 100], ['min_bin_vheap_size', 46422],
    ['fullsweep_after', 0], ['fullsweep_after', 65535], ['fullsweep_after', -1], ['fullsweep_after', 2n ** 70n],
    ['max_heap_size', 1000], ['max_heap_size', 5], ['max_heap_size', 0],
    ['trace_control_word', 5], ['trace_control_word', -1], ['trace_control_word', 0],
    ['scheduler_wall_time', 'true'], ['scheduler_wall_time', 'false'], ['scheduler_wall_time', 1],
    ['time_offset', 'finalize'], ['bogus', 1], [charlist('x') as never, 1],
  ];

  it(`a sequence of ${SEQ.length} sets matches erl's results`, async () => {
    const erlSrc = `[try {ok, erlang:system_flag(F, V)} catch C:R -> {C, R} end || {F, V} <- [${SEQ.map(
      ([f, v]) => `{${toErlSource(f)}, ${toErlSource(v)}}`,
    ).join(', ')}]]`;
    const [want] = await erlOutcomes([erlSrc]);
    const p = fresh();
    const got = SEQ.map(([f, v]) => {
      try {
        return ['ok', flag(p, f, v)] as Term;
      } catch (e) {
        if (e instanceof ErlangError) return [e.cls, e.reason] as Term;
        throw e;
      }
    });
    expect(`{ok,${formatW(list(got))}}`).toBe(want);
  });

  it('backtrace_depth returns the old value and caps at 64', () => {
    const p = fresh();
    expect(flag(p, 'backtrace_depth', 1000)).toBe(8);
    expect(flag(p, 'backtrace_depth', 3)).toBe(64);
    expect(() => flag(p, 'backtrace_depth', -1)).toThrow(ErlangError);
    expect(flag(p, 'backtrace_depth', 8)).toBe(3);
  });

  it('schedulers_online can only be 1 (one scheduler) and settings are per runtime', () => {
    const p = fresh();
    expect(flag(p, 'schedulers_online', 1)).toBe(1);
    expect(() => flag(p, 'schedulers_online', 2)).toThrow(ErlangError);
    flag(p, 'fullsweep_after', 10);
    expect(outcome(info, ['fullsweep_after'], undefined, p)).toBe('{ok,{fullsweep_after,10}}');
    expect(outcome(info, ['fullsweep_after'], undefined, fresh())).toBe('{ok,{fullsweep_after,65535}}');
  });
});

describe('is_builtin/3', () => {
  it('matches erl on BIFs, Erlang functions, operators and bad arguments', async () => {
    const rows: Term[][] = [
      ['erlang', 'apply', 3], ['erlang', 'foo', 1], ['a', 1, 1], ['erlang', 'send', 2], ['erlang', 'module_info', 0],
      ['erlang', 'self', 0], ['erlang', 'yield', 0], ['nomod', 'f', 1], ['erlang', 'self', -1], ['erlang', 'self', 256],
      ['erlang', '+', 2], ['erlang', 'and', 2], ['erlang', '!', 2], ['lists', 'reverse', 2], ['lists', 'map', 2],
      ['maps', 'get', 2], ['math', 'sin', 1], ['math', 'pi', 0], ['counters', 'add', 3], ['atomics', 'add', 3],
      ['persistent_term', 'get', 1], ['crypto', 'hash', 2], ['zlib', 'compress', 1], ['os', 'getenv', 1],
      ['os', 'type', 0], ['erlang', 'system_info', 1], ['erlang', 'is_builtin', 3], ['erlang', 'self', 2n ** 70n],
      ['erlang', 'self', 'x'], [1, 'self', 0], ['ets', 'lookup', 2], ['binary', 'split', 2], ['re', 'run', 3],
    ];
    const want = await erlOutcomes(rows.map((r) => `erlang:is_builtin(${r.map(toErlSource).join(', ')})`));
    const got = rows.map((r) => outcome(sysinfoBifs.get('is_builtin/3')!, r));
    expect(rows.map((r, i) => [formatW(list(r)), got[i], want[i]]).filter(([, g, w]) => g !== w)).toEqual([]);
  });
});

describe('decode_packet/3', () => {
  const b = (...xs: number[]): Term => new BitString(Uint8Array.from(xs), xs.length * 8);
  const t = (s: string): Term => new BitString(new TextEncoder().encode(s), new TextEncoder().encode(s).length * 8);
  const o = (...kv: [string, number][]): Term => list(kv.map(([k, v]) => [k, v]));
  const rows: Term[][] = [
    ['raw', b(), o()], ['raw', b(1, 2), o()], [0, b(1), o()], ['raw', b(1, 2, 3), o(['packet_size', 2])],
    [1, b(), o()], [1, b(3, 1, 2), o()], [1, b(2, 1, 2, 3), o()], [1, b(0), o()], [2, b(0), o()], [2, b(0, 2, 9), o()],
    [4, b(0, 0, 0, 1, 7, 8), o()], [4, b(0, 0, 0, 5, 7), o()], [4, b(0, 0, 0, 5), o(['packet_size', 4])],
    [2, b(0, 5, 1, 2, 3, 4, 5), o(['packet_size', 5])], ['line', t('abc\ndef'), o()], ['line', t('abc'), o()],
    ['line', t('abcdef'), o(['line_length', 4])], ['line', t('ab\r\ncd'), o()], ['line', t('a;b'), o(['line_delimiter', 59])],
    ['line', t('abcdef'), o(['packet_size', 3])], ['line', b(), o()], ['line', t('abc\n'), o(['packet_size', 3])],
    ['line', t('abc\n'), o(['packet_size', 4])], ['foo', b(), o()], [1, 'a', o()], [1, b(1), list(['bogus'])],
    [1, b(1), o(['packet_size', -1])], [1, new BitString(Uint8Array.of(0x80), 1), o()],
    ['tpkt', b(3, 0, 0, 6, 1, 2), o()], ['tpkt', b(3, 0, 0, 7, 1, 2), o()], ['tpkt', b(3, 0), o()], ['tpkt', b(2, 0, 0, 4), o()],
    ['sunrm', b(128, 0, 0, 2, 1, 2, 3), o()], ['sunrm', b(0, 0, 0, 2, 1), o()],
    ['fcgi', b(1, 1, 0, 1, 0, 2, 1, 0, 9, 9, 9, 7), o()], ['fcgi', b(1, 1, 0, 1, 0, 2, 1, 0, 9), o()],
    ['cdr', b(71, 73, 79, 80, 1, 0, 0, 0, 0, 0, 0, 2, 5, 6, 7), o()], ['cdr', b(71, 73, 79, 80, 1, 0, 1, 0, 2, 0, 0, 0, 5, 6, 7), o()],
    ['cdr', b(88, 73, 79, 80, 1, 0, 1, 0, 2, 0, 0, 0, 5, 6), o()],
    ['asn1', b(48, 3, 1, 2, 3, 4), o()], ['asn1', b(48, 129, 2, 1, 2), o()], ['asn1', b(48, 3, 1), o()],
    ['asn1', b(31, 129, 1, 1, 9), o()], ['asn1', b(48, 128, 1, 1, 0, 0, 5), o()], ['asn1', b(48), o()], ['asn1', b(31, 129), o()],
    [2, b(0, 1, 2), o(['packet_size', 0])], ['line', t('abcdef\n'), o(['line_length', 3], ['packet_size', 10])],
    [1, b(1, 2), o(['line_length', 3])], ['asn1', b(48, 130, 1, 0), o(['packet_size', 100])],
    ['sunrm', b(0, 0, 1, 0), o(['packet_size', 100])], ['line', t('x\n'), 'bad'],
  ];
  it(`matches erl on ${rows.length} framings`, async () => {
    const want = await erlOutcomes(rows.map((r) => `erlang:decode_packet(${r.map(toErlSource).join(', ')})`));
    const got = rows.map((r) => outcome(sysinfoBifs.get('decode_packet/3')!, r));
    expect(rows.map((r, i) => [formatW(list(r)), got[i], want[i]]).filter(([, g, w]) => g !== w)).toEqual([]);
  });
});

describe('decode_packet/3, HTTP types', () => {
  const t = (s: string): Term => new BitString(Uint8Array.from(s, (c) => c.charCodeAt(0)), s.length * 8);
  const LINES = [
    'GET / HTTP/1.1\r\n', 'POST /a/b?x=1 HTTP/1.0\r\nrest', 'FOO /x HTTP/1.1\r\n', 'GET * HTTP/1.1\r\n',
    'GET http://host:8080/p HTTP/1.1\r\n', 'GET https://host/p HTTP/1.1\r\n', 'GET ftp://x/y HTTP/1.1\r\n',
    'HTTP/1.1 200 OK\r\n', 'HTTP/1.0 404 Not Found\r\n', 'GET / HTTP/1.1', 'garbage\r\n', '\r\n', '\n',
    'GET / HTTP/1.1\n', 'get / HTTP/1.1\r\n', 'GET /\r\n', 'HTTP/1.1 200\r\n', 'GET  /  HTTP/1.1\r\n',
    'GET http://host HTTP/1.1\r\n', 'GET abc HTTP/1.1\r\n', 'OPTIONS * HTTP/1.1\r\n', 'CONNECT h:1 HTTP/1.1\r\n',
    'GET / HTTP/1.10\r\n', 'GET / HTTP/a.b\r\n', 'GET / http/1.1\r\n', 'GET / HTTP/1.1 \r\n', 'HTTP/1.1 abc OK\r\n',
    'GET http://host:abc/p HTTP/1.1\r\n', 'GET http://[::1]:80/p HTTP/1.1\r\n', 'GET mailto:x HTTP/1.1\r\n',
    'GET HTTP://Host/P HTTP/1.1\r\n', 'GET / HTTP/1.1\r', 'HTTP/1.1 200 OK  \r\n', 'HTTP/1.1  200  OK\r\n',
    'PATCH /x HTTP/1.1\r\n', 'GET /x HTTP/2\r\n', ' GET / HTTP/1.1\r\n', 'GET\r\n', 'HTTP/1.1\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\n', 'GET /\u00e9 HTTP/1.1\r\n', 'GET http:// HTTP/1.1\r\n', 'GET http://h:8080 HTTP/1.1\r\n',
    'GET / HTTP/01.01\r\n', 'GET / HTTP/1.\r\n', 'GET a HTTP/1.1\r\n', 'GET http://h:0/ HTTP/1.1\r\n',
    'Content-Length: 12\r\nX', 'content-type:  text/html  \r\nX', 'X-Foo: bar\r\nX', 'x-foo-bar: baz\r\nX',
    'Host: a\r\n b\r\nX', 'Host: a\r\n\tb\r\n c\r\nX', 'Bad Header\r\nX', 'Host:\r\nX', 'HOST: x\r\nX', 'hOsT: x\r\nX',
    'Set-Cookie: a=b\r\nX', 'Host:x\r\nX', 'Host : x\r\nX', 'Host: x\nX', 'A: b\r\n\r\n', '\n\r\n', 'Foo_bar: 1\r\nX',
    'x-FOO: 1\r\nX', 'Content-MD5: z\r\nX', 'ETag: z\r\nX', 'WWW-Authenticate: z\r\nX', 'a-b-c-d: e\r\nX', ': x\r\nX',
    'Host: a b  \t\r\nX', 'Host: \u00ff\r\nX', '9host: x\r\nX', 'host-: x\r\nX', '-host: x\r\nX', 'X--y: x\r\nX',
    'Host: x\r\n\r\n', 'Host\r\nX', 'Host: x\ry\r\nX', '\r\r\nX', 'x:y\r\nX', 'Content-Length: 12\r\n', 'Host: a',
    `${'A'.repeat(51)}-b: v\r\nX`, `${'a'.repeat(50)}: v\r\nX`, 'Connection: close\r\nX: y\r\n', '\r\nX', 'A: b\r\n c',
  ];
  const OPTS: [string, string, Term][] = [
    ['http', 'GET /aaaaaaaaaa HTTP/1.1\r\n', list([['packet_size', 10]])],
    ['httph', 'Host: aaaaaaaaaaaa\r\nX', list([['packet_size', 10]])],
    ['http', 'GET /aaaaaaaaaa HTTP/1.1\r\n', list([['line_length', 10]])],
    ['http', 'GET /aaaaaaaaaa HTTP/1.1', list([['packet_size', 10]])],
    ['httph', 'Host: a\r\n b\r\nX', list([['packet_size', 12]])],
  ];
  for (const type of ['http', 'httph', 'http_bin', 'httph_bin']) {
    it(`${type}: ${LINES.length} lines as erl parses them`, async () => {
      const rows: Term[][] = [...LINES.map((l) => [type, t(l), list([])]), ...OPTS.map(([ty, l, o]) => [ty, t(l), o])];
      const want = await erlOutcomes(rows.map((r) => `erlang:decode_packet(${r.map(toErlSource).join(', ')})`));
      const got = rows.map((r) => outcome(sysinfoBifs.get('decode_packet/3')!, r));
      expect(rows.map((r, i) => [formatW(r[1]!), got[i], want[i]]).filter(([, g, w]) => g !== w)).toEqual([]);
    });
  }
});
