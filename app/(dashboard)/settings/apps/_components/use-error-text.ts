"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";
import { translateMsg } from "@/lib/i18n/translate-msg";

/** A field's message: the server's is already in the reader's language, the schema's is a key. */
export function useErrorText() {
  const t = useTranslations("appsAdmin.errors");
  return (e: FieldError | undefined): string | undefined => {
    if (!e) return undefined;
    if (e.type === "server") return e.message;
    return translateMsg(t as never, e.message);
  };
}

/** A toast after a change: sonner loads with the first one, not with the page. */
export async function toast(
  kind: "success" | "warning" | "error",
  title: string,
  description?: string | null,
) {
  const { toast: show } = await import("sonner");
  show[kind](title, description ? { description } : undefined);
}
