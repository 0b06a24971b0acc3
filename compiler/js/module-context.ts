/**
 * Module-level state of the lowering: the JS names of the Erlang functions,
 * and every constant hoisted to the top of the generated module (literals,
 * import cells, function infos, catch tags, fun descriptors). Constants are
 * created on first use and printed in a fixed order, so the output is
 * deterministic.
 */
import type * as E from 'estree';
import type { Term } from '../../runtime/terms/types.js';
import type { AsmFunction, AsmModule, FunOp } from '../asm/types.js';
import * as b from './builders.js';
import { literalExpr } from './literals.js';
import { tailingFunctions } from './tail.js';
import { nifStubs } from './nif-stubs.js';

/** The namespace identifier the runtime is imported as. */
export const R = 'R';

/** `R.name` */
export const rt = (name: string): E.Expression => b.member(b.id(R), name);

export interface CompileOptions {
  /** Module specifier the generated code imports the runtime from. */
  runtimeImport?: string;
}

/** `foo-bar/2` → `foo_bar$2` (deduplicated by the caller). */
function mangle(name: string, arity: number): string {
  let s = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (s === '' || /^[0-9]/.test(s)) s = `_${s}`;
  return `${s}$${arity}`;
}

/** The modules erts preloads (erts's ebin); BEAM runs them without their Line chunk. */
const PRELOADED = new Set(['atomics', 'counters', 'erl_init', 'erl_prim_loader', 'erl_tracer', 'erlang',
  'erts_code_purger', 'erts_dirty_process_signal_handler', 'erts_internal', 'erts_literal_area_collector', 'init',
  'persistent_term', 'prim_buffer', 'prim_eval', 'prim_file', 'prim_inet', 'prim_net', 'prim_socket', 'prim_zip',
  'socket_registry', 'zlib']);

export class ModuleContext {
  readonly name: string;
  /** JS function name by entry label. */
  private readonly jsNames = new Map<number, string>();
  private readonly literals = new Map<number, [string, Term]>();
  private readonly imports = new Map<string, [string, E.Expression]>();
  private readonly fnInfos = new Map<AsmFunction, string>();
  private readonly catchTags = new Map<number, string>();
  private readonly funDescs = new Map<number, [string, FunOp]>();
  /** Entry labels of the functions that may return TAIL (tail.ts). */
  private readonly tailing: Set<number>;
  private readonly stubs: Set<number>;

  constructor(
    readonly asm: AsmModule,
    /** The module's MD5 (the `uniq` of its funs). */
    readonly md5: Uint8Array,
  ) {
    this.name = asm.name;
    const used = new Set<string>();
    for (const f of asm.functions) {
      let n = mangle(f.name, f.arity);
      for (let k = 2; used.has(n); k++) n = `${mangle(f.name, f.arity)}$${k}`;
      used.add(n);
      this.jsNames.set(f.entryLabel, n);
    }
    this.stubs = nifStubs(asm);
    this.tailing = tailingFunctions(asm, (label) => !this.stubs.has(label));
  }

  /** Whether a call to the local function at `label` may return TAIL. */
  mayTail(label: number): boolean {
    // A NIF stub's call goes to its BIF, which may hand over a tail call.
    return this.tailing.has(label) || this.stubs.has(label);
  }

  /** Whether a return of a call to the JS function `name` of this module never returns TAIL. */
  neverTails(name: string): boolean {
    this.labelsByName ??= new Map([...this.jsNames].map(([label, n]) => [n, label]));
    const label = this.labelsByName.get(name);
    return label !== undefined && !this.mayTail(label);
  }

  private labelsByName: Map<string, number> | undefined;

  /** Whether the local function at `label` is a NIF stub (calls go through the registry). */
  isNifStub(label: number): boolean {
    return this.stubs.has(label);
  }

  /** The JS name of the function whose entry label is `label`. */
  fnName(label: number): string {
    const n = this.jsNames.get(label);
    if (n === undefined) throw new Error(`no function at label ${label}`);
    return n;
  }

  /** A literal table entry, hoisted as `L<index>`. */
  literal(index: number, value: Term): E.Expression {
    let e = this.literals.get(index);
    if (e === undefined) {
      e = [`L${index}`, value];
      this.literals.set(index, e);
    }
    return b.id(e[0]);
  }

  /** The import cell of `M:F/A`, hoisted as `E<n>`. */
  ext(m: string, f: string, a: number): E.Expression {
    const key = `${m}\u0000${f}\u0000${a}`;
    let e = this.imports.get(key);
    if (e === undefined) {
      e = [`E${this.imports.size}`, b.call(rt('ext'), b.str(m), b.str(f), b.num(a))];
      this.imports.set(key, e);
    }
    return b.id(e[0]);
  }

  /** `R.FnInfo` of a function, hoisted as `I<n>`. */
  fnInfo(f: AsmFunction): E.Expression {
    let n = this.fnInfos.get(f);
    if (n === undefined) {
      n = `I${this.fnInfos.size}`;
      this.fnInfos.set(f, n);
    }
    return b.id(n);
  }

  /** A catch tag for handler label `label`, hoisted as `C<label>`. */
  catchTag(label: number): E.Expression {
    let n = this.catchTags.get(label);
    if (n === undefined) {
      n = `C${label}`;
      this.catchTags.set(label, n);
    }
    return b.id(n);
  }

  /** The descriptor of FunT row `f`, hoisted as `F<row>`. */
  funDesc(f: FunOp): E.Expression {
    let e = this.funDescs.get(f.row);
    if (e === undefined) {
      e = [`F${f.row}`, f];
      this.funDescs.set(f.row, e);
    }
    return b.id(e[0]);
  }

  private readonly hoisted = new Map<string, [string, E.Expression]>();

  /**
   * Hoist a constant expression (binary specs, strings) as `<prefix><n>`;
   * the same `key` gives the same constant (a function is lowered twice when
   * it has a resume copy).
   */
  hoist(prefix: string, key: string, init: () => E.Expression): E.Expression {
    let e = this.hoisted.get(key);
    if (e === undefined) {
      e = [`${prefix}${this.hoisted.size}`, init()];
      this.hoisted.set(key, e);
    }
    return b.id(e[0]);
  }

  /** The hoisted constant declarations, in a deterministic order. */
  declarations(): E.Statement[] {
    const out: E.Statement[] = [];
    const lits = [...this.literals.entries()].sort((a, c) => a[0] - c[0]);
    for (const [, [name, value]] of lits) out.push(b.constDecl(name, literalExpr(value)));
    for (const [name, init] of this.imports.values()) out.push(b.constDecl(name, init));
    for (const [f, name] of this.fnInfos) {
      // erts's preloaded modules carry no line information on BEAM: their frames' locations are [].
      const file = PRELOADED.has(this.name) ? undefined : f.file;
      out.push(b.constDecl(name, b.newExpr(rt('FnInfo'), b.str(this.name), b.str(f.name), b.num(f.arity),
        file === undefined ? b.id('undefined') : b.str(file))));
    }
    const tags = [...this.catchTags.entries()].sort((a, c) => a[0] - c[0]);
    for (const [label, name] of tags) out.push(b.constDecl(name, b.newExpr(rt('CatchTag'), b.num(label))));
    const funs = [...this.funDescs.values()].sort((a, c) => a[1].row - c[1].row);
    for (const [name, init] of this.hoisted.values()) out.push(b.constDecl(name, init));
    // The module's MD5: the uniq of its funs and module_info(md5).
    out.unshift(b.constDecl('UNIQ', b.call(rt('hexBytes'), b.str(hex(this.md5)))));
    for (const [name, f] of funs) {
      out.push(b.constDecl(name, b.newExpr(rt('FunDesc'),
        b.str(this.name), b.num(f.index), b.id('UNIQ'), b.num(f.oldUniq), b.num(f.arity - f.numFree),
        b.id(this.fnName(f.label)), b.str(f.name))));
    }
    return out;
  }
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
