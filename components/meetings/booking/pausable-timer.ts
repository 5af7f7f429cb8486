import type { RefObject } from "react";

/**
 * Calls `ask` once `delayMs` pass without a change (the caller clears the timer on each
 * change). While `paused` is set (the form is with the server, or leaving for the
 * meeting's page) the question waits rather than competing with the booking; it is asked
 * when the pause ends, or never, if the form goes away first. Returns the clear function.
 */
export function pausableTimer(
  ask: () => void,
  delayMs: number,
  paused?: RefObject<boolean>,
): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    if (paused?.current) timer = setTimeout(tick, delayMs);
    else ask();
  };
  timer = setTimeout(tick, delayMs);
  return () => clearTimeout(timer);
}
