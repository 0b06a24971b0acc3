/**
 * BIFs of beamjs's own `beamjs` module: what the Erlang parts of the runtime
 * (runtime/erl/*.erl) need from the host.
 */
import { ErlangError } from '../process/protocol.js';
import { BitString, Cons, NIL, type Term } from '../terms/types.js';

type Bif = (p: any, ...args: any[]) => Term;

/** Chardata (unicode: code points and UTF-8 binaries; latin1: bytes) as a JS string. */
export function chardataToString(t: Term, encoding: 'unicode' | 'latin1'): string | undefined {
  const out: string[] = [];
  const max = encoding === 'latin1' ? 255 : 0x10ffff;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // Explicit stack (deep lists must not overflow the JS stack); `tail` marks a
  // list's tail position, where only [] or a binary may stand.
  const stack: { t: Term; tail: boolean }[] = [{ t, tail: false }];
  while (stack.length > 0) {
    const { t: x, tail } = stack.pop()!;
    if (x instanceof Cons) {
      stack.push({ t: x.tl, tail: true }, { t: x.hd, tail: false });
    } else if (x instanceof BitString) {
      if ((x.bitSize & 7) !== 0) return undefined;
      if (encoding === 'latin1') for (const b of x.bytes) out.push(String.fromCharCode(b));
      else {
        try {
          out.push(utf8.decode(x.bytes));
        } catch {
          return undefined;
        }
      }
    } else if (x === NIL) {
      continue;
    } else if (typeof x === 'number' && !tail) {
      if (x < 0 || x > max || (x >= 0xd800 && x <= 0xdfff)) return undefined;
      out.push(String.fromCodePoint(x));
    } else {
      return undefined;
    }
  }
  return out.join('');
}

const putChars: Bif = (p, stream: Term, encoding: Term, chars: Term) => {
  if ((stream !== 'standard_output' && stream !== 'standard_error') || (encoding !== 'unicode' && encoding !== 'latin1')) {
    throw new ErlangError('error', 'badarg');
  }
  const text = chardataToString(chars, encoding as 'unicode' | 'latin1');
  if (text === undefined) throw new ErlangError('error', 'badarg');
  (stream === 'standard_output' ? p.rt.stdout : p.rt.stderr)(text);
  return 'ok';
};

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * `beamjs:write(Stream, Binary)`: bytes an I/O server has encoded for its
 * device, written as they are (the host's byte writer), or decoded for a
 * text-only host: UTF-8 when they are valid UTF-8, else latin1.
 */
const write: Bif = (p, stream: Term, bin: Term) => {
  if ((stream !== 'standard_output' && stream !== 'standard_error') || !(bin instanceof BitString) || (bin.bitSize & 7) !== 0) {
    throw new ErlangError('error', 'badarg');
  }
  const bytes = bin.bytes.subarray(0, bin.bitSize >>> 3);
  const which = stream === 'standard_output' ? 'stdout' : 'stderr';
  if (p.rt.writeBytes !== undefined) {
    p.rt.writeBytes(which, bytes);
    return 'ok';
  }
  let text: string;
  try {
    text = utf8Strict.decode(bytes);
  } catch {
    // ISO-8859-1 byte for byte (TextDecoder's 'latin1' is windows-1252).
    text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  }
  (which === 'stdout' ? p.rt.stdout : p.rt.stderr)(text);
  return 'ok';
};

export const beamjsBifs: Map<string, Bif> = new Map([
  ['put_chars/3', putChars],
  ['write/2', write],
]);
