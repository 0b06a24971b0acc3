/**
 * Starts the long-lived `erl` reference server (beamjs_ref_server.erl) that
 * differential tests ask for BEAM's answers. vitest's global setup starts one
 * per test run; scripts outside vitest (bench) may start their own.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const cacheDir = join(repoRoot, '.cache');

export interface RefServer {
  port: number;
  stop(): void;
}

function compileServer(): string {
  const outDir = join(cacheDir, 'test-erl');
  mkdirSync(outDir, { recursive: true });
  const src = join(here, 'beamjs_ref_server.erl');
  const beam = join(outDir, 'beamjs_ref_server.beam');
  if (!existsSync(beam) || statSync(beam).mtimeMs < statSync(src).mtimeMs) {
    execFileSync('erlc', ['-o', outDir, src], { stdio: 'inherit' });
  }
  return outDir;
}

export function startRefServer(): Promise<RefServer> {
  const ebin = compileServer();
  const child: ChildProcess = spawn(
    'erl',
    ['-noshell', '-pa', ebin, '-s', 'beamjs_ref_server', 'main'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolveP, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = /PORT (\d+)/.exec(buf);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolveP({
          port: Number(m[1]),
          stop: () => {
            child.stdin!.end();
            setTimeout(() => child.kill(), 2000).unref();
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`erl reference server exited early (status ${code})`)));
  });
}
