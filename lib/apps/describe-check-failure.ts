import "server-only";
import { z } from "zod";
import {
  describeWecomFailure,
  type WecomAppKind,
  type WecomFailure,
  type WecomLocale,
} from "@/lib/wecom";
import { checkFailureField, type CheckField } from "./check-field";

const failureSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("wecom"),
    errcode: z.number(),
    errmsg: z.string(),
    operation: z.string().optional(),
  }),
  z.object({ kind: z.enum(["uncertain", "transport", "unknown"]) }),
  z.object({ kind: z.literal("config"), field: z.string() }),
]);

export interface CheckProblem {
  /** What went wrong and what to do, in the reader's language. */
  text: string;
  /** The settings form field that is probably wrong, when the failure names one. */
  field: CheckField | null;
}

/** An app's last failed check (App.permissionError), said in the reader's language. */
export function checkProblem(
  stored: string | null,
  locale: WecomLocale,
  app: { name: string; kind: WecomAppKind },
): CheckProblem | null {
  if (!stored) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { text: stored, field: null }; // written before failures were stored as data
  }
  const failure = failureSchema.safeParse(parsed);
  if (!failure.success) return { text: stored, field: null };
  const data = failure.data as WecomFailure;
  return {
    text: describeWecomFailure(data, locale, { appName: app.name, appKind: app.kind }),
    field: checkFailureField(data, app.kind),
  };
}

export function describeCheckFailure(
  stored: string | null,
  locale: WecomLocale,
  app: { name: string; kind: WecomAppKind },
): string | null {
  return checkProblem(stored, locale, app)?.text ?? null;
}
