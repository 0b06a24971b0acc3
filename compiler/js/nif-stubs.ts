/**
 * NIF stubs: functions whose body ends in `erlang:nif_error/1,2` (or that the
 * module's `-nifs` attribute names). In OTP the loaded NIF replaces such a
 * function's code, so a call from inside the module reaches the C function
 * too. In beamjs the C function is a BIF table laid over the module in the
 * registry (runtime/boot.ts); a local call to a stub must therefore go
 * through the module's import cell, not straight to the stub's JS function.
 */
import type { AsmModule, ExtFuncOp } from '../asm/types.js';
import { Cons, type Term } from '../../runtime/terms/types.js';

/** Entry labels of the module's NIF stubs. */
export function nifStubs(asm: AsmModule): Set<number> {
  const named = nifsAttribute(asm.attributes);
  const out = new Set<number>();
  for (const f of asm.functions) {
    if (named.has(`${f.name}/${f.arity}`)) {
      out.add(f.entryLabel);
      continue;
    }
    for (const ins of f.code) {
      if (ins.name !== 'call_ext' && ins.name !== 'call_ext_only' && ins.name !== 'call_ext_last') continue;
      const ext = ins.args[1] as ExtFuncOp | undefined;
      if (ext?.kind === 'extfunc' && ext.module === 'erlang' && ext.name === 'nif_error') {
        out.add(f.entryLabel);
        break;
      }
    }
  }
  return out;
}

/** `-nifs([F/A, ...])` entries as "F/A" (OTP 25+). */
function nifsAttribute(attrs: Term): Set<string> {
  const out = new Set<string>();
  for (let a: Term = attrs; a instanceof Cons; a = a.tl) {
    const kv = a.hd;
    if (!Array.isArray(kv) || kv[0] !== 'nifs') continue;
    for (let l: Term = kv[1]; l instanceof Cons; l = l.tl) {
      const fa = l.hd;
      if (Array.isArray(fa) && typeof fa[0] === 'string' && typeof fa[1] === 'number') out.add(`${fa[0]}/${fa[1]}`);
    }
  }
  return out;
}
