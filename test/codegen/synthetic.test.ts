/**
 * Instructions that OTP 25's erlc never emits but newer compilers do
 * (update_record and bs_match from OTP 26, executable_line from OTP 27,
 * debug_line from OTP 28). No newer erlc is installed, so each test takes a
 * module compiled by OTP 25, rewrites a function body into the newer
 * instruction in place (same length, so labels and blocks stay valid), and
 * checks that the result behaves like the original function on BEAM.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeModule } from '../../compiler/asm/decode.js';
import type { AsmModule, Instr, Operand } from '../../compiler/asm/types.js';
import { readBeam } from '../../compiler/beam/reader.js';
import { printModule } from '../../compiler/emit/print.js';
import { lowerModule } from '../../compiler/js/lower.js';
import type { CompiledModule } from '../../runtime/exec/load.js';
import { list } from '../../runtime/terms/types.js';
import { cacheDir, callErl, compileErl, newRuntime, outcomeText, repoRoot, type Compiled } from './harness.js';

const source = `-module(cg_syn).
-export([upd/1, bsm/1, t_upd/0, t_bsm/0]).
upd(T) -> setelement(2, T, x).
bsm(<<A:8, B:16/little, C/binary>>) -> {A, B, C};
bsm(_) -> nomatch.
t_upd() -> [upd({a, b, c}), upd({1, 2})].
t_bsm() -> [bsm(<<1, 2, 3, 4, 5>>), bsm(<<1, 2, 3>>), bsm(<<1, 2>>), bsm(<<1, 2, 3, 4:4>>), bsm(x)].
`;

const x = (n: number): Operand => ({ kind: 'x', n });
const u = (n: number): Operand => ({ kind: 'u', n });
const atom = (value: string): Operand => ({ kind: 'atom', value });
const int = (value: number): Operand => ({ kind: 'integer', value });
const instr = (like: Instr, name: string, args: Operand[]): Instr => ({ ...like, name, args });

function rewrite(asm: AsmModule): void {
  const upd = asm.functions.find((f) => f.name === 'upd')!;
  const at = upd.code.findIndex((i) => i.name === 'move');
  // {update_record, {atom,copy}, 3, {x,0}, {x,0}, {list, [2, {atom,x}]}}; return
  upd.code[at] = instr(upd.code[at]!, 'update_record',
    [atom('copy'), u(3), x(0), x(0), { kind: 'list', items: [u(2), atom('x')] }]);
  upd.code[at + 1] = instr(upd.code[at + 1]!, 'return', []);
  // executable_line / debug_line before it are no-ops.
  upd.code[at + 2] = instr(upd.code[at + 2]!, 'executable_line', [{ kind: 'location', index: 0, file: undefined, line: 3 }, u(1)]);
  const bsm = asm.functions.find((f) => f.name === 'bsm')!;
  const first = bsm.code.findIndex((i) => i.name === 'bs_get_integer2');
  const fail = bsm.code[first]!.args[0]!;
  const little: Operand = { kind: 'literal', index: 0, value: list(['little']) };
  const commands: Operand[] = [
    atom('ensure_at_least'), u(24), u(8),
    atom('integer'), u(1), { kind: 'nil' }, int(8), u(1), x(1),
    atom('integer'), u(2), little, int(16), u(1), x(2),
    atom('get_tail'), u(3), u(8), x(0),
  ];
  bsm.code[first] = instr(bsm.code[first]!, 'bs_match', [fail, x(0), { kind: 'list', items: commands }]);
  bsm.code[first + 1] = instr(bsm.code[first + 1]!, 'debug_line', [u(0), { kind: 'location', index: 0, file: undefined, line: 4 }, u(1), u(1)]);
  bsm.code[first + 2] = instr(bsm.code[first + 2]!, 'line', [{ kind: 'location', index: 0, file: undefined, line: 4 }]);
}

describe('OTP 26-28 instructions (synthesised)', () => {
  let original: Compiled;
  let mod: CompiledModule;
  let js: string;
  beforeAll(async () => {
    original = await compileErl(source);
    const asm = decodeModule(readBeam(new Uint8Array(readFileSync(original.beamPath)), original.beamPath));
    rewrite(asm);
    const program = lowerModule(asm, { runtimeImport: join(repoRoot, 'runtime', 'exec', 'index.ts'), beamFile: 'cg_syn.beam', md5: new Uint8Array(16) });
    const printed = printModule(program, 'cg_syn-synthetic.mjs', 'cg_syn.erl');
    js = printed.js;
    const dir = join(cacheDir, 'js');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'cg_syn-synthetic.mjs');
    writeFileSync(path, js);
    writeFileSync(`${path}.map`, printed.map);
    mod = ((await import(pathToFileURL(path).href)) as { __module: CompiledModule }).__module;
  });

  it('the rewritten code uses the new instructions', () => {
    const upd = js.slice(js.indexOf('function upd$1('), js.indexOf('function bsm$1('));
    expect(upd).toContain('.slice()'); // update_record copies the tuple
    expect(upd).not.toContain('.fn(p'); // no call to erlang:setelement/3 left
    const bsm = js.slice(js.indexOf('function bsm$1('));
    expect(bsm).toContain('R.bsGetInteger(');
    expect(bsm).toContain('R.bsGetTail(');
  });

  for (const t of ['t_upd', 't_bsm']) {
    it(`${t} behaves like the OTP 25 code on BEAM`, async () => {
      const rt = newRuntime([]);
      const { loadModule } = await import('../../runtime/exec/load.js');
      loadModule(rt, mod);
      let ours: string;
      try {
        ours = outcomeText({ ok: await rt.call('cg_syn', t, []) });
      } catch (e) {
        ours = outcomeText({ error: e as never });
      }
      expect(ours).toBe(await callErl(original, t));
    });
  }
});
