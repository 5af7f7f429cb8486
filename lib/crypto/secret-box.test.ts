import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box.ts";

describe("secret box (AES-256-GCM)", () => {
  it("round-trips text, including non-ASCII", () => {
    expect(openSecret(sealSecret("秘密-secret"))).toBe("秘密-secret");
  });

  it("seals the same text differently each time (fresh IV)", () => {
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("refuses a tampered ciphertext instead of returning garbage", () => {
    const sealed = sealSecret("do not change me");
    const parts = sealed.split(".");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString("base64url");
    expect(() => openSecret(parts.join("."))).toThrow();
  });

  it("refuses text that was never sealed", () => {
    expect(() => openSecret("plain-secret")).toThrow(/sealed/);
  });
});

describe("secret box context (associated data)", () => {
  it("opens only in the context it was sealed in", () => {
    const sealed = sealSecret("app-secret", "app:tenant-a:secretEnc");
    expect(openSecret(sealed, "app:tenant-a:secretEnc")).toBe("app-secret");
    expect(() => openSecret(sealed, "app:tenant-b:secretEnc")).toThrow();
    expect(() => openSecret(sealed)).toThrow();
  });
});

describe("secret box tag", () => {
  it("refuses a truncated authentication tag", () => {
    const [v, iv, tag, ct] = sealSecret("x").split(".");
    const short = Buffer.from(tag!, "base64url").subarray(0, 4).toString("base64url");
    expect(() => openSecret([v, iv, short, ct].join("."))).toThrow(/tag/);
  });
});
