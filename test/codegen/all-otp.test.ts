/**
 * Every .beam of the installed OTP (all of lib/*\/ebin) compiles, and the
 * output parses as an ES module.
 */
import { describe, it } from 'vitest';
import { otpLib } from './harness.js';
import { beamsUnder, compileAll } from './compile-all.js';

describe('compile every OTP beam', () => {
  it('compiles and parses every module of lib/*/ebin', () => {
    compileAll('OTP', beamsUnder(otpLib), 1000);
  }, 900_000);
});
