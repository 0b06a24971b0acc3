/**
 * Walking every node of a term without recursion (a term can be deeper
 * than the JS stack): list cells are followed, tuples, maps, funs'
 * environments entered.
 */
import { Cons, ExportFun, Fun, isMap, type Term } from './types.js';

/** Call `visit` with every node of `t` that is not a list cell. */
export function walkTerm(t: Term, visit: (node: Term) => void): void {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let x = stack.pop()!;
    while (x instanceof Cons) {
      stack.push(x.hd);
      x = x.tl;
    }
    visit(x);
    // Push without spreading (a tuple may have millions of elements).
    if (Array.isArray(x)) for (let i = 0; i < x.length; i++) stack.push(x[i]!);
    else if (x instanceof Fun) for (let i = 0; i < x.env.length; i++) stack.push(x.env[i]!);
    else if (isMap(x)) for (const [k, v] of x.entries()) stack.push(k, v);
  }
}

/**
 * Call `f` with every atom in `t` (repeats included), funs' modules and
 * external funs' names among them: the set of existing atoms learns them from
 * decoded terms at run time and from literals at module load.
 */
export function forEachAtom(t: Term, f: (atom: string) => void): void {
  walkTerm(t, (x) => {
    if (typeof x === 'string') f(x);
    else if (x instanceof Fun) f(x.module);
    else if (x instanceof ExportFun) {
      f(x.module);
      f(x.name);
    }
  });
}
