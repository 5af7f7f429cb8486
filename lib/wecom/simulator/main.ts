// `npm run simulator`: the simulator on WECOM_SIM_HOST:WECOM_SIM_PORT until SIGINT/SIGTERM,
// which first save its state to WECOM_SIM_STATE_FILE when that is set.
import { env } from "../../env.js";
import { startSimulator } from "./server.js";

const sim = await startSimulator({
  host: env.WECOM_SIM_HOST,
  port: env.WECOM_SIM_PORT,
  tokenTtlSec: env.WECOM_SIM_TOKEN_TTL,
  latencyMs: env.WECOM_SIM_LATENCY_MS,
  stateFile: env.WECOM_SIM_STATE_FILE,
  callbackPolicy: { suiteTicketIntervalSec: env.WECOM_SIM_SUITE_TICKET_INTERVAL_SECONDS },
}).catch((err: unknown) => {
  // Most often a simulator (or something else) already holds the port.
  const reason = err instanceof Error ? err.message : String(err);
  console.error(
    `WeCom simulator could not start on ${env.WECOM_SIM_HOST}:${env.WECOM_SIM_PORT}: ${reason}`,
  );
  process.exit(1);
});
const latency = env.WECOM_SIM_LATENCY_MS > 0 ? `, ${env.WECOM_SIM_LATENCY_MS} ms latency` : "";
console.log(
  `WeCom simulator listening on ${sim.url} (API base ${sim.baseUrl}, controls ${sim.url}/__sim/${latency})`,
);
if (env.WECOM_SIM_STATE_FILE) {
  const kept =
    sim.restored?.status === "restored" ? `${sim.restored.meetings} meetings from` : "in";
  console.log(`WeCom simulator state: ${kept} ${env.WECOM_SIM_STATE_FILE}`);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the WeCom simulator`);
  try {
    // Saves the state file, if any, before the exit.
    await sim.close();
  } catch (err) {
    console.error(
      `WeCom simulator: stopping failed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
