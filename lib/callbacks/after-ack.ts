// Work a callback causes runs after its "success" went out (WeCom drops a connection
// that takes 5 s and retries). In a request, Next's after() keeps the work alive past the
// response; outside one (tests, scripts) the work just runs on. Either way it is also
// tracked here, so a test can wait for it, and the sweep (sweep.ts) picks up anything a
// crash or a restart left undone.
import "server-only";
import { after } from "next/server";

const running = new Set<Promise<unknown>>();

export function afterAck(work: () => Promise<unknown>): void {
  const run = () => {
    const p = work()
      .catch((err: unknown) => console.error(`callback work failed: ${String(err)}`))
      .finally(() => running.delete(p));
    running.add(p);
    return p;
  };
  try {
    after(run);
  } catch {
    // Not in a request scope.
    void run();
  }
}

/** Tests and benchmarks: resolves once every piece of work started so far has finished. */
export async function settleAfterAck(): Promise<void> {
  while (running.size) await Promise.all([...running]);
}
