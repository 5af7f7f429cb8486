// proxy.ts: a session Auth.js issued in the last minutes passes without being encrypted
// again; anything else goes through Auth.js's middleware as before: anonymous visitors
// to /login, an older session renewed, sign-in pages open to all.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env.js";
import proxy, { RENEW_AFTER_SECONDS } from "@/proxy";

const COOKIE = "authjs.session-token";
const event = {} as never;

async function sessionToken(issuedSecondsAgo: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() - issuedSecondsAgo * 1000);
  try {
    return await encode({
      token: { uid: "u1", sv: 0, name: "Sam" },
      secret: env.AUTH_SECRET,
      salt: COOKIE,
      maxAge: 12 * 60 * 60,
    });
  } finally {
    vi.useRealTimers();
  }
}

const get = (path: string, token?: string) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, {
    headers: {
      "x-forwarded-proto": "http",
      ...(token ? { cookie: `${COOKIE}=${token}` } : {}),
    },
  });

const setCookie = (res: Response) => res.headers.getSetCookie().join("\n");

afterEach(() => vi.useRealTimers());

describe("proxy", () => {
  it("lets a session issued in the last minutes through, without a new cookie", async () => {
    const res = await proxy(get("/meetings", await sessionToken(30)), event);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(setCookie(res)).not.toContain(COOKIE);
  });

  it("renews an older session through Auth.js: a new cookie, valid for the whole session", async () => {
    const old = await sessionToken(RENEW_AFTER_SECONDS + 60);
    const res = await proxy(get("/meetings", old), event);
    expect(res.status).not.toBe(307);
    const renewed = setCookie(res).match(new RegExp(`${COOKIE}=([^;]+)`))?.[1];
    expect(renewed).toBeTruthy();
    expect(renewed).not.toBe(old);
    // The renewed cookie is fresh: the next request passes without another.
    const next = await proxy(get("/meetings", renewed), event);
    expect(next.headers.get("x-middleware-next")).toBe("1");
    expect(setCookie(next)).not.toContain(COOKIE);
  });

  it("sends an anonymous visitor, or one with an expired or forged cookie, to /login", async () => {
    for (const token of [undefined, "forged", await sessionToken(13 * 60 * 60)]) {
      const res = await proxy(get("/meetings?status=ended", token), event);
      expect(res.status).toBe(307);
      const to = new URL(res.headers.get("location")!);
      expect(to.pathname).toBe("/login");
      expect(to.searchParams.get("callbackUrl")).toContain("/meetings?status=ended");
    }
  });

  it("leaves the sign-in page open to anonymous visitors", async () => {
    const res = await proxy(get("/login"), event);
    expect(res.status).not.toBe(307);
  });
});
