// Receiving one callback request, up to the answer WeCom waits for. In this order, and
// nothing written before a check passed:
//  1. the app row named in the URL (an unknown id: 404, nothing recorded anywhere);
//  2. its Token and EncodingAESKey (none: refused);
//  3. the signature, before anything reads the ciphertext; then decryption, the receiver
//     id (the corp's corpid on the data callback, the suite id on the suite's instruction
//     callback) and the timestamp window (lib/wecom/callback-crypto.ts);
//  4. the nonce, once per app within the window: the exact request again is a replay;
//  5. the event, stored once per distinct plaintext (WeCom's retries carry the same XML
//     under a new timestamp, nonce and signature): a repeat only counts a delivery.
// A refusal changes nothing but the app's "last callback" fields, which the settings show.
import "server-only";
import { createHash } from "node:crypto";
import { openAppSecret } from "@/lib/crypto/app-secret";
import { db } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope";
import { isUniqueViolation } from "@/lib/meetings/db-errors";
import { openCallback, type CallbackQuery } from "@/lib/wecom/callback-crypto";
import { redactCallbackXml } from "@/lib/wecom/redact";
import { envelopeCiphertext } from "./read-body";
import { operationOf, parseCallback } from "./parse-event";

/** The data callback (meeting events) or a third-party suite's instruction callback. */
export type CallbackChannel = "data" | "suite";

/** Why a callback was refused: message keys of "appsAdmin.callback.errors". */
export type CallbackRefusalKey =
  "notConfigured" | "malformed" | "signature" | "decrypt" | "receiver" | "stale" | "replay";

export interface CallbackAnswer {
  status: number;
  text: string;
  /** POST: the stored event to process (absent for a repeat). */
  processEventId?: string;
  /** POST: the decrypted message, secrets included: processing may need them, nothing keeps them */
  plaintext?: string;
  kind?: string;
}

const REFUSAL_STATUS: Record<CallbackRefusalKey, number> = {
  notConfigured: 403,
  malformed: 400,
  signature: 403,
  decrypt: 403,
  receiver: 403,
  stale: 403,
  replay: 403,
};

export interface CallbackRequest {
  channel: CallbackChannel;
  appId: string;
  method: "GET" | "POST";
  url: URL;
  /** POST: the envelope XML (already bounded in size) */
  body: string | null;
  now?: Date;
}

async function loadApp(appId: string) {
  if (appId.length > 64) return null;
  return db.app.findUnique({
    where: { id: appId },
    select: {
      id: true,
      tenantId: true,
      kind: true,
      suiteId: true,
      callbackTokenEnc: true,
      callbackAesKeyEnc: true,
      corp: { select: { corpId: true } },
    },
  });
}
type CallbackApp = NonNullable<Awaited<ReturnType<typeof loadApp>>>;

function keysOf(app: CallbackApp): { token: string; encodingAesKey: string } | null {
  if (!app.callbackTokenEnc || !app.callbackAesKeyEnc) return null;
  try {
    return {
      token: openAppSecret(app, "callbackTokenEnc", app.callbackTokenEnc),
      encodingAesKey: openAppSecret(app, "callbackAesKeyEnc", app.callbackAesKeyEnc),
    };
  } catch {
    console.warn(`[callbacks] the callback keys of app ${app.id} could not be opened`);
    return null;
  }
}

const text = (status: number, body: string): CallbackAnswer => ({ status, text: body });

export async function receiveCallback(req: CallbackRequest): Promise<CallbackAnswer> {
  const started = Date.now();
  const now = req.now ?? new Date();
  const app = await loadApp(req.appId);
  // Unknown app: nothing to record against, and nothing said about which ids exist.
  if (!app) return text(404, "not found");
  const tdb = scopeToTenant(db, app.tenantId);
  const refuse = async (reason: CallbackRefusalKey) => {
    await tdb.app.update({
      where: { id: app.id },
      data: { lastCallbackAt: now, lastCallbackOk: false, lastCallbackError: reason },
      select: { id: true },
    });
    return text(REFUSAL_STATUS[reason], `refused: ${reason}`);
  };

  const keys = keysOf(app);
  if (!keys) return refuse("notConfigured");
  const params = req.url.searchParams;
  const query: CallbackQuery = {
    msg_signature: params.get("msg_signature") ?? "",
    timestamp: params.get("timestamp") ?? "",
    nonce: params.get("nonce") ?? "",
  };
  const ciphertext =
    req.method === "GET" ? params.get("echostr") : envelopeCiphertext(req.body ?? "");
  if (!ciphertext || !query.msg_signature || !query.nonce || query.nonce.length > 64)
    return refuse("malformed");
  const receiverId = req.channel === "suite" ? app.suiteId : app.corp.corpId;
  if (!receiverId) return refuse("receiver");
  const opened = openCallback({ keys, query, ciphertext, receiverId, now });
  if (!opened.ok) return refuse(opened.reason);

  try {
    await db.callbackNonce.create({ data: { appId: app.id, nonce: query.nonce, seenAt: now } });
  } catch (err) {
    if (isUniqueViolation(err)) return refuse("replay");
    throw err;
  }
  await tdb.app.update({
    where: { id: app.id },
    data: {
      lastCallbackAt: now,
      lastCallbackOk: true,
      lastCallbackError: null,
      callbackVerifiedAt: now,
    },
    select: { id: true },
  });

  const path = `${req.url.pathname}?timestamp=${query.timestamp}&nonce=${encodeURIComponent(query.nonce)}`;
  if (req.method === "GET") {
    await logCallback(tdb, app, {
      operation: `callback.verify_url`,
      method: "GET",
      url: path,
      requestBody: null,
      responseBody: opened.message,
      meetingId: null,
      durationMs: Date.now() - started,
    });
    return text(200, opened.message);
  }

  const parsed = parseCallback(opened.message);
  const body = redactCallbackXml(opened.message);
  const dedupeKey = createHash("sha256").update(opened.message).digest("hex");
  const meeting =
    parsed.kind === "meeting_change" && parsed.wecomMeetingId
      ? await tdb.meeting.findFirst({
          where: { appId: app.id, wecomMeetingId: parsed.wecomMeetingId },
          select: { id: true },
        })
      : null;
  let eventId: string | undefined;
  try {
    const created = await tdb.callbackEvent.create({
      data: {
        tenantId: app.tenantId,
        appId: app.id,
        dedupeKey,
        kind: parsed.kind,
        changeType: parsed.changeType,
        wecomMeetingId: parsed.wecomMeetingId,
        meetingId: meeting?.id ?? null,
        body,
        receivedAt: now,
      },
      select: { id: true },
    });
    eventId = created.id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // WeCom delivering the same event again: acknowledged, counted, not processed again.
    await tdb.callbackEvent.updateMany({
      where: { appId: app.id, dedupeKey },
      data: { deliveries: { increment: 1 } },
    });
  }
  await logCallback(tdb, app, {
    operation: operationOf(parsed),
    method: "POST",
    url: path,
    requestBody: body,
    responseBody: "success",
    meetingId: meeting?.id ?? null,
    durationMs: Date.now() - started,
  });
  return {
    status: 200,
    text: "success",
    processEventId: eventId,
    plaintext: opened.message,
    kind: parsed.kind,
  };
}

async function logCallback(
  tdb: TenantDb,
  app: CallbackApp,
  entry: {
    operation: string;
    method: string;
    url: string;
    requestBody: string | null;
    responseBody: string;
    meetingId: string | null;
    durationMs: number;
  },
) {
  await tdb.callLog.create({
    data: {
      tenantId: app.tenantId,
      appId: app.id,
      ...entry,
      httpStatus: 200,
      durationMs: Math.round(entry.durationMs),
    },
  });
}
