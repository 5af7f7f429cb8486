"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState, type ReactElement } from "react";
import { useDiscardGuard } from "@/components/dialogs/unsaved-changes";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { AppKindValue } from "@/lib/schemas/app-settings";

// The form (react-hook-form, the zod schema) loads when the dialog is about to open,
// not with the page: the page shows its triggers only (docs/decisions/005).
const loadForm = () => import("./corp-form");
const CorpForm = dynamic(() => loadForm().then((m) => m.CorpForm), { ssr: false });

export interface CorpFormCorp {
  id: string;
  corpId: string;
  name: string;
  /** Its apps: a new CorpID takes each one's secrets again (decision 015). */
  apps: { id: string; name: string; kind: AppKindValue }[];
}

/** Adds a corp (no `corp`) or edits one; the trigger opens it. */
export function CorpDialog({ corp, trigger }: { corp?: CorpFormCorp; trigger: ReactElement }) {
  const t = useTranslations("appsAdmin.corpForm");
  const [open, setOpen] = useState(false);
  // What the form holds that is not saved: closing (Escape, outside click, 取消) asks.
  const [dirty, setDirty] = useState(false);
  const done = () => {
    setOpen(false);
    setDirty(false);
  };
  const guard = useDiscardGuard(dirty, done);
  return (
    <Dialog open={open} onOpenChange={(o) => (o ? setOpen(true) : guard.close())}>
      <DialogTrigger asChild onPointerEnter={() => void loadForm()} onFocus={() => void loadForm()}>
        {trigger}
      </DialogTrigger>
      <DialogContent
        closeLabel={t("cancel")}
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto"
        data-testid="corp-dialog"
      >
        <DialogHeader>
          <DialogTitle>{corp ? t("editTitle", { corp: corp.name }) : t("addTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {/* Mounted while open: each opening starts from the stored values. */}
        {open ? (
          <CorpForm corp={corp} onDone={done} onCancel={guard.close} onDirty={setDirty} />
        ) : null}
        {guard.prompt}
      </DialogContent>
    </Dialog>
  );
}
