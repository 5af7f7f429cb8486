// The callback signature is compared in constant time (crypto.timingSafeEqual), so how
// much of a forged signature matched does not show in how long the refusal takes.
import { afterEach, describe, expect, it, vi } from "vitest";

const compared = vi.hoisted(() => ({ calls: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.calls++;
      return real.timingSafeEqual(a, b);
    },
  };
});

const { generateCallbackToken, generateEncodingAesKey, openCallback, sealCallback } =
  await import("./callback-crypto");

afterEach(() => {
  compared.calls = 0;
});

describe("the callback signature check", () => {
  const keys = { token: generateCallbackToken(), encodingAesKey: generateEncodingAesKey() };
  const sealed = sealCallback({ keys, receiverId: "wwcorp", message: "<xml/>" });

  it("accepts the right signature and refuses a forged one, both through timingSafeEqual", () => {
    const open = (msg_signature: string) =>
      openCallback({
        keys,
        query: { ...sealed.query, msg_signature },
        ciphertext: sealed.ciphertext,
        receiverId: "wwcorp",
      });
    expect(open(sealed.query.msg_signature).ok).toBe(true);
    expect(compared.calls).toBe(1);
    // The same length, all but the last character right: refused, compared in full.
    const forged =
      sealed.query.msg_signature.slice(0, -1) +
      (sealed.query.msg_signature.endsWith("0") ? "1" : "0");
    expect(open(forged)).toEqual({ ok: false, reason: "signature" });
    expect(compared.calls).toBe(2);
    // Another length never reaches the comparison (timingSafeEqual would throw).
    expect(open("abc")).toEqual({ ok: false, reason: "signature" });
  });
});
