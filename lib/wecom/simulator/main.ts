// `npm run simulator`: the simulator on WECOM_SIM_HOST:WECOM_SIM_PORT until SIGINT/SIGTERM.
import { env } from "../../env.js";
import { startSimulator } from "./server.js";

const sim = await startSimulator({
  host: env.WECOM_SIM_HOST,
  port: env.WECOM_SIM_PORT,
  tokenTtlSec: env.WECOM_SIM_TOKEN_TTL,
}).catch((err: unknown) => {
  // Most often a simulator (or something else) already holds the port.
  const reason = err instanceof Error ? err.message : String(err);
  console.error(
    `WeCom simulator could not start on ${env.WECOM_SIM_HOST}:${env.WECOM_SIM_PORT}: ${reason}`,
  );
  process.exit(1);
});
console.log(
  `WeCom simulator listening on ${sim.url} (API base ${sim.baseUrl}, controls ${sim.url}/__sim/)`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the WeCom simulator`);
  await sim.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
