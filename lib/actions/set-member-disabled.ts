"use server";

import { db } from "@/lib/db/client";
import { setDisabledSchema } from "@/lib/schemas/users";
import { setMemberDisabled } from "@/lib/users/members";
import { runMemberAction, type MemberActionResult } from "./users-access";

/** Disables or enables a member in this tenant (owners); never the last owner. */
export async function setMemberDisabledAction(input: unknown): Promise<MemberActionResult> {
  return runMemberAction(setDisabledSchema, input, (actor, v) =>
    setMemberDisabled(db, actor, v.userId, v.disabled),
  );
}
