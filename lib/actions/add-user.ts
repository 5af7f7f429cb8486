"use server";

import { db } from "@/lib/db/client";
import { addUserSchema } from "@/lib/schemas/users";
import { addUser } from "@/lib/users/members";
import { revalidateUsers, usersActor, usersMessages } from "./users-access";

export type AddUserActionResult =
  | { ok: true; kind: "password"; password: string }
  /** The link's path (/invite/<token>): the browser prefixes its own origin. */
  | { ok: true; kind: "invite"; invitePath: string; expiresAt: string }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string };

/**
 * Adds a person to the tenant (owners): an initial password shown once, or an invite link
 * shown once. The answer is the same whether or not the email has an account elsewhere;
 * such an account joins only when it accepts with its own password (decision 016).
 */
export async function addUserAction(values: unknown): Promise<AddUserActionResult> {
  const tr = await usersMessages();
  const access = await usersActor();
  if (!access) return { ok: false, fieldErrors: {}, formError: tr("forbidden") };
  const parsed = addUserSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0] ?? "root")] ??= tr(issue.message);
    return { ok: false, fieldErrors };
  }
  const result = await addUser(db, access.actor, parsed.data);
  if (!result.ok) {
    const field =
      result.error === "username_taken"
        ? "username"
        : result.error === "invite_pending" || result.error === "already_member"
          ? "email"
          : undefined;
    return field
      ? { ok: false, fieldErrors: { [field]: tr(result.error) } }
      : { ok: false, fieldErrors: {}, formError: tr(result.error) };
  }
  revalidateUsers();
  if (result.kind === "password") return { ok: true, kind: "password", password: result.password };
  return {
    ok: true,
    kind: "invite",
    invitePath: `/invite/${result.token}`,
    expiresAt: result.expiresAt.toISOString(),
  };
}
