/**
 * BIFs of the `beamjs` module that reach the host (runtime/process/host.ts):
 * the code path and .beam files behind beamjs_code_server, standard input
 * behind beamjs_user, and init's arguments behind beamjs_init.
 */
import { badarg } from './erlang-args.js';
import type { CodeHost } from '../process/host.js';
import { BitString, Cons, NIL, Pid, binary, charlist, list, type Term } from '../terms/types.js';
import { chardataToString } from './beamjs.js';

type Bif = (p: any, ...args: any[]) => Term;

function codeHost(p: any): CodeHost | undefined {
  return p.rt.host.code as CodeHost | undefined;
}

/** A module name argument. */
function moduleName(t: Term): string {
  if (typeof t !== 'string') badarg();
  return t;
}

/** A file name argument (a string or a flat chardata). */
function fileName(t: Term): string {
  if (typeof t === 'string') return t;
  const s = chardataToString(t, 'unicode');
  if (s === undefined) badarg();
  return s;
}

const readInput: Bif = (p) => {
  const read = p.rt.host.readInput as (() => Promise<Uint8Array | undefined>) | undefined;
  if (read === undefined) return 'eof';
  return p.rt.awaitPromise(p, read(), (b: unknown) => (b === undefined ? 'eof' : binary(b as Uint8Array)));
};

const codePath: Bif = (p) => list((codeHost(p)?.path() ?? []).map(charlist));

const setCodePath: Bif = (p, dirs: Term) => {
  const host = codeHost(p);
  const out: string[] = [];
  for (let t = dirs; t !== NIL; t = (t as Cons).tl) {
    if (!(t instanceof Cons)) badarg();
    out.push(fileName(t.hd));
  }
  if (host === undefined) return ['error', 'bad_directory'];
  return host.setPath(out) === undefined ? 'ok' : ['error', 'bad_directory'];
};

const which: Bif = (p, m: Term) => {
  const f = codeHost(p)?.which(moduleName(m));
  return f === undefined ? 'non_existing' : charlist(f);
};

const objectCode: Bif = (p, m: Term) => {
  const oc = codeHost(p)?.objectCode(moduleName(m));
  return oc === undefined ? 'error' : [binary(oc.bytes), charlist(oc.file)];
};

const rootDir: Bif = (p) => charlist(codeHost(p)?.rootDir ?? '/');

const loadBinary: Bif = (p, m: Term, file: Term, bin: Term) => {
  const name = moduleName(m);
  const f = fileName(file);
  if (!(bin instanceof BitString) || (bin.bitSize & 7) !== 0) badarg();
  const load = codeHost(p)?.loadBinary;
  if (load === undefined) return ['error', 'badfile'];
  const bytes = bin.bytes.slice(0, bin.bitSize >>> 3);
  const done = load.call(codeHost(p), name, f, bytes).then(
    () => ['module', name] as Term,
    () => ['error', 'badfile'] as Term,
  );
  return p.rt.awaitPromise(p, done);
};

const initArgs: Bif = (p) => {
  const args = (p.rt.host.initArgs ?? []) as [string, string[]][];
  return list(args.map(([flag, values]) => [flag, list(values.map(charlist))]));
};

const plainArgs: Bif = (p) => list(((p.rt.host.plainArgs ?? []) as string[]).map(charlist));

/**
 * `beamjs:set_background(Pid)`: Pid's receive timers are housekeeping (an
 * idle timeout) and do not keep an otherwise waiting system running.
 */
const setBackground: Bif = (p, pid: Term) => {
  if (!(pid instanceof Pid)) badarg();
  p.rt.background.add(pid.id);
  return 'ok';
};

export const beamjsHostBifs: Map<string, Bif> = new Map([
  ['set_background/1', setBackground],
  ['read_input/0', readInput],
  ['code_path/0', codePath],
  ['set_code_path/1', setCodePath],
  ['which/1', which],
  ['object_code/1', objectCode],
  ['root_dir/0', rootDir],
  ['load_binary/3', loadBinary],
  ['init_args/0', initArgs],
  ['plain_args/0', plainArgs],
]);
