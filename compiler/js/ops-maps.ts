/**
 * Lowering of map instructions. Updates go through runtime helpers that
 * return `undefined` on failure with the reason (`{badmap,M}`,
 * `{badkey,K}`) in `R.failure`, like the guard BIFs.
 */
import type * as E from 'estree';
import type { Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);
const items = (op: Operand | undefined): readonly Operand[] => (op?.kind === 'list' ? op.items : []);

/** put_map_assoc / put_map_exact: Fail Src Dst Live {list,[K,V,...]} */
const putMap = (helper: string) => (c: FnContext, ins: Instr): void => {
  const [fail, src, dst, , list] = ins.args;
  const kvs = b.array(items(list).map((o) => c.src(o)));
  const call = b.call(rt(helper), c.src(src!), kvs);
  const f = label(fail);
  if (f === 0) {
    c.set(dst!, b.logical('??', call, b.call(rt('opFail'), c.fi(), b.num(c.line, c.pos()))));
    return;
  }
  const t = c.temp();
  c.emit(b.set(t, call));
  c.emit(b.ifStmt(b.eq(t, b.id('undefined')), [
    b.set(b.member(rt('failure'), 'reason'), b.id('undefined')),
    ...c.goto(f),
  ]));
  c.set(dst!, t);
};

/**
 * get_map_elements Fail Src {list,[K1,D1,...]}: every key must be present.
 * Values go to temporaries first so that a destination naming Src, or a
 * failure half-way, leaves the registers as BEAM would need them.
 */
function getMapElements(c: FnContext, ins: Instr): void {
  const [fail, src, list] = ins.args;
  const pairs = items(list);
  const f = label(fail);
  const m = c.temp(0);
  c.emit(b.set(m, c.src(src!)));
  const temps: E.Identifier[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const t = c.temp(2 + i / 2);
    temps.push(t);
    c.emit(b.set(t, b.call(rt('mapGet'), m, c.src(pairs[i]!))));
    c.emit(b.ifStmt(b.eq(t, b.id('undefined')), c.goto(f)));
  }
  for (let i = 0; i + 1 < pairs.length; i += 2) c.set(pairs[i + 1]!, temps[i / 2]!);
}

function hasMapFields(c: FnContext, ins: Instr): void {
  const [fail, src, list] = ins.args;
  const m = c.src(src!);
  const tests = items(list).map((k) => b.call(rt('mapHas'), m, c.src(k)));
  c.test(b.and(...tests), label(fail));
}

export const MAP_OPS: LowerTable = {
  put_map_assoc: putMap('mapAssoc'),
  put_map_exact: putMap('mapExact'),
  get_map_elements: getMapElements,
  has_map_fields: hasMapFields,
};
