/**
 * Client of the long-lived `erl` reference server (see beamjs_ref_server.erl).
 *
 *   await erl.eval('lists:sort([b, a])')   // term_to_binary bytes of the value
 *   await erl.text('io_lib:format("~w", [x])')  // the chardata value as a string
 *
 * Requests are pipelined over one socket per test worker and answered in order.
 */
import net from 'node:net';
import { inject } from 'vitest';

type Pending = { resolve: (b: Buffer) => void; reject: (e: Error) => void };

class ErlClient {
  private sock: net.Socket | undefined;
  private pending: Pending[] = [];
  private buf: Buffer = Buffer.alloc(0);

  private connect(): net.Socket {
    if (this.sock) return this.sock;
    const port = inject('erlPort');
    const sock = net.createConnection({ host: '127.0.0.1', port });
    sock.on('data', (d) => this.onData(d));
    sock.on('error', (e) => this.failAll(e));
    sock.on('close', () => this.failAll(new Error('erl reference server closed the connection')));
    sock.unref();
    this.sock = sock;
    return sock;
  }

  private failAll(e: Error): void {
    const p = this.pending;
    this.pending = [];
    this.sock = undefined;
    for (const x of p) x.reject(e);
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    while (this.buf.length >= 4) {
      const len = this.buf.readUInt32BE(0);
      if (this.buf.length < 4 + len) break;
      const frame = this.buf.subarray(4, 4 + len);
      this.buf = this.buf.subarray(4 + len);
      const p = this.pending.shift();
      if (!p) continue;
      if (frame[0] === 0) p.resolve(Buffer.from(frame.subarray(1)));
      else p.reject(new Error(`erl: ${frame.subarray(1).toString('utf8')}`));
    }
  }

  private request(mode: 'b' | 't', expr: string): Promise<Buffer> {
    const sock = this.connect();
    const body = Buffer.from(mode + expr, 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      sock.write(Buffer.concat([head, body]));
    });
  }

  /** term_to_binary(Value, [{minor_version,2}]) of the expressions' value. */
  async eval(expr: string): Promise<Uint8Array> {
    return new Uint8Array(await this.request('b', expr));
  }

  /** The expressions' value, which must be chardata, as a JS string. */
  async text(expr: string): Promise<string> {
    return (await this.request('t', expr)).toString('utf8');
  }
}

export const erl = new ErlClient();
