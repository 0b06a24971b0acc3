/**
 * BIFs of the `ets` module: the functions OTP 25's ets.erl leaves to
 * `erlang:nif_error/1`, laid over the compiled ets.beam (runtime/boot.ts).
 * ets.erl's Erlang parts (foldl/foldr, tab2list, match_delete,
 * delete_all_objects, repair_continuation, test_ms, ...) run as compiled code
 * on top of these.
 *
 *   ets-tables.ts   tables, registries, access, ownership, heir, fixation
 *   ets-store.ts    hash and ordered storage
 *   ets-ops.ts      insert/lookup/delete/update_counter/...
 *   ets-select.ts   select/match families and continuations
 *   ets-replace.ts  select_replace
 *   ets-info.ts     info/1,2
 *   match-spec*.ts  match specification compiler
 *
 * `all/0` is replaced too: ets.erl's version waits for one message per
 * scheduler (`erlang:system_info(schedulers)`); ours answers at once.
 */
import type { Process } from '../process/process.js';
import { Pid, list, type Term } from '../terms/types.js';
import { badarg, bifTable, listToArray, type Bif } from './erlang-args.js';
import { info1, info2 } from './ets-info.js';
import * as ops from './ets-ops.js';
import * as sel from './ets-select.js';
import {
  dropTable, etsState, newTable, safeFixtable, table, transfer, type EtsTable,
} from './ets-tables.js';
import { matchSpecBifs } from './ets-ms.js';

type P = Process;

function deleteTable(p: P, t: Term): Term {
  dropTable(etsState(p.rt), table(p, t, 'write'));
  return 'true';
}

function giveAway(p: P, t: Term, to: Term, data: Term): Term {
  const tab = table(p, t, 'none');
  if (tab.owner.id !== p.pid.id) return badarg();
  if (!(to instanceof Pid) || to.id === p.pid.id || p.rt.processOf(to) === undefined) return badarg();
  transfer(etsState(p.rt), tab, to, p.pid, data);
  return 'true';
}

function setopts(p: P, t: Term, opts: Term): Term {
  const tab = table(p, t, 'none');
  if (tab.owner.id !== p.pid.id) return badarg();
  const items = Array.isArray(opts) ? [opts] : listToArray(opts) ?? badarg();
  const apply: ((tb: EtsTable) => void)[] = [];
  for (const o of items) {
    if (!Array.isArray(o)) return badarg();
    if (o.length === 2 && o[0] === 'heir' && o[1] === 'none') {
      apply.push((tb) => { tb.heir = 'none'; tb.heirData = []; });
    } else if (o.length === 3 && o[0] === 'heir' && o[1] instanceof Pid) {
      const [, heir, data] = o as [Term, Pid, Term];
      apply.push((tb) => { tb.heir = heir; tb.heirData = data; });
    } else if (o.length === 2 && o[0] === 'protection' && (o[1] === 'public' || o[1] === 'protected' || o[1] === 'private')) {
      const prot = o[1];
      apply.push((tb) => { tb.protection = prot; });
    } else return badarg();
  }
  for (const f of apply) f(tab);
  return 'true';
}

function rename(p: P, t: Term, name: Term): Term {
  const tab = table(p, t, 'write');
  if (typeof name !== 'string') return badarg();
  const s = etsState(p.rt);
  if (tab.named) {
    const other = s.byName.get(name);
    if (other !== undefined && other !== tab) return badarg();
    s.byName.delete(tab.name);
    s.byName.set(name, tab);
  }
  tab.name = name;
  return tab.tid;
}

function whereis(p: P, name: Term): Term {
  if (typeof name !== 'string') return badarg();
  return etsState(p.rt).byName.get(name)?.id ?? 'undefined';
}

function all(p: P): Term {
  return list([...etsState(p.rt).byId.values()].map((t) => t.tid));
}

/** ets.erl's all/0 protocol: `{Ref, Tables}` messages, one per scheduler (we send one). */
function internalRequestAll(p: P): Term {
  const ref = p.rt.refs.make();
  p.rt.send(p.pid, [ref, all(p)]);
  return ref;
}

function fixtable(p: P, t: Term, on: Term): Term {
  if (on !== 'true' && on !== 'false') return badarg();
  safeFixtable(p, table(p, t, 'read'), on === 'true');
  return 'true';
}

export const etsBifs: Map<string, Bif> = bifTable([
  ['new/2', (p: P, n, o) => newTable(p, n, o)],
  ['delete/1', (p: P, t) => deleteTable(p, t)],
  ['delete/2', (p: P, t, k) => ops.deleteKey(p, t, k)],
  ['internal_delete_all/2', (p: P, t) => sel.deleteAll(p, t)],
  ['delete_object/2', (p: P, t, o) => ops.deleteObject(p, t, o)],
  ['insert/2', (p: P, t, x) => ops.insert(p, t, x)],
  ['insert_new/2', (p: P, t, x) => ops.insertNew(p, t, x)],
  ['lookup/2', (p: P, t, k) => ops.lookup(p, t, k)],
  ['lookup_element/3', (p: P, t, k, i) => ops.lookupElement(p, t, k, i)],
  ['member/2', (p: P, t, k) => ops.member(p, t, k)],
  ['take/2', (p: P, t, k) => ops.take(p, t, k)],
  ['update_counter/3', (p: P, t, k, u) => ops.updateCounter(p, t, k, u)],
  ['update_counter/4', (p: P, t, k, u, d) => ops.updateCounter(p, t, k, u, d)],
  ['update_element/3', (p: P, t, k, u) => ops.updateElement(p, t, k, u)],
  ['first/1', (p: P, t) => ops.first(p, t)],
  ['last/1', (p: P, t) => ops.first(p, t, true)],
  ['next/2', (p: P, t, k) => ops.next(p, t, k)],
  ['prev/2', (p: P, t, k) => ops.next(p, t, k, true)],
  ['slot/2', (p: P, t, i) => ops.slot(p, t, i)],
  ['match/2', (p: P, t, pat) => sel.select(p, t, list([[pat, list([]), list(['$$'])]]))],
  ['match/3', (p: P, t, pat, n) => sel.selectLimit(p, t, list([[pat, list([]), list(['$$'])]]), n)],
  ['match/1', (p: P, c) => sel.selectContinue(p, c)],
  ['match_object/2', (p: P, t, pat) => sel.select(p, t, list([[pat, list([]), list(['$_'])]]))],
  ['match_object/3', (p: P, t, pat, n) => sel.selectLimit(p, t, list([[pat, list([]), list(['$_'])]]), n)],
  ['match_object/1', (p: P, c) => sel.selectContinue(p, c)],
  ['select/2', (p: P, t, ms) => sel.select(p, t, ms)],
  ['select/3', (p: P, t, ms, n) => sel.selectLimit(p, t, ms, n)],
  ['select/1', (p: P, c) => sel.selectContinue(p, c)],
  ['select_reverse/2', (p: P, t, ms) => sel.select(p, t, ms, true)],
  ['select_reverse/3', (p: P, t, ms, n) => sel.selectLimit(p, t, ms, n, true)],
  ['select_reverse/1', (p: P, c) => sel.selectContinue(p, c)],
  ['select_count/2', (p: P, t, ms) => sel.selectCount(p, t, ms)],
  ['internal_select_delete/2', (p: P, t, ms) => sel.selectDelete(p, t, ms)],
  ['select_replace/2', (p: P, t, ms) => sel.selectReplace(p, t, ms)],
  ['give_away/3', (p: P, t, to, d) => giveAway(p, t, to, d)],
  ['setopts/2', (p: P, t, o) => setopts(p, t, o)],
  ['rename/2', (p: P, t, n) => rename(p, t, n)],
  ['whereis/1', (p: P, n) => whereis(p, n)],
  ['info/1', (p: P, t) => info1(p, t)],
  ['info/2', (p: P, t, i) => info2(p, t, i)],
  ['safe_fixtable/2', (p: P, t, b) => fixtable(p, t, b)],
  ['all/0', (p: P) => all(p)],
  ['internal_request_all/0', (p: P) => internalRequestAll(p)],
  ...matchSpecBifs,
]);
