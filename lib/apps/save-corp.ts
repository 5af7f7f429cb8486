// Adds or edits a WeCom corp of the tenant. A corpid fixed after the fact changes every
// app's token: their cached tokens are dropped and each enabled app is checked again.
// The apps' secrets were given for the old corp, so a new corpid takes every one of them
// again in the same save (decision 015): stored secrets never go out under another corp.
import "server-only";
import { isUniqueViolation } from "@/lib/meetings/db-errors";
import { sealAppSecret } from "@/lib/crypto/app-secret";
import { SECRETS_OF_KIND } from "@/lib/schemas/app-settings";
import { corpSettingsSchema, CORP_SETTINGS_FIELDS } from "@/lib/schemas/corp-settings";
import { msg } from "@/lib/schemas/messages";
import {
  changes,
  notFound,
  refusedBy,
  type AppsAdminActor,
  type AuditChange,
  type Refused,
} from "./admin";
import { checkApp } from "./check-app";
import { SECRET_COLUMN } from "./save-app";
import { forgetAppTokens } from "./wecom-client";

export type SaveCorpResult =
  { ok: true; corpRowId: string; audit: AuditChange[]; rechecked: number } | Refused;

const corpIdTaken = (): Refused => ({
  ok: false,
  fieldErrors: { corpId: msg("corpIdTaken") },
});

export async function saveCorp(actor: AppsAdminActor, raw: unknown): Promise<SaveCorpResult> {
  const parsed = corpSettingsSchema.safeParse(raw);
  if (!parsed.success) return refusedBy(parsed.error, CORP_SETTINGS_FIELDS);
  const { id, corpId, name, appSecrets = {} } = parsed.data;

  if (!id) {
    let created: { id: string };
    try {
      created = await actor.db.corp.create({
        data: { tenantId: actor.tenantId, corpId, name },
        select: { id: true },
      });
    } catch (err) {
      if (isUniqueViolation(err)) return corpIdTaken();
      throw err;
    }
    return {
      ok: true,
      corpRowId: created.id,
      rechecked: 0,
      audit: [
        {
          action: "corp.create",
          objectType: "corp",
          objectId: created.id,
          diff: { corpId: { from: null, to: corpId }, name: { from: null, to: name } },
        },
      ],
    };
  }

  const before = await actor.db.corp.findFirst({ where: { id } });
  if (!before) return notFound();
  const diff = changes(before, { corpId, name }, ["corpId", "name"]);
  if (Object.keys(diff).length === 0) return { ok: true, corpRowId: id, audit: [], rechecked: 0 };
  const apps = diff.corpId
    ? await actor.db.app.findMany({
        where: { corpRowId: id },
        select: { id: true, kind: true, status: true },
      })
    : [];
  // Every token secret of every app, or nothing changes.
  const missing = Object.fromEntries(
    apps.flatMap((app) =>
      SECRETS_OF_KIND[app.kind]
        .filter((field) => !appSecrets[app.id]?.[field])
        .map((field) => [`appSecrets.${app.id}.${field}`, msg("secretReenter")]),
    ),
  );
  if (Object.keys(missing).length > 0)
    return { ok: false, fieldErrors: { corpId: msg("corpIdNeedsSecrets"), ...missing } };
  try {
    await actor.db.corp.update({ where: { id }, data: { corpId, name } });
  } catch (err) {
    if (isUniqueViolation(err)) return corpIdTaken();
    throw err;
  }
  const audit: AuditChange[] = [{ action: "corp.update", objectType: "corp", objectId: id, diff }];
  for (const app of apps) {
    const fields = SECRETS_OF_KIND[app.kind];
    const owner = { tenantId: actor.tenantId, id: app.id };
    await actor.db.app.update({
      where: { id: app.id },
      data: {
        ...Object.fromEntries(
          fields.map((field) => [
            SECRET_COLUMN[field],
            sealAppSecret(owner, SECRET_COLUMN[field], appSecrets[app.id]![field]!),
          ]),
        ),
        ...(app.kind === "third_party" ? { suiteTicketAt: new Date() } : {}),
      },
      select: { id: true },
    });
    audit.push({
      action: "app.update",
      objectType: "app",
      objectId: app.id,
      diff: Object.fromEntries(fields.map((field) => [field, { from: "set", to: "set" }])),
    });
  }
  let rechecked = 0;
  if (diff.corpId) {
    for (const app of apps) {
      await forgetAppTokens(actor.db, app.id);
      if (app.status === "disabled") continue;
      await checkApp(actor.db, app.id, actor.locale);
      rechecked++;
    }
  }
  return { ok: true, corpRowId: id, rechecked, audit };
}
