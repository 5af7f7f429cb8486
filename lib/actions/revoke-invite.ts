"use server";

import { db } from "@/lib/db/client";
import { inviteIdSchema } from "@/lib/schemas/users";
import { revokeInvite } from "@/lib/users/invites";
import { runMemberAction, type MemberActionResult } from "./users-access";

/** Revokes a pending invite of the tenant (owners): its link stops working. */
export async function revokeInviteAction(input: unknown): Promise<MemberActionResult> {
  return runMemberAction(inviteIdSchema, input, (actor, v) => revokeInvite(db, actor, v.inviteId));
}
