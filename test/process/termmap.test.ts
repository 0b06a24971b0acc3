/**
 * TermMap: a mutable map keyed by terms with `=:=` (used for the process
 * dictionary).
 */
import { describe, expect, it } from 'vitest';
import { TermMap } from '../../runtime/terms/termmap.js';
import { ErlFloat, NIL, Pid, list, utf8Binary, type Term } from '../../runtime/terms/types.js';

describe('TermMap', () => {
  it('distinguishes integers from floats and compares structures exactly', () => {
    const m = new TermMap<string>();
    m.set(1, 'int');
    m.set(new ErlFloat(1), 'float');
    m.set('1', 'atom');
    m.set(2n ** 80n, 'big');
    m.set(['a', list([1, 2])], 'tuple');
    m.set(utf8Binary('bin'), 'binary');
    m.set(new Pid(3), 'pid');
    m.set(NIL, 'nil');
    expect(m.size).toBe(8);
    expect(m.get(1)).toBe('int');
    expect(m.get(new ErlFloat(1))).toBe('float');
    expect(m.get('1')).toBe('atom');
    expect(m.get(2n ** 80n)).toBe('big');
    expect(m.get(['a', list([1, 2])])).toBe('tuple');
    expect(m.get(['a', list([1, 2.0 as number])])).toBe('tuple'); // 2.0 here is the JS integer 2
    expect(m.get(['a', list([1, new ErlFloat(2)])])).toBeUndefined();
    expect(m.get(utf8Binary('bin'))).toBe('binary');
    expect(m.get(new Pid(3))).toBe('pid');
    expect(m.get(NIL)).toBe('nil');
  });

  it('replaces, deletes and iterates', () => {
    const m = new TermMap<number>();
    expect(m.set(['k'], 1)).toBeUndefined();
    expect(m.set(['k'], 2)).toBe(1);
    expect(m.has(['k'])).toBe(true);
    expect(m.delete(['k'])).toBe(2);
    expect(m.delete(['k'])).toBeUndefined();
    expect(m.has(['k'])).toBe(false);
    for (let i = 0; i < 1000; i++) m.set([i, 'x'], i);
    m.set('a', -1);
    expect(m.size).toBe(1001);
    let sum = 0;
    for (const [k, v] of m) {
      if (Array.isArray(k)) expect(k[0]).toBe(v);
      sum += v;
    }
    expect(sum).toBe((999 * 1000) / 2 - 1);
    expect([...m.keys()][0]).toBe('a');
    m.clear();
    expect(m.size).toBe(0);
    expect(m.get([1, 'x'] as Term)).toBeUndefined();
  });

  it('is safe with prototype-like atom keys', () => {
    const m = new TermMap<string>();
    m.set('__proto__', 'p');
    m.set('constructor', 'c');
    expect(m.get('__proto__')).toBe('p');
    expect(m.get('constructor')).toBe('c');
    expect(m.get('toString')).toBeUndefined();
  });
});
