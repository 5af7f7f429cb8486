import { describe, expect, it } from "vitest";
import { createWecomClient } from "./client.ts";
import { MemoryCallLog } from "./store/memory-call-log.ts";
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

/** Like WeCom's gettoken: the same token every time, as long as it is valid. */
function sameTokenSource() {
  let calls = 0;
  const source: TokenFetch = {
    leaseMs: 2_000,
    waitTimeout: () => new Error("wait timeout"),
    fetch: async () => {
      calls++;
      return { token: "the-one-token", expiresInSec: 7200 };
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

  it("trusts a refused token again once a fresh fetch returns it (a spurious 40014)", async () => {
    const manager = new TokenManager(new MemoryTokenStore());
    const { source, calls } = sameTokenSource();
    expect(await manager.get("app", "corp", source)).toBe("the-one-token");
    await manager.invalidate("app", "corp", "the-one-token");
    // The refused token is not reused unchecked: one fetch, which returns it again.
    expect(await manager.get("app", "corp", source)).toBe("the-one-token");
    expect(calls()).toBe(2);
    for (let i = 0; i < 20; i++)
      expect(await manager.get("app", "corp", source)).toBe("the-one-token");
    expect(calls()).toBe(2);
  });

  it("trusts it again in every instance sharing the store, one fetch each at most", async () => {
    const store = new MemoryTokenStore();
    const a = new TokenManager(store);
    const b = new TokenManager(store);
    const { source, calls } = sameTokenSource();
    await a.get("app", "corp", source);
    await a.invalidate("app", "corp", "the-one-token");
    await b.invalidate("app", "corp", "the-one-token");
    expect(await a.get("app", "corp", source)).toBe("the-one-token");
    expect(await b.get("app", "corp", source)).toBe("the-one-token");
    const settled = calls();
    expect(settled).toBeLessThanOrEqual(3);
    for (let i = 0; i < 10; i++) {
      await a.get("app", "corp", source);
      await b.get("app", "corp", source);
    }
    expect(calls()).toBe(settled);
  });

  it("does not reuse a refused token that a late writer put back in the store", async () => {
    const store = new MemoryTokenStore();
    const manager = new TokenManager(store);
    const { source, calls } = countingSource(1);
    expect(await manager.get("app", "corp", source)).toBe("token-1");
    await manager.invalidate("app", "corp", "token-1");
    // Another instance that fetched token-1 earlier writes it back after the refusal.
    await store.put("app", "corp", { value: "token-1", expiresAt: expiresAtFor(7200) });
    expect(await manager.get("app", "corp", source)).toBe("token-2");
    expect(calls()).toBe(2);
  });

  it("settles the client on one token after one spurious 40014, without gettoken on every call", async () => {
    const gettoken: string[] = [];
    let userGets = 0;
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
      if (url.pathname.endsWith("/gettoken")) {
        gettoken.push(url.search);
        // WeCom: the same token again while it is still valid.
        return json({
          errcode: 0,
          errmsg: "ok",
          access_token: "tok-still-valid",
          expires_in: 7200,
        });
      }
      if (url.pathname.endsWith("/user/get")) {
        expect(url.searchParams.get("access_token")).toBe("tok-still-valid");
        userGets++;
        return json(
          userGets === 1
            ? { errcode: 40014, errmsg: "invalid access_token" }
            : { errcode: 0, errmsg: "ok", userid: "lihua" },
        );
      }
      throw new Error(`unexpected call ${url.pathname}`);
    }) as typeof fetch;
    const client = createWecomClient(
      {
        id: "app-spurious",
        tenantId: "t1",
        name: "Test app",
        kind: "self_built",
        corpId: "ww1",
        baseUrl: "http://wecom.test/cgi-bin/",
        secret: "the-app-secret-value",
      },
      {
        tokens: new MemoryTokenStore(),
        callLog: new MemoryCallLog(),
        fetch: fakeFetch,
        retry: { baseDelayMs: 1, maxAttempts: 3 },
      },
    );
    // The first call meets the 40014, refetches (same token) and is retried once.
    expect((await client.getUser("lihua")).userId).toBe("lihua");
    expect(gettoken).toHaveLength(2);
    for (let i = 0; i < 10; i++) expect((await client.getUser("lihua")).userId).toBe("lihua");
    expect(gettoken).toHaveLength(2);
    expect(userGets).toBe(12);
  });
});
