// The progressive sign-in delay: after a few free failures, each further failure for a
// name (as typed) from an address makes the next attempt wait longer. A wait, not a
// lock: nobody can shut an account out, and guessing stays slow.

/** Failures within the window that cost nothing. */
export const FREE_FAILURES = 3;
/** The longest wait between two attempts. */
export const MAX_DELAY_SECONDS = 30;

/** Seconds the next attempt must wait after `failures` failures: 0, 0, 0, 1, 2, 4, 8, 16, 30, 30… */
export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_FAILURES - 1));
}
