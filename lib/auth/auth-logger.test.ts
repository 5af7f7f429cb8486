import { CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/observability/logger";
import { authLogger } from "./auth-logger.ts";
import { SignInRefused } from "./sign-in-refused.ts";

afterEach(() => vi.restoreAllMocks());

function capture() {
  const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
  const error = vi.spyOn(logger, "error").mockImplementation(() => {});
  // The message and, for errors, the stack the line carries.
  const lines = () => [
    ...warn.mock.calls.map((c) => c.filter((a) => typeof a === "string").join(" ")),
    ...error.mock.calls.map((c) => c.map((a) => JSON.stringify(a)).join(" ")),
  ];
  return { warn, error, lines };
}

describe("the auth logger", () => {
  it("writes a refused sign-in as one line, with the name as typed and the address", () => {
    const log = capture();
    authLogger.error!(new SignInRefused("invalid", "ann@example.com", "203.0.113.7"));
    authLogger.error!(new SignInRefused("delayed", "bob", null, 4));
    expect(log.lines()).toEqual([
      'sign-in refused: invalid for "ann@example.com" from 203.0.113.7',
      'sign-in refused: delayed (retry in 4 s) for "bob" from unknown address',
    ]);
    expect(log.error).not.toHaveBeenCalled();
  });

  it("keeps a forged name on its line", () => {
    const log = capture();
    authLogger.error!(new SignInRefused("invalid", "x\nsign-in accepted: admin", null));
    expect(log.lines()).toHaveLength(1);
    expect(log.lines()[0]).not.toContain("\n");
  });

  it("writes Auth.js's own credentials refusal as one line too", () => {
    const log = capture();
    authLogger.error!(new CredentialsSignin());
    expect(log.lines()).toEqual(["sign-in refused: invalid"]);
  });

  it("still logs any other error in full, with its stack", () => {
    const log = capture();
    authLogger.error!(new Error("database is down"));
    expect(log.error).toHaveBeenCalled();
    const text = log.lines().join("\n");
    expect(text).toContain("database is down");
    expect(text).toContain("auth-logger.test.ts");
  });
});
