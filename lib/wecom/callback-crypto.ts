// WeCom's callback encryption (WXBizMsgCrypt), shared by MeetBridge's callback endpoints
// and the simulator that calls them. The algorithm itself is WeCom's own package
// (@wecom/crypto); this module adds what both sides need around it: the XML envelope,
// the checks in the order WeCom prescribes (signature first, then decryption, then the
// receiver id, then the timestamp window), and keys that are valid by construction.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { decrypt, encrypt, getSignature } from "@wecom/crypto";

/** How far a callback's timestamp may be from now, either way. */
export const CALLBACK_MAX_SKEW_SEC = 300;

export interface CallbackQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

export interface CallbackKeys {
  token: string;
  /** 43 characters of base64 without its trailing "=" */
  encodingAesKey: string;
}

export type CallbackRefusal = "signature" | "decrypt" | "receiver" | "stale";

export type OpenedCallback =
  { ok: true; message: string; receiverId: string } | { ok: false; reason: CallbackRefusal };

/** SHA-1 over the sorted token, timestamp, nonce and ciphertext. */
export function callbackSignature(
  token: string,
  timestamp: string,
  nonce: string,
  ciphertext: string,
): string {
  return getSignature(token, timestamp, nonce, ciphertext);
}

export { isEncodingAesKey } from "./callback-keys.ts";

/** A fresh EncodingAESKey: 32 random bytes, base64 without the "=". */
export function generateEncodingAesKey(): string {
  return randomBytes(32).toString("base64").slice(0, 43);
}

/** A fresh Token: 32 letters and digits (WeCom allows up to 32). */
export function generateCallbackToken(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join("");
}

export function encryptCallback(encodingAesKey: string, message: string, receiverId: string) {
  return encrypt(encodingAesKey, message, receiverId);
}

/** Decrypts a ciphertext; null when it is not one made with this key. */
export function decryptCallback(
  encodingAesKey: string,
  ciphertext: string,
): { message: string; receiverId: string } | null {
  try {
    const raw = Buffer.from(ciphertext, "base64");
    if (raw.length === 0 || raw.length % 32 !== 0) return null;
    const { message, id } = decrypt(encodingAesKey, ciphertext);
    return { message, receiverId: id };
  } catch {
    return null;
  }
}

/** In constant time: how much of a forged signature matched must not show in the answer's timing. */
function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks and opens one callback: the signature before anything else, then decryption,
 * then the receiver id (corpid, or the suite id for a suite's instruction callback),
 * then the timestamp window. Replayed nonces are the caller's to refuse (they need a store).
 */
export function openCallback(args: {
  keys: CallbackKeys;
  query: CallbackQuery;
  ciphertext: string;
  receiverId: string;
  now?: Date;
}): OpenedCallback {
  const { keys, query, ciphertext } = args;
  const expected = callbackSignature(keys.token, query.timestamp, query.nonce, ciphertext);
  if (!sameSignature(expected, query.msg_signature)) return { ok: false, reason: "signature" };
  const opened = decryptCallback(keys.encodingAesKey, ciphertext);
  if (!opened) return { ok: false, reason: "decrypt" };
  if (opened.receiverId !== args.receiverId) return { ok: false, reason: "receiver" };
  const sent = Number(query.timestamp);
  const now = (args.now ?? new Date()).getTime() / 1000;
  if (!Number.isFinite(sent) || Math.abs(now - sent) > CALLBACK_MAX_SKEW_SEC) {
    return { ok: false, reason: "stale" };
  }
  return { ok: true, ...opened };
}

/** What WeCom sends: the query string and the XML body around the ciphertext. */
export function sealCallback(args: {
  keys: CallbackKeys;
  receiverId: string;
  message: string;
  agentId?: number | null;
  now?: Date;
  nonce?: string;
}): { query: CallbackQuery; body: string; ciphertext: string } {
  const timestamp = String(Math.floor((args.now ?? new Date()).getTime() / 1000));
  const nonce = args.nonce ?? String(randomBytes(6).readUIntBE(0, 6));
  const ciphertext = encryptCallback(args.keys.encodingAesKey, args.message, args.receiverId);
  const msg_signature = callbackSignature(args.keys.token, timestamp, nonce, ciphertext);
  const agent = args.agentId == null ? "" : `<AgentID><![CDATA[${args.agentId}]]></AgentID>`;
  const body =
    `<xml><ToUserName><![CDATA[${args.receiverId}]]></ToUserName>${agent}` +
    `<Encrypt><![CDATA[${ciphertext}]]></Encrypt></xml>`;
  return { query: { msg_signature, timestamp, nonce }, body, ciphertext };
}
