"use server";

import { revokeApiKey } from "@/lib/api-keys/revoke-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { apiKeyIdSchema } from "@/lib/schemas/api-key";
import { apiKeysAccess, refused, revalidateApiKeys, type ApiKeysRefusal } from "./api-keys-access";

export type RevokeApiKeyActionResult = { ok: true } | ApiKeysRefusal;

/** Revokes a key of the tenant (owners, admins): calls with it are refused at once. */
export async function revokeApiKeyAction(input: unknown): Promise<RevokeApiKeyActionResult> {
  const { ctx, tr } = await apiKeysAccess();
  if (!ctx) return refused(tr("forbidden"));
  const parsed = apiKeyIdSchema.safeParse(input);
  if (!parsed.success) return refused(tr("notFound"));
  const result = await revokeApiKey(ctx.db, { userId: ctx.user.id }, parsed.data.id);
  if (!result.ok) return refused(tr(result.error));
  if (result.revoked) {
    await recordAudit(ctx, {
      action: "apiKey.revoke",
      objectType: "ApiToken",
      objectId: result.id,
      diff: { name: result.name, prefix: result.prefix },
    });
    revalidateApiKeys();
  }
  return { ok: true };
}
