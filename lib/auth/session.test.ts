// The session cookie as pages and actions read it (session.ts): what Auth.js issued with
// this server's secret, under the cookie name Auth.js uses for the request's protocol,
// and nothing else.
import { encode, getToken } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env.js";
import { readSession, sessionCookieSecure } from "./session";

// Auth.js's own decryption, counted: a cookie opened once is not opened again.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...actual, getToken: vi.fn(actual.getToken) };
});
afterEach(() => {
  vi.useRealTimers();
  vi.mocked(getToken).mockClear();
});

const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

const token = (
  claims: Record<string, unknown>,
  opts: { salt?: string; secret?: string; maxAge?: number } = {},
) =>
  encode({
    token: claims,
    secret: opts.secret ?? env.AUTH_SECRET,
    salt: opts.salt ?? PLAIN,
    maxAge: opts.maxAge,
  });

const request = (cookies: Record<string, string>, extra: Record<string, string> = {}) =>
  new Headers({
    cookie: Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join("; "),
    "x-forwarded-proto": "http",
    ...extra,
  });

describe("readSession", () => {
  it("reads the user and the session version from the cookie Auth.js issued", async () => {
    const headers = request({ [PLAIN]: await token({ uid: "u1", sv: 3 }) });
    expect(await readSession(headers)).toMatchObject({ userId: "u1", sessionVersion: 3 });
    const { issuedAt } = (await readSession(headers))!;
    expect(Math.abs(issuedAt! - Date.now() / 1000)).toBeLessThan(5);
    // A token from before session versions carries none.
    const old = request({ [PLAIN]: await token({ uid: "u1" }) });
    expect(await readSession(old)).toMatchObject({ userId: "u1", sessionVersion: undefined });
  });

  it("refuses a cookie that is missing, forged, sealed with another secret or expired", async () => {
    expect(await readSession(request({}))).toBeNull();
    expect(await readSession(request({ [PLAIN]: "not-a-token" }))).toBeNull();
    const foreign = await token({ uid: "u1" }, { secret: "another-secret-another-secret-xx" });
    expect(await readSession(request({ [PLAIN]: foreign }))).toBeNull();
    // Sealed for another cookie name (the salt): not this cookie's.
    const otherSalt = await token({ uid: "u1" }, { salt: SECURE });
    expect(await readSession(request({ [PLAIN]: otherSalt }))).toBeNull();
    // Expired beyond Auth.js's 15 s of clock tolerance.
    const expired = await token({ uid: "u1" }, { maxAge: -60 });
    expect(await readSession(request({ [PLAIN]: expired }))).toBeNull();
    // A token without a user.
    expect(await readSession(request({ [PLAIN]: await token({ sv: 1 }) }))).toBeNull();
  });

  it("reads the secure cookie over https and ignores the plain one there", async () => {
    const https = { "x-forwarded-proto": "https" };
    const secure = await token({ uid: "u2" }, { salt: SECURE });
    expect(await readSession(request({ [SECURE]: secure }, https))).toMatchObject({
      userId: "u2",
    });
    const plain = await token({ uid: "u1" });
    expect(await readSession(request({ [PLAIN]: plain }, https))).toBeNull();
    // And over http only the plain one counts.
    expect(await readSession(request({ [SECURE]: secure }))).toBeNull();
  });

  it("ignores a token sent as a bearer header (Auth.js's session endpoint does too)", async () => {
    const headers = request({}, { authorization: `Bearer ${await token({ uid: "u1" })}` });
    expect(await readSession(headers)).toBeNull();
  });
});

describe("readSession, the same cookie again", () => {
  it("opens a cookie once, and refuses it once it expires though it was opened before", async () => {
    const headers = request({ [PLAIN]: await token({ uid: "u3" }, { maxAge: 60 }) });
    expect(await readSession(headers)).toMatchObject({ userId: "u3" });
    expect(await readSession(headers)).toMatchObject({ userId: "u3" });
    expect(getToken).toHaveBeenCalledTimes(1);
    // 60 s of life and Auth.js's 15 s of tolerance later: gone.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 76_000);
    expect(await readSession(headers)).toBeNull();
  });

  it("never keeps a cookie that did not open: a forged one is decrypted, and refused, each time", async () => {
    const forged = request({ [PLAIN]: await token({ uid: "u1" }, { secret: "x".repeat(40) }) });
    expect(await readSession(forged)).toBeNull();
    expect(await readSession(forged)).toBeNull();
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("keeps a cookie per protocol: one opened over http is not taken over https", async () => {
    const plain = await token({ uid: "u4" });
    expect(await readSession(request({ [PLAIN]: plain }))).toMatchObject({ userId: "u4" });
    const https = request({ [PLAIN]: plain }, { "x-forwarded-proto": "https" });
    expect(await readSession(https)).toBeNull();
  });
});

describe("sessionCookieSecure", () => {
  it("follows AUTH_URL when set, else the forwarded protocol, else https", () => {
    expect(sessionCookieSecure(new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(sessionCookieSecure(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(sessionCookieSecure(new Headers())).toBe(true);
    const https = new Headers({ "x-forwarded-proto": "https" });
    expect(sessionCookieSecure(https, "http://meet.example.test")).toBe(false);
    const http = new Headers({ "x-forwarded-proto": "http" });
    expect(sessionCookieSecure(http, "https://meet.example.test")).toBe(true);
  });
});
