/**
 * Erlang time: monotonic and system time in time units.
 *
 * The native time unit is the nanosecond, as on BEAM for Linux
 * (`erlang:convert_time_unit(1, second, native)` is 1000000000 there).
 * Monotonic time counts from the JS clock's origin (`performance.now()`);
 * system time is the wall clock (`Date.now()` plus the sub-millisecond part of
 * the monotonic clock, so successive calls do not go backwards within a ms).
 * Conversions floor, as erlang:convert_time_unit/3 does.
 */
import { normInt, type Int, type Term } from '../terms/types.js';

export const NATIVE_TIME_UNIT = 1_000_000_000;

/** Milliseconds on the monotonic clock, as a float (the timers' time base). */
export const nowMs = (): number => performance.now();

/** Parts per second of a time unit term, or undefined when it is not one. */
export function timeUnitPartsPerSecond(unit: Term): number | undefined {
  switch (unit) {
    case 'second':
    case 'seconds':
      return 1;
    case 'millisecond':
    case 'milli_seconds':
      return 1000;
    case 'microsecond':
    case 'micro_seconds':
      return 1_000_000;
    case 'nanosecond':
    case 'nano_seconds':
    case 'native':
    case 'perf_counter':
      return NATIVE_TIME_UNIT;
  }
  if (typeof unit === 'number' && Number.isInteger(unit) && unit > 0) return unit;
  if (typeof unit === 'bigint' && unit > 0n) return Number(unit);
  return undefined;
}

/** `ns` nanoseconds expressed in a unit of `pps` parts per second, floored. */
export function fromNanos(ns: bigint, pps: number): Int {
  if (pps === NATIVE_TIME_UNIT) return normInt(ns);
  const num = ns * BigInt(pps);
  const den = BigInt(NATIVE_TIME_UNIT);
  let q = num / den;
  if (num % den !== 0n && num < 0n) q -= 1n;
  return normInt(q);
}

/** Monotonic time in nanoseconds. */
export function monotonicNanos(): bigint {
  const ms = performance.now();
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

/** System (wall clock) time in nanoseconds. */
export function systemNanos(): bigint {
  const ms = performance.timeOrigin + performance.now();
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}
