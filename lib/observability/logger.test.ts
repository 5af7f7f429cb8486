// The log never carries a secret by its key, wherever a caller puts it (top level or one
// object down), and each event is one JSON line.
import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger(stream, { level: "info" }) };
}

it("writes one JSON line per event with the fields given", () => {
  const { lines, logger } = capture();
  logger.info({ reqId: "r-12345678", status: 200 }, "request");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({ reqId: "r-12345678", status: 200, msg: "request" });
});

it("redacts secrets by key, at the top level and one level down", () => {
  const { lines, logger } = capture();
  logger.info(
    {
      secret: "corp-secret-value",
      access_token: "token-value-1",
      headers: { authorization: "Bearer mbk_live_key", cookie: "authjs.session-token=abc" },
      app: { suiteTicket: "ticket-value", permanentCode: "perm-value", name: "会议助手" },
      user: { password: "hunter22", email: "ann@example.com" },
      apiKeyName: "OA 系统",
    },
    "careless caller",
  );
  const text = lines.join("\n");
  for (const value of [
    "corp-secret-value",
    "token-value-1",
    "mbk_live_key",
    "abc",
    "ticket-value",
    "perm-value",
    "hunter22",
  ])
    expect(text).not.toContain(value);
  const line = JSON.parse(lines[0]!) as Record<string, Record<string, string>>;
  expect(line.app!.name).toBe("会议助手");
  expect(line.user!.email).toBe("ann@example.com");
  expect(line.headers!.authorization).toBe("[redacted]");
  // A key's name says which system called; it is not the key.
  expect(line.apiKeyName).toBe("OA 系统");
});
