"use server";

import { db } from "@/lib/db/client";
import { changeRoleSchema } from "@/lib/schemas/users";
import { changeRole } from "@/lib/users/members";
import { runMemberAction, type MemberActionResult } from "./users-access";

/** Gives a member of the tenant another role (owners); never takes the last owner away. */
export async function changeRoleAction(input: unknown): Promise<MemberActionResult> {
  return runMemberAction(changeRoleSchema, input, (actor, v) =>
    changeRole(db, actor, v.userId, v.role),
  );
}
