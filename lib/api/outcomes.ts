// lib/meetings' refusals as problem documents: the domain's message keys become the
// detail and the field errors (pointers into the body), its kinds the status.
import type { BookingProblem, CancelResult, UpdateResult } from "@/lib/meetings";
import type { BookingField } from "@/lib/meetings/types";
import { decodeMsg, msg } from "@/lib/schemas/messages";
import { ApiProblem, type FieldProblem } from "./problem";
import { pointerOf, type WithJobNumbers } from "./people";

function fieldProblems(p: BookingProblem, body: WithJobNumbers): FieldProblem[] {
  return (Object.entries(p.fieldErrors) as [BookingField, string][]).map(([field, message]) => ({
    pointer: pointerOf(field, body),
    message,
  }));
}

/** A booking or an edit lib/meetings refused. */
export function bookingProblem(p: BookingProblem, body: WithJobNumbers): ApiProblem {
  const errors = fieldProblems(p, body);
  const detail = p.formError;
  if (p.wecom?.unreachable) return new ApiProblem("wecom-unavailable", { detail });
  if (p.wecom?.errcode !== undefined)
    return new ApiProblem("wecom-refused", {
      detail: detail ?? errors[0]?.message,
      errors,
      wecomErrcode: p.wecom.errcode,
    });
  if (decodeMsg(detail).key === "idempotencyConflict")
    return new ApiProblem("idempotency-key-reused");
  if (decodeMsg(detail).key === "meetingNotFound") return new ApiProblem("not-found", { detail });
  return new ApiProblem("validation", { detail: errors.length ? undefined : detail, errors });
}

export function updateProblem(
  r: Extract<UpdateResult, { ok: false }>,
  body: WithJobNumbers,
  ifMatch: number | undefined,
): ApiProblem {
  if (r.notEditable) return new ApiProblem("meeting-not-editable", { detail: r.formError });
  if (r.conflict)
    return ifMatch !== undefined && r.currentVersion !== undefined && r.currentVersion !== ifMatch
      ? staleVersion(ifMatch, r.currentVersion)
      : new ApiProblem("edit-conflict", { detail: r.formError, currentVersion: r.currentVersion });
  return bookingProblem(r, body);
}

export function cancelProblem(r: Extract<CancelResult, { ok: false }>): ApiProblem {
  if (r.notCancellable) return new ApiProblem("meeting-not-editable", { detail: r.formError });
  if (r.conflict) return new ApiProblem("edit-conflict", { detail: r.formError });
  if (r.wecom?.unreachable) return new ApiProblem("wecom-unavailable", { detail: r.formError });
  if (r.wecom?.errcode !== undefined)
    return new ApiProblem("wecom-refused", { detail: r.formError, wecomErrcode: r.wecom.errcode });
  if (decodeMsg(r.formError).key === "meetingNotFound")
    return new ApiProblem("not-found", { detail: r.formError });
  return new ApiProblem("wecom-refused", { detail: r.formError });
}

export function staleVersion(expected: number, current: number): ApiProblem {
  return new ApiProblem("precondition-failed", {
    detail: msg("preconditionFailed", { expected, current }),
    currentVersion: current,
  });
}
