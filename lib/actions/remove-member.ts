"use server";

import { db } from "@/lib/db/client";
import { memberIdSchema } from "@/lib/schemas/users";
import { removeMember } from "@/lib/users/members";
import { runMemberAction, type MemberActionResult } from "./users-access";

/** Removes a member from this tenant (owners): the user and their other tenants stay. */
export async function removeMemberAction(input: unknown): Promise<MemberActionResult> {
  return runMemberAction(memberIdSchema, input, (actor, v) => removeMember(db, actor, v.userId));
}
