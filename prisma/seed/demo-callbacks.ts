// The demo's WeCom callbacks: each app of the demo tenant gets a Token and EncodingAESKey
// (made once, sealed in its row, kept across runs), and the simulator is told to call
// MeetBridge back with them, as an administrator would paste them into the WeCom console:
// the app's data callback at {origin}/api/wecom/callback/{app id} (receiver id: the
// corpid) and, for a third-party app, its suite's instruction callback at
// {origin}/api/wecom/suite/{app id} (receiver id: the suite id). Idempotent.
import type { Db } from "../../lib/db/client.ts";
import { openAppSecret, sealAppSecret, type AppSecretOwner } from "../../lib/crypto/app-secret.ts";
import { generateCallbackToken, generateEncodingAesKey } from "../../lib/wecom/callback-crypto.ts";
import { DEMO_TENANT_SLUG } from "./demo.ts";

export interface CallbackKeysPlain {
  token: string;
  encodingAesKey: string;
}

/** The app's callback keys, made and sealed into its row when it has none (or they no longer open). */
export async function ensureCallbackKeys(
  db: Db,
  app: AppSecretOwner & { callbackTokenEnc: string | null; callbackAesKeyEnc: string | null },
): Promise<CallbackKeysPlain> {
  if (app.callbackTokenEnc && app.callbackAesKeyEnc) {
    try {
      return {
        token: openAppSecret(app, "callbackTokenEnc", app.callbackTokenEnc),
        encodingAesKey: openAppSecret(app, "callbackAesKeyEnc", app.callbackAesKeyEnc),
      };
    } catch {
      // Sealed under another MEETBRIDGE_ENCRYPTION_KEY (a new .data/demo.env): make new ones.
    }
  }
  const keys = { token: generateCallbackToken(), encodingAesKey: generateEncodingAesKey() };
  await db.app.update({
    where: { id: app.id },
    data: {
      callbackTokenEnc: sealAppSecret(app, "callbackTokenEnc", keys.token),
      callbackAesKeyEnc: sealAppSecret(app, "callbackAesKeyEnc", keys.encodingAesKey),
    },
  });
  return keys;
}

async function register(simulatorUrl: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(new URL("/__sim/callbacks", simulatorUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(
      `the simulator refused a callback setting: HTTP ${res.status} ${await res.text()}`,
    );
  }
}

/** Returns one line per app wired. */
export async function wireDemoCallbacks(
  db: Db,
  simulatorUrl: string,
  appOrigin: string,
): Promise<string[]> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const apps = await db.app.findMany({
    where: { tenantId: tenant.id },
    include: { corp: true },
    omit: { callbackTokenEnc: false, callbackAesKeyEnc: false },
    orderBy: { agentId: "asc" },
  });
  const origin = appOrigin.replace(/\/$/, "");
  const lines: string[] = [];
  for (const app of apps) {
    if (app.agentId === null) continue;
    const keys = await ensureCallbackKeys(db, app);
    const secrets = { token: keys.token, encoding_aes_key: keys.encodingAesKey };
    await register(simulatorUrl, {
      corpid: app.corp.corpId,
      agentid: app.agentId,
      url: `${origin}/api/wecom/callback/${app.id}`,
      ...secrets,
    });
    if (app.kind === "third_party" && app.suiteId) {
      await register(simulatorUrl, {
        suite_id: app.suiteId,
        url: `${origin}/api/wecom/suite/${app.id}`,
        ...secrets,
      });
    }
    lines.push(app.name);
  }
  return lines;
}
