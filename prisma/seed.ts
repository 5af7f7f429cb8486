// `npm run db:seed`: seeds the demo tenant into DATABASE_URL. Run by `npm run demo`;
// never by anything else unless asked.
import { createDb } from "../lib/db/client.ts";
import { env } from "../lib/env.js";
import { seedDemo } from "./seed/demo.ts";

const db = createDb();
try {
  const simulatorBaseUrl = `http://${env.WECOM_SIM_HOST}:${env.WECOM_SIM_PORT}/cgi-bin/`;
  await seedDemo(db, { simulatorBaseUrl, email: env.DEMO_EMAIL, password: env.DEMO_PASSWORD });
  console.log(`seeded the demo tenant (apps point at ${simulatorBaseUrl})`);
} finally {
  await db.$disconnect();
}
