import { describe, expect, it } from "vitest";
import { MemoryTokenStore } from "./store/memory-token-store.ts";
import { TokenManager, expiresAtFor, type TokenFetch } from "./token-manager.ts";

function countingSource(delayMs = 20) {
  let calls = 0;
  const source: TokenFetch = {
    leaseMs: 2_000,
    waitTimeout: () => new Error("wait timeout"),
    fetch: async () => {
      calls++;
      await new Promise((r) => setTimeout(r, delayMs));
      return { token: `token-${calls}`, expiresInSec: 7200 };
    },
  };
  return { source, calls: () => calls };
}

describe("TokenManager", () => {
  it("fetches once for 100 concurrent callers in one process", async () => {
    const manager = new TokenManager(new MemoryTokenStore());
    const { source, calls } = countingSource();
    const tokens = await Promise.all(
      Array.from({ length: 100 }, () => manager.get("app", "corp", source)),
    );
    expect(calls()).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(["token-1"]));
  });

  it("fetches once for several instances sharing one store (lease)", async () => {
    const store = new MemoryTokenStore();
    const managers = [new TokenManager(store), new TokenManager(store), new TokenManager(store)];
    const { source, calls } = countingSource(100);
    const tokens = await Promise.all(
      managers.flatMap((m) => Array.from({ length: 20 }, () => m.get("app", "corp", source))),
    );
    expect(calls()).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it("drops a refused token only while it is still the current one", async () => {
    const store = new MemoryTokenStore();
    const a = new TokenManager(store);
    const b = new TokenManager(store);
    const { source, calls } = countingSource(1);
    expect(await a.get("app", "corp", source)).toBe("token-1");
    expect(await b.get("app", "corp", source)).toBe("token-1");
    await a.invalidate("app", "corp", "token-1");
    expect(await a.get("app", "corp", source)).toBe("token-2");
    // b learns late that token-1 failed; token-2 must survive.
    await b.invalidate("app", "corp", "token-1");
    expect(await b.get("app", "corp", source)).toBe("token-2");
    expect(calls()).toBe(2);
  });

  it("refreshes a little before WeCom's expiry", () => {
    const now = 1_000_000;
    expect(expiresAtFor(7200, now).getTime()).toBe(now + 6900 * 1000);
    expect(expiresAtFor(60, now).getTime()).toBe(now + 54 * 1000);
  });

  it("takes over when the lease holder vanished and its lease lapsed", async () => {
    const store = new MemoryTokenStore();
    await store.tryAcquireLease("token:app:corp", "dead-instance", 50);
    const manager = new TokenManager(store);
    const { source, calls } = countingSource(1);
    expect(await manager.get("app", "corp", source)).toBe("token-1");
    expect(calls()).toBe(1);
  });
});
