// Which field of the app settings form a failed check points at: a token fetch refused
// for a wrong credential names it (40001 secret, 40013 corpid, 40056 agentid, 40082–40085
// suite credentials, 60020 the server's IP, so the base URL or the trusted-IP list), and
// so does a credential the row lacks.
import type { WecomAppKind, WecomFailure } from "@/lib/wecom";

export const CHECK_FIELDS = [
  "corpRowId",
  "agentId",
  "baseUrl",
  "secret",
  "suiteId",
  "suiteSecret",
  "suiteTicket",
  "permanentCode",
] as const;
export type CheckField = (typeof CHECK_FIELDS)[number];

const BY_ERRCODE: Record<number, CheckField | ((kind: WecomAppKind) => CheckField)> = {
  // gettoken answers 40001 to a wrong corpsecret, get_suite_token to a wrong suite_secret.
  40001: (kind) => (kind === "third_party" ? "suiteSecret" : "secret"),
  40013: "corpRowId",
  40056: "agentId",
  40082: "suiteTicket",
  40083: "suiteId",
  40084: "permanentCode",
  40085: "suiteTicket",
  60020: "baseUrl",
};

/** The credential of WecomConfigError (a WecomAppCredentials key) as a form field. */
const BY_CREDENTIAL: Record<string, CheckField> = {
  corpId: "corpRowId",
  agentId: "agentId",
  baseUrl: "baseUrl",
  secret: "secret",
  suiteId: "suiteId",
  suiteSecret: "suiteSecret",
  suiteTicket: "suiteTicket",
  permanentCode: "permanentCode",
};

export function checkFailureField(failure: WecomFailure, kind: WecomAppKind): CheckField | null {
  switch (failure.kind) {
    case "wecom": {
      const field = BY_ERRCODE[failure.errcode];
      return typeof field === "function" ? field(kind) : (field ?? null);
    }
    case "config":
      return BY_CREDENTIAL[failure.field] ?? null;
    // Nothing answered at that address.
    case "transport":
      return "baseUrl";
    default:
      return null;
  }
}
