/** Every .beam of the installed Elixir compiles, and the output parses as an ES module. */
import { describe, it } from 'vitest';
import { beamsUnder, compileAll } from './compile-all.js';

describe('compile every Elixir beam', () => {
  it('compiles and parses every module of Elixir\'s lib/*/ebin', () => {
    compileAll('Elixir', beamsUnder('/usr/lib/elixir/lib'), 400);
  }, 900_000);
});
