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
//
// Before the answer only what must not be lost is written (the nonce, the event); the call
// log row is written after it (logCallback), with the rest of the work. The writes use the
// process-wide client with the app row's own tenant and id: the URL's app id is the only
// input, and it was resolved to its tenant above (the scoped client would re-check those
// foreign keys with a query each, on the path WeCom times).
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { isUniqueViolation } from "@/lib/meetings/db-errors";
import { openCallback, type CallbackQuery } from "@/lib/wecom/callback-crypto";
import { redactCallbackXml } from "@/lib/wecom/redact";
import { callbackApp, type CallbackApp } from "./callback-app";
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
  /** The call log row of an accepted callback, to write after answering. */
  log?: CallbackLogEntry;
}

export interface CallbackLogEntry {
  tenantId: string;
  appId: string;
  operation: string;
  method: string;
  url: string;
  requestBody: string | null;
  responseBody: string;
  /** meeting_change: the meeting is looked up when the row is written */
  wecomMeetingId: string | null;
  durationMs: number;
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

/** Under a burst, the app's "last callback" status is refreshed at most this often. */
const STATUS_EVERY_MS = 5_000;

/** When this process last wrote an app's "verified" status. */
const statusWritten = new Map<string, number>();
/** When this process last wrote an app's refusal, and which: a flood of forged calls is one write. */
const refusalWritten = new Map<string, { at: number; reason: string }>();

async function writeRefusal(appId: string, reason: string, now: Date) {
  const last = refusalWritten.get(appId);
  if (last && last.reason === reason && Date.now() - last.at <= STATUS_EVERY_MS) return;
  refusalWritten.set(appId, { at: Date.now(), reason });
  // Across instances too: a row that says this refusal, written within the interval, stays.
  await db.app.updateMany({
    where: {
      id: appId,
      OR: [
        { lastCallbackOk: null },
        { lastCallbackOk: true },
        { lastCallbackError: null },
        { lastCallbackError: { not: reason } },
        { lastCallbackAt: null },
        { lastCallbackAt: { lt: new Date(now.getTime() - STATUS_EVERY_MS) } },
      ],
    },
    data: { lastCallbackAt: now, lastCallbackOk: false, lastCallbackError: reason },
  });
}

async function writeStatus(appId: string, now: Date) {
  await db.app.updateMany({
    where: {
      id: appId,
      OR: [
        { lastCallbackOk: null },
        { lastCallbackOk: false },
        { lastCallbackAt: { lt: new Date(now.getTime() - STATUS_EVERY_MS) } },
      ],
    },
    data: {
      lastCallbackAt: now,
      lastCallbackOk: true,
      lastCallbackError: null,
      callbackVerifiedAt: now,
    },
  });
}

const text = (status: number, body: string): CallbackAnswer => ({ status, text: body });

export async function receiveCallback(req: CallbackRequest): Promise<CallbackAnswer> {
  const started = Date.now();
  const now = req.now ?? new Date();
  const found = await callbackApp(req.appId);
  // Unknown app: nothing to record against, and nothing said about which ids exist.
  if (!found) return text(404, "not found");
  let app: CallbackApp = found.app;
  const refuse = async (reason: CallbackRefusalKey) => {
    statusWritten.delete(app.id);
    await writeRefusal(app.id, reason, now);
    return text(REFUSAL_STATUS[reason], `refused: ${reason}`);
  };

  if (!app.keys) return refuse("notConfigured");
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
  const open = (a: CallbackApp) => {
    const receiverId = req.channel === "suite" ? a.suiteId : a.corpId;
    if (!receiverId || !a.keys) return { ok: false as const, reason: "receiver" as const };
    return openCallback({ keys: a.keys, query, ciphertext, receiverId, now });
  };
  let opened = open(app);
  if (!opened.ok && found.fromMemory) {
    // The keys may have been replaced within the last seconds: ask the row.
    const again = await callbackApp(req.appId, { fresh: true });
    if (!again?.app.keys) return refuse("notConfigured");
    app = again.app;
    opened = open(app);
  }
  if (!opened.ok) return refuse(opened.reason);

  try {
    await db.callbackNonce.create({ data: { appId: app.id, nonce: query.nonce, seenAt: now } });
  } catch (err) {
    if (isUniqueViolation(err)) return refuse("replay");
    throw err;
  }
  // The status the settings show, written at most every few seconds under a burst.
  const lastWritten = statusWritten.get(app.id) ?? 0;
  if (Date.now() - lastWritten > STATUS_EVERY_MS) {
    statusWritten.set(app.id, Date.now());
    refusalWritten.delete(app.id);
    await writeStatus(app.id, now);
  }

  const path = `${req.url.pathname}?timestamp=${query.timestamp}&nonce=${encodeURIComponent(query.nonce)}`;
  const entry = (e: Omit<CallbackLogEntry, "tenantId" | "appId" | "url" | "durationMs">) => ({
    ...e,
    tenantId: app.tenantId,
    appId: app.id,
    url: path,
    durationMs: Date.now() - started,
  });
  if (req.method === "GET") {
    return {
      ...text(200, opened.message),
      log: entry({
        operation: "callback.verify_url",
        method: "GET",
        requestBody: null,
        responseBody: opened.message,
        wecomMeetingId: null,
      }),
    };
  }

  const parsed = parseCallback(opened.message);
  const body = redactCallbackXml(opened.message);
  const dedupeKey = createHash("sha256").update(opened.message).digest("hex");
  let eventId: string | undefined;
  try {
    const created = await db.callbackEvent.create({
      data: {
        tenantId: app.tenantId,
        appId: app.id,
        dedupeKey,
        kind: parsed.kind,
        changeType: parsed.changeType,
        wecomMeetingId: parsed.wecomMeetingId,
        body,
        receivedAt: now,
      },
      select: { id: true },
    });
    eventId = created.id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // WeCom delivering the same event again: acknowledged, counted, not processed again.
    await db.callbackEvent.updateMany({
      where: { appId: app.id, dedupeKey },
      data: { deliveries: { increment: 1 } },
    });
  }
  return {
    status: 200,
    text: "success",
    processEventId: eventId,
    plaintext: opened.message,
    kind: parsed.kind,
    log: entry({
      operation: operationOf(parsed),
      method: "POST",
      requestBody: body,
      responseBody: "success",
      wecomMeetingId: parsed.kind === "meeting_change" ? parsed.wecomMeetingId : null,
    }),
  };
}

/** The 报文 row of an accepted callback, with its meeting when MeetBridge knows it. */
export async function logCallback(entry: CallbackLogEntry): Promise<void> {
  const { wecomMeetingId, tenantId, ...row } = entry;
  const tdb = scopeToTenant(db, tenantId);
  const meeting = wecomMeetingId
    ? await tdb.meeting.findFirst({
        where: { appId: entry.appId, wecomMeetingId },
        select: { id: true },
      })
    : null;
  await db.callLog.create({
    data: {
      ...row,
      tenantId,
      meetingId: meeting?.id ?? null,
      httpStatus: 200,
      durationMs: Math.round(entry.durationMs),
    },
  });
}
