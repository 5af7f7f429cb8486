import { describe, expect, it } from "vitest";
import { REDACTED, redactBody, redactText, redactUrl } from "./redact.ts";

describe("redaction", () => {
  it("blanks secret query parameters and keeps the rest", () => {
    const url = redactUrl(
      "https://x.example/cgi-bin/gettoken?corpid=ww1&corpsecret=s3cr3t-value&access_token=tok",
    );
    expect(url).toContain("corpid=ww1");
    expect(url).toContain(`corpsecret=${REDACTED}`);
    expect(url).toContain(`access_token=${REDACTED}`);
    expect(url).not.toContain("s3cr3t-value");
  });

  it("blanks secret keys at any depth of a JSON body, including the meeting password", () => {
    const body = JSON.stringify({
      suite_id: "ws1",
      suite_secret: "suite-secret-1",
      nested: { list: [{ permanent_code: "pc-123456", keep: 1 }], suite_ticket: "ticket-1" },
      settings: { password: "1234", enable_waiting_room: true },
      access_token: "abc",
    });
    const out = redactBody(body);
    for (const secret of ["suite-secret-1", "pc-123456", "ticket-1", "1234", "abc"]) {
      expect(out).not.toContain(`"${secret}"`);
    }
    expect(JSON.parse(out)).toMatchObject({
      suite_id: "ws1",
      nested: { list: [{ keep: 1 }] },
      settings: { enable_waiting_room: true },
    });
  });

  it("redacts a body that is not valid JSON by pattern", () => {
    const out = redactBody('{"access_token":"tok-abcdef","expires_in":7200, truncated');
    expect(out).not.toContain("tok-abcdef");
    expect(out).toContain("expires_in");
  });

  it("scrubs known secret values wherever they appear, also URL-encoded", () => {
    const secret = "very/secret+value";
    const text = `fetch failed for https://h/x?foo=${encodeURIComponent(secret)} and ${secret}`;
    const out = redactText(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
  });
});
