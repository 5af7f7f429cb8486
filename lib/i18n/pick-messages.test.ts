import { describe, expect, it } from "vitest";
import { pickMessages } from "./pick-messages";

const messages = {
  common: { appName: "MeetBridge", retry: "Retry" },
  header: { userMenu: "User menu", role: { owner: "Owner" } },
  settings: { title: "Settings", apps: { title: "Apps", check: { label: "Check" } } },
};

describe("pickMessages", () => {
  it("keeps whole namespaces and nested ones at their place in the tree", () => {
    expect(pickMessages(messages, ["header", "settings.apps.check"])).toEqual({
      header: messages.header,
      settings: { apps: { check: { label: "Check" } } },
    });
  });

  it("merges namespaces that share a parent, and a parent wins over its child", () => {
    expect(pickMessages(messages, ["settings.apps.check", "settings.title"])).toEqual({
      settings: { apps: { check: { label: "Check" } }, title: "Settings" },
    });
    for (const order of [
      ["settings.apps.check", "settings"],
      ["settings", "settings.apps.check"],
    ])
      expect(pickMessages(messages, order)).toEqual({ settings: messages.settings });
  });

  it("never changes the messages it picks from", () => {
    const before = structuredClone(messages);
    const picked = pickMessages(messages, ["settings", "settings.apps.check", "header.role"]);
    (picked.settings as { title: string }).title = "changed";
    expect(messages).toEqual(before);
  });

  it("leaves out what is not there", () => {
    expect(pickMessages(messages, ["nope", "common.nope.deeper"])).toEqual({});
  });
});
