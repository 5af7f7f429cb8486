"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldError, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useDiscardGuard } from "./unsaved-changes";

/** What a dialog's action answers when it refuses: translated messages. */
export type DialogRefusal = {
  ok: false;
  fieldErrors: Partial<Record<string, string>>;
  formError?: string;
};

/**
 * A form in a dialog whose action makes something shown once (a password, a link, a
 * key): one zod schema for the browser and the action, loaded when the form first
 * validates (`loadSchema`); the answer is kept until the
 * dialog closes, then forgotten with the form's values. `translate` reads the schema's
 * message keys (and "network"); the action's messages arrive translated.
 */
export function useDialogForm<
  Input extends FieldValues,
  Values,
  Result extends { ok: true } | DialogRefusal,
>({
  loadSchema,
  empty,
  fields,
  translate,
  action,
}: {
  loadSchema: () => Promise<z.ZodType<Values, Input>>;
  empty: Input;
  /** The form's fields, where the action's field errors land. */
  fields: readonly Path<Input>[];
  translate: (message: string) => string;
  action: (values: Values) => Promise<Result>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<Extract<Result, { ok: true }> | null>(null);
  const [resolver] = useState(() => lazyZodResolver(loadSchema));
  const form = useForm<Input, unknown, Values>({
    resolver,
    defaultValues: empty as never,
  });
  // Loose on purpose: with some inputs react-hook-form types an error as a merge of
  // FieldError and nested errors, whose `type` is optional.
  const message = (e: Partial<Pick<FieldError, "type" | "message">> | undefined) =>
    !e?.message ? undefined : e.type === "server" ? e.message : translate(e.message);

  const close = () => {
    setOpen(false);
    setDone(null);
    form.reset(empty);
  };
  // Typed-in values not yet sent: closing (Escape, outside click, 取消) asks first.
  const guard = useDiscardGuard(!done && form.formState.isDirty, close);
  const onOpenChange = (next: boolean) => (next ? setOpen(true) : guard.close());

  const onSubmit = form.handleSubmit(async (values) => {
    let result: Result;
    try {
      result = await action(values);
    } catch {
      form.setError("root.serverError", { message: translate("network") });
      return;
    }
    if (result.ok) {
      setDone(result as Extract<Result, { ok: true }>);
      router.refresh();
      return;
    }
    const refusal = result as DialogRefusal;
    for (const [field, text] of Object.entries(refusal.fieldErrors)) {
      if (text && (fields as readonly string[]).includes(field))
        form.setError(field as Path<Input>, { type: "server", message: text });
    }
    if (refusal.formError) form.setError("root.serverError", { message: refusal.formError });
  });

  return { form, open, done, message, onOpenChange, onSubmit, discardPrompt: guard.prompt };
}
