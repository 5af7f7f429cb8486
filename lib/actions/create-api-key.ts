"use server";

import { createApiKey } from "@/lib/api-keys/create-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { createApiKeySchema } from "@/lib/schemas/api-key";
import { apiKeysAccess, refused, revalidateApiKeys, type ApiKeysRefusal } from "./api-keys-access";

export type CreateApiKeyActionResult =
  { ok: true; name: string; prefix: string; key: string } | ApiKeysRefusal;

/** Creates a key (owners, admins); the answer holds the key, the one time it is shown. */
export async function createApiKeyAction(input: unknown): Promise<CreateApiKeyActionResult> {
  const { ctx, tr } = await apiKeysAccess();
  if (!ctx) return refused(tr("forbidden"));
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: ApiKeysRefusal["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "role") && !fieldErrors[field])
        fieldErrors[field] = tr(issue.message);
    }
    return { ok: false, fieldErrors };
  }
  const result = await createApiKey(
    ctx.db,
    { tenantId: ctx.tenant.id, userId: ctx.user.id },
    parsed.data,
  );
  if (!result.ok) return { ok: false, fieldErrors: { name: tr(result.error) } };
  await recordAudit(ctx, {
    action: "apiKey.create",
    objectType: "ApiToken",
    objectId: result.id,
    diff: { name: result.name, role: result.role, prefix: result.prefix },
  });
  revalidateApiKeys();
  return { ok: true, name: result.name, prefix: result.prefix, key: result.key };
}
