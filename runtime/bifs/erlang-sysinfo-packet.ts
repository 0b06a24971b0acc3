/**
 * erlang:decode_packet/3: the framing packet types raw (0), 1, 2, 4, line,
 * asn1, sunrm, cdr, fcgi and tpkt, and the HTTP ones (./erlang-sysinfo-http.ts),
 * with the packet_size, line_length and line_delimiter options, as erts'
 * packet parser frames them:
 *
 *   {ok, Packet, Rest}    a whole packet (1/2/4 without their length header,
 *                         the other types with theirs)
 *   {more, Length}        the total length needed, once the header is in
 *   {more, undefined}     the header itself is incomplete
 *   {error, invalid}      bad header, or a packet over packet_size
 */
import { BitString, type Term } from '../terms/types.js';
import { badarg, properList } from './erlang-args.js';
import { httpLength, parseHttp } from './erlang-sysinfo-http.js';

interface Options {
  maxLen: number;
  truncLen: number;
  delimiter: number;
}

function options(t: Term): Options {
  const o: Options = { maxLen: 0, truncLen: 0, delimiter: 10 };
  for (const opt of properList(t)) {
    if (!Array.isArray(opt) || opt.length !== 2) return badarg();
    const [k, v] = opt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return badarg();
    if (k === 'packet_size') o.maxLen = v;
    else if (k === 'line_length') o.truncLen = v;
    else if (k === 'line_delimiter' && v <= 255) o.delimiter = v;
    else return badarg();
  }
  return o;
}

/** The outcome of framing: a packet [start, end) of the buffer, more, or invalid. */
type Frame = { start: number; end: number; restAt?: number } | { more: number | undefined } | 'invalid';

const uint = (b: Uint8Array, at: number, n: number, little = false): number => {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + b[little ? at + n - 1 - i : at + i]!;
  return v;
};

/** A header of `hlen` bytes announcing a total length; checks it against packet_size. */
function sized(n: number, hlen: number, total: number, body: number, o: Options, skipHeader: boolean): Frame {
  if (o.maxLen !== 0 && body > o.maxLen) return 'invalid';
  if (n < total) return { more: total };
  return { start: skipHeader ? hlen : 0, end: total };
}

function line(b: Uint8Array, n: number, o: Options): Frame {
  const i = b.subarray(0, n).indexOf(o.delimiter);
  if (i < 0) {
    if (o.maxLen !== 0 && n > o.maxLen) return 'invalid';
    if (o.truncLen !== 0 && n >= o.truncLen) return { start: 0, end: o.truncLen };
    return { more: undefined };
  }
  const len = i + 1;
  if (o.maxLen !== 0 && len > o.maxLen) return 'invalid';
  return { start: 0, end: o.truncLen !== 0 && len > o.truncLen ? o.truncLen : len };
}

/** BER: tag (low or high form), then a short, long or indefinite length. */
function asn1(b: Uint8Array, n: number, o: Options): Frame {
  let i = 1;
  if (n < 1) return { more: undefined };
  if ((b[0]! & 0x1f) === 0x1f) {
    do {
      if (i >= n) return { more: undefined };
    } while (b[i++]! & 0x80);
  }
  if (i >= n) return { more: undefined };
  const lb = b[i++]!;
  let len = lb;
  if (lb === 0x80) len = 0; // indefinite: erts frames the header alone
  else if (lb > 0x80) {
    const k = lb & 0x7f;
    if (k > 4) return 'invalid';
    if (i + k > n) return { more: undefined };
    len = uint(b, i, k);
    i += k;
  }
  return sized(n, i, i + len, len, o, false);
}

function frame(type: Term, b: Uint8Array, n: number, o: Options): Frame {
  switch (type) {
    case 'raw':
    case 0:
      return n === 0 ? { more: undefined } : { start: 0, end: n };
    case 1:
    case 2:
    case 4: {
      const h = type as number;
      if (n < h) return { more: undefined };
      const len = uint(b, 0, h);
      return sized(n, h, h + len, len, o, true);
    }
    case 'line':
      return line(b, n, o);
    case 'asn1':
      return asn1(b, n, o);
    case 'sunrm': {
      if (n < 4) return { more: undefined };
      const len = uint(b, 0, 4) % 2 ** 31;
      return sized(n, 4, 4 + len, len, o, false);
    }
    case 'fcgi': {
      if (n < 8) return { more: undefined };
      if (b[0] !== 1) return 'invalid';
      // The padding is consumed but, as in erts, not part of the packet.
      const content = uint(b, 4, 2);
      const len = content + b[6]!;
      const f = sized(n, 8, 8 + len, len, o, false);
      return 'end' in (f as object) ? { start: 0, end: 8 + content, restAt: 8 + len } : f;
    }
    case 'cdr': {
      if (n < 12) return { more: undefined };
      if (b[0] !== 0x47 || b[1] !== 0x49 || b[2] !== 0x4f || b[3] !== 0x50) return 'invalid';
      const len = uint(b, 8, 4, (b[6]! & 1) === 1);
      return sized(n, 12, 12 + len, len, o, false);
    }
    case 'tpkt': {
      if (n < 4) return { more: undefined };
      if (b[0] !== 3) return 'invalid';
      const total = uint(b, 2, 2);
      if (total < 4) return 'invalid';
      return sized(n, 4, total, total - 4, o, false);
    }
    default:
      return badarg();
  }
}

const HTTP_TYPES = new Map<Term, [headers: boolean, bin: boolean]>([
  ['http', [false, false]], ['httph', [true, false]], ['http_bin', [false, true]], ['httph_bin', [true, true]],
]);

export function decodePacket(type: Term, bin: Term, opts: Term): Term {
  if (!(bin instanceof BitString)) return badarg();
  const o = options(opts);
  const bytes = bin.bytes;
  // Only whole bytes count (a trailing partial byte is not data yet).
  const n = bin.bitSize >>> 3;
  const http = HTTP_TYPES.get(type);
  if (http !== undefined) {
    const len = httpLength(bytes, n, o.maxLen, o.truncLen, http[0]);
    if (len < 0) return ['error', 'invalid'];
    if (len === 0) return ['more', 'undefined'];
    const rest = new BitString(bytes.subarray(len), bin.bitSize - 8 * len);
    return ['ok', parseHttp(bytes.subarray(0, len), http[0], http[1]), rest];
  }
  const f = frame(type, bytes, n, o);
  if (f === 'invalid') return ['error', 'invalid'];
  if ('more' in f) return ['more', f.more ?? 'undefined'];
  const restAt = f.restAt ?? f.end;
  const rest = new BitString(bytes.subarray(restAt), bin.bitSize - 8 * restAt);
  return ['ok', new BitString(bytes.subarray(f.start, f.end), 8 * (f.end - f.start)), rest];
}
