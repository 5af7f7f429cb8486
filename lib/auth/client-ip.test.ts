import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip.ts";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientIp", () => {
  it("trusts no header when no proxy is configured", () => {
    expect(clientIp(h("203.0.113.9"), 0)).toBeNull();
  });

  it("takes the address the trusted proxy appended, not what the client wrote", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("has no address when the chain is shorter than the proxies it should have crossed", () => {
    expect(clientIp(h(), 1)).toBeNull();
    expect(clientIp(h("203.0.113.9"), 2)).toBeNull();
  });
});
