// Run once the simulator is up (npm run demo, the e2e server): checks the demo apps and
// books the demo meetings through lib/meetings. Idempotent.
import { createDb } from "../lib/db/client.ts";
import { env } from "../lib/env.js";
import { seedDemoMeetings } from "../prisma/seed/demo-meetings.ts";

const db = createDb();
try {
  const lines = await seedDemoMeetings(db, `http://${env.WECOM_SIM_HOST}:${env.WECOM_SIM_PORT}/`);
  console.log(
    lines.length
      ? `demo meetings: ${lines.join("; ")}`
      : "demo apps checked; demo meetings already booked",
  );
} finally {
  await db.$disconnect();
}
process.exit(0);
