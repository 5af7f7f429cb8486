// Work a callback causes runs after its "success" went out (WeCom drops a connection
// that takes 5 s and retries). In a request, Next's after() keeps the work alive past the
// response; outside one (tests, scripts) the work just runs on. Either way it is also
// tracked here, so a test can wait for it, and the sweep (sweep.ts) picks up anything a
// crash or a restart left undone.
//
// At most WORKERS pieces run at once per process: a burst of a thousand events would
// otherwise start a thousand get_info calls and database writes together, and the
// answers to the next deliveries (which must stay well under 5 s) would queue behind them.
import "server-only";
import { after } from "next/server";
import { errorText, logger } from "@/lib/observability/logger";

const WORKERS = 8;
const running = new Set<Promise<unknown>>();
const queue: (() => void)[] = [];
let active = 0;

function slot(): Promise<void> {
  if (active < WORKERS) {
    active++;
    return Promise.resolve();
  }
  return new Promise((resolve) => queue.push(resolve));
}

function release() {
  const next = queue.shift();
  if (next) next();
  else active--;
}

export function afterAck(work: () => Promise<unknown>): void {
  const run = () => {
    const p = slot()
      .then(work)
      .catch((err: unknown) => logger.error({ err: errorText(err) }, "callback work failed"))
      .finally(() => {
        release();
        running.delete(p);
      });
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

/** Callback work started and not finished (the clean stop waits for it: shutdown.ts). */
export function pendingAfterAck(): number {
  return running.size + queue.length;
}

/** Tests and benchmarks: resolves once every piece of work started so far has finished. */
export async function settleAfterAck(): Promise<void> {
  while (running.size) await Promise.all([...running]);
}
