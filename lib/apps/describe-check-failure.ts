import "server-only";
import { z } from "zod";
import {
  describeWecomFailure,
  type WecomAppKind,
  type WecomFailure,
  type WecomLocale,
} from "@/lib/wecom";

const failureSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("wecom"), errcode: z.number(), errmsg: z.string() }),
  z.object({ kind: z.enum(["uncertain", "transport", "unknown"]) }),
  z.object({ kind: z.literal("config"), field: z.string() }),
]);

/** An app's last failed check (App.permissionError), said in the reader's language. */
export function describeCheckFailure(
  stored: string | null,
  locale: WecomLocale,
  app: { name: string; kind: WecomAppKind },
): string | null {
  if (!stored) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return stored; // written before failures were stored as data
  }
  const failure = failureSchema.safeParse(parsed);
  if (!failure.success) return stored;
  return describeWecomFailure(failure.data as WecomFailure, locale, {
    appName: app.name,
    appKind: app.kind,
  });
}
