/**
 * The HTTP packet types of erlang:decode_packet/3 (http, httph, http_bin,
 * httph_bin): framing a line (with header continuation lines for httph) and
 * parsing it as OTP 25's erts does:
 *
 *   {http_request, Method, Uri, {Major, Minor}}   Method an atom when known
 *   {http_response, {Major, Minor}, Status, Reason}
 *   {http_header, Index, Field, OriginalField, Value}   Index 1..52 when known
 *   http_eoh                                      (httph: the empty line)
 *   {http_error, Line}                            a line that does not parse
 *
 * Strings are byte lists for http/httph and binaries for the *_bin types.
 * http parses only the start line; headers are read with httph.
 */
import { BitString, list, type Term } from '../terms/types.js';

const HEADERS = [
  'Cache-Control', 'Connection', 'Date', 'Pragma', 'Transfer-Encoding', 'Upgrade', 'Via', 'Accept', 'Accept-Charset',
  'Accept-Encoding', 'Accept-Language', 'Authorization', 'From', 'Host', 'If-Modified-Since', 'If-Match',
  'If-None-Match', 'If-Range', 'If-Unmodified-Since', 'Max-Forwards', 'Proxy-Authorization', 'Range', 'Referer',
  'User-Agent', 'Age', 'Location', 'Proxy-Authenticate', 'Public', 'Retry-After', 'Server', 'Vary', 'Warning',
  'Www-Authenticate', 'Allow', 'Content-Base', 'Content-Encoding', 'Content-Language', 'Content-Length',
  'Content-Location', 'Content-Md5', 'Content-Range', 'Content-Type', 'Etag', 'Expires', 'Last-Modified',
  'Accept-Ranges', 'Set-Cookie', 'Set-Cookie2', 'X-Forwarded-For', 'Cookie', 'Keep-Alive', 'Proxy-Connection',
];
const METHODS = new Set(['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE']);
/** Longer field names are returned as received, without case normalisation. */
const MAX_NAME = 50;

const isSp = (c: number | undefined): boolean => c === 32 || c === 9;
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;
/** RFC 2616 separators and controls: what cannot be in a token. */
const isTspecial = (c: number): boolean => c <= 32 || c >= 127 || '()<>@,;:\\"/[]?={} \t'.includes(String.fromCharCode(c));

/**
 * packet_get_length for the HTTP types: the packet length, 0 for more, -1
 * for invalid. `headers` (httph) lets a line continue on the next when that
 * starts with a space or tab, which needs the next byte to decide.
 */
export function httpLength(b: Uint8Array, n: number, maxLen: number, truncLen: number, headers: boolean): number {
  if ((n === 1 && b[0] === 10) || (n === 2 && b[0] === 13 && b[1] === 10)) return n;
  const max = maxLen !== 0 ? maxLen : truncLen;
  let from = 0;
  for (;;) {
    const nl = b.subarray(0, n).indexOf(10, from);
    if (nl < 0) return max !== 0 && n >= max ? -1 : 0;
    const len = nl + 1;
    if (headers && len >= n) return max !== 0 && len > max ? -1 : 0;
    if (headers && isSp(b[len]) && len > 2) {
      from = len;
      continue;
    }
    return max !== 0 && len > max ? -1 : len;
  }
}

/** Reads an unsigned decimal at `i`; undefined when there is no digit. */
function digits(b: Uint8Array, i: number, end: number): [number, number] | undefined {
  let v = 0;
  const start = i;
  while (i < end && isDigit(b[i])) v = v * 10 + b[i++]! - 48;
  return i === start ? undefined : [v, i];
}

/** "Major.Minor" at `i`. */
function version(b: Uint8Array, i: number, end: number): [number, number, number] | undefined {
  const major = digits(b, i, end);
  if (major === undefined || major[1] >= end || b[major[1]] !== 46) return undefined;
  const minor = digits(b, major[1] + 1, end);
  return minor === undefined ? undefined : [major[0], minor[0], minor[1]];
}

type Str = (bytes: Uint8Array) => Term;

function uri(b: Uint8Array, str: Str): Term {
  if (b.length === 1 && b[0] === 42) return '*';
  if (b.length <= 1 || b[0] === 47) return ['abs_path', str(b)];
  const lower = new TextDecoder('latin1').decode(b.subarray(0, 8)).toLowerCase();
  const scheme = lower.startsWith('http://') ? 'http' : lower.startsWith('https://') ? 'https' : undefined;
  if (scheme !== undefined) return absoluteUri(scheme, b.subarray(scheme.length + 3), str);
  const colon = b.indexOf(58);
  return colon < 0 ? str(b) : ['scheme', str(b.subarray(0, colon)), str(b.subarray(colon + 1))];
}

/** host[:port][/path]; a port that is not all digits (or is 0) is `undefined`. */
function absoluteUri(scheme: string, b: Uint8Array, str: Str): Term {
  const slash = b.indexOf(47);
  const hostPort = slash < 0 ? b : b.subarray(0, slash);
  const path = slash < 0 ? Uint8Array.of(47) : b.subarray(slash);
  const colon = hostPort.indexOf(58);
  if (colon < 0) return ['absoluteURI', scheme, str(hostPort), 'undefined', str(path)];
  const port = digits(hostPort, colon + 1, hostPort.length);
  const ok = port !== undefined && port[1] === hostPort.length && port[0] !== 0;
  return ['absoluteURI', scheme, str(hostPort.subarray(0, colon)), ok ? port![0] : 'undefined', str(path)];
}

function startLine(b: Uint8Array, n: number, str: Str): Term | undefined {
  const text = (i: number, j: number): Term => str(b.subarray(i, j));
  if (n >= 5 && new TextDecoder('latin1').decode(b.subarray(0, 5)) === 'HTTP/') {
    const v = version(b, 5, n);
    if (v === undefined) return undefined;
    let i = v[2];
    const sp = i;
    while (i < n && isSp(b[i])) i++;
    if (i === sp) return undefined;
    let status = 0;
    while (i < n && isDigit(b[i])) status = status * 10 + b[i++]! - 48;
    const afterStatus = i;
    while (i < n && isSp(b[i])) i++;
    if (i === afterStatus && i < n) return undefined;
    return ['http_response', [v[0], v[1]], status, text(i, n)];
  }
  let i = 0;
  while (i < n && !isTspecial(b[i]!)) i++;
  const methodEnd = i;
  if (i === n || methodEnd === 0 || !isSp(b[i])) return undefined;
  const name = new TextDecoder('latin1').decode(b.subarray(0, methodEnd));
  const method = METHODS.has(name) ? name : text(0, methodEnd);
  while (i < n && isSp(b[i])) i++;
  const uriStart = i;
  while (i < n && !isSp(b[i])) i++;
  if (i === uriStart) return undefined;
  const u = uri(b.subarray(uriStart, i), str);
  while (i < n && isSp(b[i])) i++;
  if (i === n) return ['http_request', method, u, [0, 9]];
  if (n - i < 8 || new TextDecoder('latin1').decode(b.subarray(i, i + 5)) !== 'HTTP/') return undefined;
  const v = version(b, i + 5, n);
  return v === undefined ? undefined : ['http_request', method, u, [v[0], v[1]]];
}

function header(b: Uint8Array, n: number, str: Str): Term | undefined {
  if (n === 0) return 'http_eoh';
  const name: number[] = [];
  let up = true;
  let i = 0;
  while (!isTspecial(b[i]!)) {
    let c = b[i]!;
    if (up) {
      if (c >= 97 && c <= 122) c -= 32;
      up = false;
    } else if (c >= 65 && c <= 90) c += 32;
    else if (c === 45) up = true;
    name.push(c);
    if (++i === n) return undefined;
  }
  if (b[i] !== 58) return undefined;
  const original = b.subarray(0, i);
  const normal = i <= MAX_NAME ? Uint8Array.from(name) : original;
  const known = HEADERS.indexOf(new TextDecoder('latin1').decode(normal));
  i++;
  while (i < n && isSp(b[i])) i++;
  const field = known >= 0 ? HEADERS[known]! : str(normal);
  return ['http_header', known + 1, field, str(original), str(b.subarray(i, n))];
}

/** Parses one framed packet; `{http_error, Packet}` when it does not parse. */
export function parseHttp(packet: Uint8Array, headers: boolean, bin: boolean): Term {
  const str: Str = bin ? (x) => new BitString(x.slice(), x.length * 8) : (x) => list(Array.from(x));
  let n = packet.length;
  if (n >= 2 && packet[n - 2] === 13) n -= 2;
  else if (n >= 1 && packet[n - 1] === 10) n -= 1;
  const r = headers ? header(packet, n, str) : startLine(packet, n, str);
  return r ?? ['http_error', str(packet)];
}

