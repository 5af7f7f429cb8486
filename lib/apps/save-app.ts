// Adds or edits one of the tenant's WeCom apps, then checks it against WeCom at once so
// that the person sees whether it works, and which field is probably wrong when not.
// Secrets are write-only: a provided one is sealed to the app row (lib/crypto/app-secret.ts)
// and replaces the stored one, an empty one keeps it; none ever leaves this function.
// An app's corp and kind are fixed once it exists (its meetings were booked through them).
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { sealAppSecret, type AppSecretColumn } from "@/lib/crypto/app-secret";
import {
  APP_SETTINGS_FIELDS,
  appSettingsSchema,
  CALLBACK_SECRET_FIELDS,
  normalBaseUrl,
  SECRETS_OF_KIND,
  type AppSettingsValues,
  type SecretField,
  type StoredSecrets,
} from "@/lib/schemas/app-settings";
import { msg } from "@/lib/schemas/messages";
import { isAllowedWecomBaseUrl } from "@/lib/wecom/base-url";
import {
  changes,
  notFound,
  refusedBy,
  type AppsAdminActor,
  type AuditChange,
  type Refused,
} from "./admin";
import { checkApp, checkAudit, type AppCheckResult } from "./check-app";
import { forgetAppTokens } from "./wecom-client";

export type SaveAppResult =
  { ok: true; appId: string; name: string; audit: AuditChange[]; check: AppCheckResult } | Refused;

export const SECRET_COLUMN: Record<SecretField, AppSecretColumn> = {
  secret: "secretEnc",
  suiteSecret: "suiteSecretEnc",
  suiteTicket: "suiteTicketEnc",
  permanentCode: "permanentCodeEnc",
  callbackToken: "callbackTokenEnc",
  callbackAesKey: "callbackAesKeyEnc",
};

/** Which secrets an app has stored, read on the server; the values go no further. */
export async function storedSecretsOf(
  actor: Pick<AppsAdminActor, "db">,
  appId: string,
): Promise<{ kind: "self_built" | "third_party" | "custom"; stored: StoredSecrets } | null> {
  const row = await actor.db.app.findFirst({
    where: { id: appId },
    select: {
      kind: true,
      secretEnc: true,
      suiteSecretEnc: true,
      suiteTicketEnc: true,
      permanentCodeEnc: true,
      callbackTokenEnc: true,
      callbackAesKeyEnc: true,
    },
  });
  if (!row) return null;
  return {
    kind: row.kind,
    stored: {
      secret: row.secretEnc !== null,
      suiteSecret: row.suiteSecretEnc !== null,
      suiteTicket: row.suiteTicketEnc !== null,
      permanentCode: row.permanentCodeEnc !== null,
      callbackToken: row.callbackTokenEnc !== null,
      callbackAesKey: row.callbackAesKeyEnc !== null,
    },
  };
}

const idOf = z.object({ id: z.string().max(64) });

/**
 * The stored secrets were given for one WeCom address and identity: moving the app to
 * another base URL (or another suite) takes every secret its token needs, entered again
 * in the same save, or the stored ones would be sent to wherever it now points.
 */
function secretsFollowingIdentity(
  existing: { baseUrl: string; suiteId: string | null },
  v: AppSettingsValues,
): Refused | null {
  const changed: Record<string, string> | null =
    normalBaseUrl(v.baseUrl) !== existing.baseUrl
      ? { baseUrl: msg("baseUrlNeedsSecrets") }
      : v.kind === "third_party" && v.suiteId !== (existing.suiteId ?? "")
        ? { suiteId: msg("suiteIdNeedsSecrets") }
        : null;
  if (!changed) return null;
  const missing = SECRETS_OF_KIND[v.kind].filter((field) => v[field] === "");
  if (missing.length === 0) return null;
  return {
    ok: false,
    fieldErrors: {
      ...changed,
      ...Object.fromEntries(missing.map((field) => [field, msg("secretReenter")])),
    },
  };
}

export async function saveApp(actor: AppsAdminActor, raw: unknown): Promise<SaveAppResult> {
  const target = idOf.safeParse(raw);
  const editing = target.success && target.data.id ? target.data.id : null;
  const existing = editing
    ? await actor.db.app.findFirst({
        where: { id: editing },
        select: {
          id: true,
          corpRowId: true,
          kind: true,
          name: true,
          agentId: true,
          baseUrl: true,
          suiteId: true,
        },
      })
    : null;
  if (editing && !existing) return notFound();
  const stored = existing ? (await storedSecretsOf(actor, existing.id))!.stored : {};

  // On edit the corp and kind are the row's, whatever the browser sent. The callback keys
  // are optional in what callers send: absent keeps the stored ones, like an empty field.
  const withKeys =
    typeof raw === "object" && raw !== null
      ? { callbackToken: "", callbackAesKey: "", ...raw }
      : raw;
  const input = existing
    ? { ...(withKeys as object), corpRowId: existing.corpRowId, kind: existing.kind }
    : withKeys;
  const parsed = appSettingsSchema(stored, isAllowedWecomBaseUrl).safeParse(input);
  if (!parsed.success) return refusedBy(parsed.error, APP_SETTINGS_FIELDS);
  const v = parsed.data;
  if (existing) {
    const moved = secretsFollowingIdentity(existing, v);
    if (moved) return moved;
  }

  const corp = await actor.db.corp.findFirst({ where: { id: v.corpRowId }, select: { id: true } });
  if (!corp) return { ok: false, fieldErrors: { corpRowId: msg("corpRequired") } };

  const id = existing?.id ?? randomUUID();
  const owner = { tenantId: actor.tenantId, id };
  const settings = {
    name: v.name,
    agentId: Number(v.agentId),
    baseUrl: normalBaseUrl(v.baseUrl),
    suiteId: v.kind === "third_party" ? v.suiteId : null,
  };
  const replaced = [...SECRETS_OF_KIND[v.kind], ...CALLBACK_SECRET_FIELDS].filter(
    (field) => v[field] !== "",
  );
  const sealed = Object.fromEntries(
    replaced.map((field) => [
      SECRET_COLUMN[field],
      sealAppSecret(owner, SECRET_COLUMN[field], v[field]),
    ]),
  );
  // Secrets in the audit trail: whether one was there and that it is now set, never a value.
  const secretDiff = Object.fromEntries(
    replaced.map((field) => [field, { from: stored[field] ? "set" : "unset", to: "set" }]),
  );

  let audit: AuditChange[];
  if (!existing) {
    await actor.db.app.create({
      data: {
        id,
        tenantId: actor.tenantId,
        corpRowId: v.corpRowId,
        kind: v.kind,
        ...settings,
        ...sealed,
        ...(v.kind === "third_party" ? { suiteTicketAt: new Date() } : {}),
      },
      select: { id: true },
    });
    audit = [
      {
        action: "app.create",
        objectType: "app",
        objectId: id,
        diff: {
          ...Object.fromEntries(
            Object.entries({ ...settings, kind: v.kind })
              .filter(([, value]) => value !== null)
              .map(([key, value]) => [key, { from: null, to: value }]),
          ),
          ...secretDiff,
        },
      },
    ];
  } else {
    const diff = {
      ...changes(existing, settings, ["name", "agentId", "baseUrl", "suiteId"]),
      ...secretDiff,
    };
    // New callback keys: whatever verified under the old ones says nothing about these.
    const newCallbackKeys = "callbackTokenEnc" in sealed || "callbackAesKeyEnc" in sealed;
    await actor.db.app.update({
      where: { id },
      data: {
        ...settings,
        ...sealed,
        ...("suiteTicketEnc" in sealed ? { suiteTicketAt: new Date() } : {}),
        ...(newCallbackKeys
          ? {
              lastCallbackAt: null,
              lastCallbackOk: null,
              lastCallbackError: null,
              callbackVerifiedAt: null,
            }
          : {}),
      },
      select: { id: true },
    });
    audit = Object.keys(diff).length
      ? [{ action: "app.update", objectType: "app", objectId: id, diff }]
      : [];
  }

  // Tokens fetched with the old credentials say nothing about the new ones.
  if (existing) await forgetAppTokens(actor.db, id);
  const check = (await checkApp(actor.db, id, actor.locale))!;
  return { ok: true, appId: id, name: v.name, audit: [...audit, checkAudit(id, check)], check };
}
