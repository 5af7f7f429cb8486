import { describe, expect, it } from "vitest";
import {
  callbackSignature,
  decryptCallback,
  generateCallbackToken,
  generateEncodingAesKey,
  isEncodingAesKey,
  openCallback,
  sealCallback,
} from "./callback-crypto";

// The URL-verification sample of WeCom's 加解密方案说明 (and of its WXBizMsgCrypt samples).
const DOC = {
  token: "QDG6eK",
  encodingAesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
  corpId: "wx5823bf96d3bd56c7",
  msg_signature: "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
  timestamp: "1409659589",
  nonce: "263014780",
  echostr:
    "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
  plaintext: "1616140317555161061",
};
const docKeys = { token: DOC.token, encodingAesKey: DOC.encodingAesKey };
const docQuery = { msg_signature: DOC.msg_signature, timestamp: DOC.timestamp, nonce: DOC.nonce };
const docTime = new Date(Number(DOC.timestamp) * 1000 + 10_000);

describe("WeCom callback crypto", () => {
  it("computes the documented signature and decrypts the documented echostr", () => {
    expect(callbackSignature(DOC.token, DOC.timestamp, DOC.nonce, DOC.echostr)).toBe(
      DOC.msg_signature,
    );
    expect(decryptCallback(DOC.encodingAesKey, DOC.echostr)).toEqual({
      message: DOC.plaintext,
      receiverId: DOC.corpId,
    });
    expect(
      openCallback({
        keys: docKeys,
        query: docQuery,
        ciphertext: DOC.echostr,
        receiverId: DOC.corpId,
        now: docTime,
      }),
    ).toEqual({ ok: true, message: DOC.plaintext, receiverId: DOC.corpId });
  });

  it("refuses a wrong signature, a wrong receiver id and a stale timestamp", () => {
    const base = { keys: docKeys, ciphertext: DOC.echostr, receiverId: DOC.corpId, now: docTime };
    const tampered = { ...docQuery, msg_signature: "0".repeat(40) };
    expect(openCallback({ ...base, query: tampered })).toEqual({ ok: false, reason: "signature" });
    expect(
      openCallback({ ...base, keys: { ...docKeys, token: "other" }, query: docQuery }),
    ).toEqual({ ok: false, reason: "signature" });
    expect(openCallback({ ...base, query: docQuery, receiverId: "ww-other" })).toEqual({
      ok: false,
      reason: "receiver",
    });
    const late = new Date(Number(DOC.timestamp) * 1000 + 301_000);
    expect(openCallback({ ...base, query: docQuery, now: late })).toEqual({
      ok: false,
      reason: "stale",
    });
  });

  it("refuses a correctly signed ciphertext made with another key", () => {
    const other = { token: DOC.token, encodingAesKey: generateEncodingAesKey() };
    const sealed = sealCallback({ keys: other, receiverId: DOC.corpId, message: "<xml/>" });
    expect(
      openCallback({
        keys: docKeys,
        query: sealed.query,
        ciphertext: sealed.ciphertext,
        receiverId: DOC.corpId,
      }),
    ).toMatchObject({ ok: false });
  });

  it("round-trips an event, Chinese text included, through the XML envelope", () => {
    const keys = { token: generateCallbackToken(), encodingAesKey: generateEncodingAesKey() };
    const message = "<xml><Event><![CDATA[meeting_change]]></Event><X>周会</X></xml>";
    const sealed = sealCallback({ keys, receiverId: "ww1234", message, agentId: 1000002 });
    expect(sealed.body).toContain(`<Encrypt><![CDATA[${sealed.ciphertext}]]></Encrypt>`);
    expect(sealed.body).toContain("<AgentID><![CDATA[1000002]]></AgentID>");
    expect(
      openCallback({
        keys,
        query: sealed.query,
        ciphertext: sealed.ciphertext,
        receiverId: "ww1234",
      }),
    ).toEqual({ ok: true, message, receiverId: "ww1234" });
  });

  it("generates keys WeCom accepts and recognises malformed ones", () => {
    const key = generateEncodingAesKey();
    expect(key).toHaveLength(43);
    expect(isEncodingAesKey(key)).toBe(true);
    expect(isEncodingAesKey(DOC.encodingAesKey)).toBe(true);
    expect(isEncodingAesKey(key.slice(1))).toBe(false);
    expect(isEncodingAesKey(`${key.slice(1)}!`)).toBe(false);
    expect(generateCallbackToken()).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(decryptCallback(key, "not base64 at all")).toBeNull();
  });
});
