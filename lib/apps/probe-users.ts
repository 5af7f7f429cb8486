import "server-only";
import { ERRCODE, isWecomErrcode, type WecomClient } from "@/lib/wecom";

/** What WeCom's user/get said of a userid through one app. */
export type ProbeResult = "ok" | "out_of_range" | "not_found";

/**
 * Asks user/get through one app about each userid, `concurrency` calls at a time (WeCom
 * limits calls per corp and per API; the client itself backs off on 45009/45033 and
 * retries -1). 60011/50002 → out_of_range (the app cannot see them), 60111/40031 →
 * not_found (unknown in the corp). Any other refusal concerns the app (credentials,
 * authorisation, IP) and is thrown: it would say nothing about the member.
 */
export async function probeUsers(
  client: WecomClient,
  userIds: readonly string[],
  concurrency = 5,
): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  const queue = [...userIds];
  const worker = async () => {
    for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
      try {
        await client.getUser(userId);
        results.set(userId, "ok");
      } catch (err) {
        if (isWecomErrcode(err, ERRCODE.outOfRange, ERRCODE.outOfRange2))
          results.set(userId, "out_of_range");
        else if (isWecomErrcode(err, ERRCODE.userNotFound, ERRCODE.invalidUserId))
          results.set(userId, "not_found");
        else {
          queue.length = 0;
          throw err;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}
