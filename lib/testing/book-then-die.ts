// Run in a child process by lib/meetings/book-meeting.db.test.ts (tsx
// --conditions=react-server, DATABASE_URL naming the test database): books one meeting
// and kills its own process the moment WeCom has accepted the create, before MeetBridge
// records the answer, as a crash or a deploy would.
// argv[2]: JSON { tenant: { id, timeZone }, input: BookingValues }
import { bookMeeting } from "../meetings/book-meeting.ts";
import { meetingDeps } from "../meetings/deps.ts";
import { systemActor } from "../meetings/system-actor.ts";

const { tenant, input } = JSON.parse(process.argv[2] ?? "{}") as {
  tenant: { id: string; timeZone: string };
  input: unknown;
};

const result = await bookMeeting(systemActor(tenant, "web"), input, {
  ...meetingDeps,
  afterCreate: () => {
    process.kill(process.pid, "SIGKILL");
    return new Promise<void>(() => {});
  },
});
// Reached only when WeCom did not accept the create: the parent shows why.
console.log(JSON.stringify(result));
process.exit(0);
