/**
 * Loading compiled modules into a runtime's module registry, and the
 * `erlang:get_module_info/1,2` BIFs behind every module's `module_info/0,1`.
 *
 * A generated module exports `__module` (compiler/js/lower.ts):
 *   { name, functions: [[Name, Arity, Fn, Exported], ...], attributes,
 *     compileInfo, md5 }
 * Only exported functions are registered (calling a local function from
 * outside is `undef`, as on BEAM).
 */
import { ErlangError } from '../process/protocol.js';
import { BitString, list, type Atom, type Term } from '../terms/types.js';
import type { ErlFn } from '../process/protocol.js';
import { markCompiled, type FunDesc } from './calls.js';
import { internAtoms } from '../bifs/atoms.js';

export interface CompiledModule {
  readonly name: Atom;
  readonly functions: readonly (readonly [Atom, number, ErlFn, boolean])[];
  /** The FunDesc of every FunT row, by index (to give decoded funs their code). */
  readonly funs?: readonly FunDesc[];
  /** The `-on_load` function, `[Name, Arity]`, which the loader should run. */
  readonly onLoad?: readonly [Atom, number] | undefined;
  readonly attributes: Term;
  readonly compileInfo: Term;
  readonly md5: Uint8Array;
  /** The atoms loading the module creates (see compiler/js/lower.ts), absent in older output. */
  readonly atoms?: readonly Atom[];
}

interface Registry {
  registerModule(name: Atom, table: Iterable<readonly [string, ErlFn]>): void;
  extendModule(name: Atom, table: Iterable<readonly [string, ErlFn]>): void;
  lookup(m: Atom, f: Atom, a: number): ErlFn | undefined;
  isLoaded(m: Atom): boolean;
}

/** Loaded module metadata per registry. */
const loaded = new WeakMap<object, Map<Atom, CompiledModule>>();

/** Register a compiled module (replacing an older version). */
export function loadModule(rt: { modules: Registry }, mod: CompiledModule): void {
  const reg = rt.modules;
  let mods = loaded.get(reg);
  const first = mods === undefined;
  if (mods === undefined) {
    mods = new Map();
    loaded.set(reg, mods);
  }
  mods.set(mod.name, mod);
  if (mod.atoms !== undefined) internAtoms(mod.atoms);
  const table: [string, ErlFn][] = [];
  for (const [name, arity, fn, exported] of mod.functions) {
    markCompiled(fn);
    if (exported) table.push([`${name}/${arity}`, fn]);
  }
  reg.registerModule(mod.name, table);
  // Loading erlang.beam replaces the erlang table (its BIFs are nif_error
  // stubs): put these back. BIF tables laid over it afterwards may override them.
  if (first || mod.name === 'erlang') installModuleInfoBifs(reg);
}

/**
 * erlang:delete_module/1: drop compiled module `name` from the registry (the
 * next call loads it again through the registry's loader). Call sites that
 * cached its functions are reset; processes running its code go on with it.
 * False when `name` is not a compiled module (BIF modules and `erlang` stay).
 */
export function unloadModule(reg: { deleteModule(name: Atom): boolean }, name: Atom): boolean {
  const mods = loaded.get(reg);
  if (name === 'erlang' || mods === undefined || !mods.has(name)) return false;
  mods.delete(name);
  return reg.deleteModule(name);
}

/** The loaded compiled module `name` of a registry, if any. */
export function compiledModule(reg: object, name: Atom): CompiledModule | undefined {
  return loaded.get(reg)?.get(name);
}

function installModuleInfoBifs(reg: Registry): void {
  const info = (p: any, m: Term, key?: Term): Term => {
    const mod = typeof m === 'string' ? compiledModule(p.rt.modules, m) : undefined;
    if (mod === undefined) throw new ErlangError('error', 'badarg');
    return key === undefined ? moduleInfo(mod) : moduleInfoItem(mod, key);
  };
  const bifs: [string, ErlFn][] = [
    ['get_module_info/1', (p, m) => info(p, m)],
    ['get_module_info/2', (p, m, k) => info(p, m, k)],
  ];
  // erlang:module_loaded/1 answers from the registry.
  bifs.push(['module_loaded/1', (p, m) => {
    if (typeof m !== 'string') throw new ErlangError('error', 'badarg');
    return (p.rt.modules as Registry).isLoaded(m) ? 'true' : 'false';
  }]);
  reg.extendModule('erlang', bifs);
}

const ITEMS = ['module', 'exports', 'attributes', 'compile', 'md5'];

function moduleInfo(mod: CompiledModule): Term {
  return list(ITEMS.map((k) => [k, moduleInfoItem(mod, k)]));
}

function moduleInfoItem(mod: CompiledModule, key: Term): Term {
  switch (key) {
    case 'module':
      return mod.name;
    case 'exports':
      return list(mod.functions.filter((f) => f[3]).map(([n, a]) => [n, a]));
    case 'functions':
      return list(mod.functions.map(([n, a]) => [n, a]));
    case 'attributes':
      return mod.attributes;
    case 'compile':
      return mod.compileInfo;
    case 'md5':
      return new BitString(mod.md5, 128);
    case 'nifs':
      return list([]);
    default:
      throw new ErlangError('error', 'badarg');
  }
}
