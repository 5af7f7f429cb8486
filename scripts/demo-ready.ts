// Run once the simulator is up (npm run demo, the e2e server): checks the demo apps, books
// the demo meetings through lib/meetings, and tells the simulator to call MeetBridge back
// (each app's Token and EncodingAESKey made once and sealed in its row). Idempotent.
import { createDb } from "../lib/db/client.ts";
import { env } from "../lib/env.js";
import { wireDemoCallbacks } from "../prisma/seed/demo-callbacks.ts";
import { seedDemoMeetings } from "../prisma/seed/demo-meetings.ts";

const simulatorUrl = `http://${env.WECOM_SIM_HOST}:${env.WECOM_SIM_PORT}/`;
// Where MeetBridge will listen: demo.sh and e2e-server.sh export PORT (not an
// env.js variable: MeetBridge itself never reads it, `next start -p` does).
const appOrigin = `http://127.0.0.1:${process.env.PORT ?? "3000"}`;

const db = createDb();
try {
  const lines = await seedDemoMeetings(db, simulatorUrl);
  console.log(
    lines.length
      ? `demo meetings: ${lines.join("; ")}`
      : "demo apps checked; demo meetings already booked",
  );
  const wired = await wireDemoCallbacks(db, simulatorUrl, appOrigin);
  console.log(`WeCom callbacks to ${appOrigin}: ${wired.join("、")}`);
} finally {
  await db.$disconnect();
}
process.exit(0);
