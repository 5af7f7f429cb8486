// The app form of /settings/apps: one schema for the three kinds of WeCom app, each
// with the credentials its token needs (wecom-meeting-api.md, "Access tokens"):
// - self-built: agentid and the app secret;
// - customised-development (代开发, `custom`): agentid and the app secret from the
//   authorisation;
// - third-party: agentid, suite id, suite secret, suite ticket and the permanent code
//   the corp granted (auth_corpid is the corp's corpid).
// Secrets are write-only: on edit an empty field keeps the stored one, so a secret is
// required only where none is stored (`stored`, which the server knows and the page
// passes to the form as booleans). Messages are keys of "appsAdmin.errors". Client-safe.
import { z } from "zod";
import { isCallbackToken, isEncodingAesKey } from "@/lib/wecom/callback-keys";
import { OFFICIAL_WECOM_BASE_URL } from "@/lib/wecom/official-base-url";
import { msg } from "./messages";

export const APP_KINDS = ["self_built", "custom", "third_party"] as const;
export type AppKindValue = (typeof APP_KINDS)[number];

/** WeCom's change callbacks: optional on every kind, write-only like the credentials. */
export const CALLBACK_SECRET_FIELDS = ["callbackToken", "callbackAesKey"] as const;

/** The credentials a token is fetched with: the ones that go to WeCom. */
export const TOKEN_SECRET_FIELDS = [
  "secret",
  "suiteSecret",
  "suiteTicket",
  "permanentCode",
] as const;
export type TokenSecretField = (typeof TOKEN_SECRET_FIELDS)[number];

export const SECRET_FIELDS = [...TOKEN_SECRET_FIELDS, ...CALLBACK_SECRET_FIELDS] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The secrets each kind's token needs. */
export const SECRETS_OF_KIND: Record<AppKindValue, readonly TokenSecretField[]> = {
  self_built: ["secret"],
  custom: ["secret"],
  third_party: ["suiteSecret", "suiteTicket", "permanentCode"],
};

/** Which secrets the app has stored (never their values). */
export type StoredSecrets = Partial<Record<SecretField, boolean>>;

export const OFFICIAL_BASE_URL = OFFICIAL_WECOM_BASE_URL;
export const APP_NAME_MAX = 64;
export const SECRET_MAX = 512;
const SUITE_ID_MAX = 64;
const BASE_URL_MAX = 300;
/** WeCom agentids are positive 32-bit integers (1000002, …). */
const AGENT_ID = /^[1-9]\d{0,9}$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.search;
  } catch {
    return false;
  }
}

const secret = z
  .string()
  .trim()
  .max(SECRET_MAX, msg("tooLong", { max: SECRET_MAX }));

const fields = z.object({
  /** The app row being edited; empty for a new app. */
  id: z.string().max(64, msg("notFound")),
  corpRowId: z.string().trim().min(1, msg("corpRequired")).max(64, msg("corpRequired")),
  name: z
    .string()
    .trim()
    .min(1, msg("nameRequired"))
    .max(APP_NAME_MAX, msg("tooLong", { max: APP_NAME_MAX })),
  kind: z.enum(APP_KINDS, { error: msg("kindRequired") }),
  agentId: z.string().trim().min(1, msg("agentIdRequired")).regex(AGENT_ID, msg("agentIdInvalid")),
  baseUrl: z
    .string()
    .trim()
    .min(1, msg("baseUrlRequired"))
    .max(BASE_URL_MAX, msg("tooLong", { max: BASE_URL_MAX }))
    .refine(isHttpUrl, msg("baseUrlInvalid")),
  suiteId: z
    .string()
    .trim()
    .max(SUITE_ID_MAX, msg("tooLong", { max: SUITE_ID_MAX })),
  secret,
  suiteSecret: secret,
  suiteTicket: secret,
  permanentCode: secret,
  /** empty: keep the stored one (or none) */
  callbackToken: z
    .string()
    .trim()
    .refine((v) => v === "" || isCallbackToken(v), msg("callbackTokenInvalid")),
  callbackAesKey: z
    .string()
    .trim()
    .refine((v) => v === "" || isEncodingAesKey(v), msg("callbackAesKeyInvalid")),
});

export type AppSettingsValues = z.infer<typeof fields>;
export type AppSettingsField = keyof AppSettingsValues;
export const APP_SETTINGS_FIELDS = Object.keys(fields.shape) as AppSettingsField[];

/**
 * `isAllowedBaseUrl`: the server's allow-list of WeCom bases (lib/wecom/base-url.ts),
 * which the browser does not know; the server always passes it.
 */
export function appSettingsSchema(
  stored: StoredSecrets = {},
  isAllowedBaseUrl?: (value: string) => boolean,
) {
  return fields.superRefine((v, ctx) => {
    if (isAllowedBaseUrl && isHttpUrl(v.baseUrl) && !isAllowedBaseUrl(v.baseUrl))
      ctx.addIssue({
        code: "custom",
        path: ["baseUrl"],
        message: msg("baseUrlNotAllowed", { official: OFFICIAL_WECOM_BASE_URL }),
      });
    if (v.kind === "third_party" && !v.suiteId)
      ctx.addIssue({ code: "custom", path: ["suiteId"], message: msg("suiteIdRequired") });
    for (const field of SECRETS_OF_KIND[v.kind]) {
      if (!v[field] && !stored[field])
        ctx.addIssue({ code: "custom", path: [field], message: msg("secretRequired") });
    }
    // A callback needs both: the Token signs, the key encrypts.
    const token = Boolean(v.callbackToken || stored.callbackToken);
    const key = Boolean(v.callbackAesKey || stored.callbackAesKey);
    if (token !== key) {
      const path = token ? "callbackAesKey" : "callbackToken";
      ctx.addIssue({ code: "custom", path: [path], message: msg("callbackPairRequired") });
    }
  });
}

export function emptyAppSettings(corpRowId = ""): AppSettingsValues {
  return {
    id: "",
    corpRowId,
    name: "",
    kind: "self_built",
    agentId: "",
    baseUrl: OFFICIAL_BASE_URL,
    suiteId: "",
    secret: "",
    suiteSecret: "",
    suiteTicket: "",
    permanentCode: "",
    callbackToken: "",
    callbackAesKey: "",
  };
}

/** The base URL as stored: the client joins paths to it, so it ends with a slash. */
export function normalBaseUrl(value: string): string {
  return value.endsWith("/") ? value : `${value}/`;
}
