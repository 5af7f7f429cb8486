import { describe, expect, it } from "vitest";
import {
  WecomConfigError,
  WecomError,
  WecomTransportError,
  WecomUncertainError,
} from "./errors.ts";
import {
  DESCRIBED_ERRCODES,
  describeWecomError,
  describeWecomFailure,
  toWecomFailure,
  type WecomFailure,
} from "./messages.ts";
import type { WecomAppKind } from "./types.ts";

const DOC_ERRCODES = [
  -1, 40001, 40013, 40014, 42001, 40031, 60111, 40058, 40035, 42009, 45009, 45033, 48002, 48004,
  50002, 60011, 60020,
];

function wecomError(errcode: number, appKind: WecomAppKind = "self_built", errmsg = "some errmsg") {
  return new WecomError({
    operation: "meeting/create",
    appId: "app1",
    appName: "会议助手",
    appKind,
    errcode,
    errmsg,
  });
}

describe("describeWecomError", () => {
  it("has its own message in both locales for every errcode of the API doc", () => {
    expect(DESCRIBED_ERRCODES).toEqual(expect.arrayContaining(DOC_ERRCODES));
    const generic = describeWecomError(wecomError(99999), "en");
    for (const code of DOC_ERRCODES) {
      const zh = describeWecomError(wecomError(code), "zh-CN");
      const en = describeWecomError(wecomError(code), "en");
      expect(zh).not.toBe(en);
      expect(en).not.toBe(generic.replace("99999", String(code)));
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("names the account and the app for directory and visible-range errors", () => {
    for (const code of [40031, 60111, 50002, 60011]) {
      const msg = describeWecomError(wecomError(code), "en", { accountName: "Li Hua" });
      expect(msg).toContain("Li Hua");
    }
    expect(describeWecomError(wecomError(60011), "zh-CN", { accountName: "李华" })).toMatch(
      /李华.*会议助手/,
    );
  });

  it("shows the refused field when it is known", () => {
    expect(describeWecomError(wecomError(40058), "en", { field: "title" })).toContain('"title"');
    expect(describeWecomError(wecomError(40035), "zh-CN", { field: "标题" })).toContain("标题");
  });

  it("says how to grant the meeting permission for each app kind", () => {
    const byKind = (["self_built", "third_party", "custom"] as const).map((k) =>
      describeWecomError(wecomError(48002, k), "en"),
    );
    expect(new Set(byKind).size).toBe(3);
    expect(byKind[0]).toContain("App Management");
    expect(byKind[1]).toContain("service provider");
  });

  it("asks to add the egress IP to the trusted IPs, naming it when WeCom does", () => {
    const err = wecomError(
      60020,
      "self_built",
      "not allow to access from your ip, hint: [x], from ip: 203.0.113.7, more info",
    );
    expect(describeWecomError(err, "en")).toContain("203.0.113.7");
    expect(describeWecomError(err, "zh-CN")).toContain("可信");
    expect(describeWecomError(wecomError(60020), "en", { egressIp: "198.51.100.1" })).toContain(
      "198.51.100.1",
    );
  });

  it("has a generic message for unknown codes that still carries the code", () => {
    expect(describeWecomError(wecomError(12345), "en")).toContain("12345");
    expect(describeWecomError(wecomError(12345), "zh-CN")).toContain("12345");
  });

  it("describes uncertain, transport and configuration errors", () => {
    const origin = {
      operation: "meeting/create" as const,
      appId: "a",
      appName: "App",
      appKind: "custom" as const,
    };
    const uncertain = new WecomUncertainError({ ...origin, failure: "timeout", detail: "t" });
    expect(describeWecomError(uncertain, "en")).toContain("unknown whether");
    expect(
      describeWecomError(
        new WecomTransportError({ ...origin, failure: "network", detail: "x" }),
        "en",
      ),
    ).toContain("could not be reached");
    expect(describeWecomError(new WecomConfigError("a", "App", "secret"), "zh-CN")).toContain(
      "secret",
    );
  });
});

describe("describeWecomFailure", () => {
  it("says the same from a stored failure as from the error itself, in either language", () => {
    for (const errcode of DOC_ERRCODES) {
      const err = wecomError(errcode, "third_party");
      const stored = JSON.parse(JSON.stringify(toWecomFailure(err))) as WecomFailure;
      for (const locale of ["zh-CN", "en"] as const) {
        expect(describeWecomFailure(stored, locale), `${errcode} ${locale}`).toBe(
          describeWecomError(err, locale),
        );
      }
    }
  });
});
