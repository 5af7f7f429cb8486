// Run in a child process by lib/batches/process-batch.db.test.ts (tsx
// --conditions=react-server, DATABASE_URL naming the test database): processes a batch
// and kills its own process the moment WeCom has accepted the Nth create, before
// MeetBridge records it, as a crash or a deploy mid-batch would.
// argv[2]: JSON { batchId, dieAfter }
import { processBatch } from "../batches/process-batch.ts";
import { meetingDeps } from "../meetings/deps.ts";

const { batchId, dieAfter } = JSON.parse(process.argv[2] ?? "{}") as {
  batchId: string;
  dieAfter: number;
};
let created = 0;
const result = await processBatch(batchId, {
  deps: {
    ...meetingDeps,
    afterCreate: () => {
      if (++created < dieAfter) return Promise.resolve();
      process.kill(process.pid, "SIGKILL");
      return new Promise<void>(() => {});
    },
  },
});
console.log(JSON.stringify(result));
process.exit(0);
