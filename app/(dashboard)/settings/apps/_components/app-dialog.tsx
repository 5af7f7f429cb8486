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
import type { AppKindValue, StoredSecrets } from "@/lib/schemas/app-settings";

// The form (react-hook-form, the zod schema) loads when the dialog is about to open,
// not with the page: the page shows its triggers only (docs/decisions/005).
const loadForm = () => import("./app-form");
const AppForm = dynamic(() => loadForm().then((m) => m.AppForm), { ssr: false });

export interface AppFormCorp {
  id: string;
  corpId: string;
  name: string;
}

/** An app as the form may know it: settings and which secrets are set, never a secret. */
export interface AppFormApp {
  id: string;
  corpRowId: string;
  name: string;
  kind: AppKindValue;
  agentId: number | null;
  baseUrl: string;
  suiteId: string | null;
  secrets: StoredSecrets;
  /** Where WeCom's callbacks go (absolute, for the WeCom console). */
  callbackUrls: { data: string; suite: string | null };
  /** The last check's finding at the field it blames, shown when the form opens. */
  problem: { field: string | null; text: string } | null;
}

/** Adds an app (no `app`; `corpRowId` preselects its corp) or edits one. */
export function AppDialog({
  corps,
  app,
  corpRowId,
  trigger,
}: {
  corps: AppFormCorp[];
  app?: AppFormApp;
  corpRowId?: string;
  trigger: ReactElement;
}) {
  const t = useTranslations("appsAdmin.appForm");
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
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl"
        data-testid="app-dialog"
      >
        <DialogHeader>
          <DialogTitle>{app ? t("editTitle", { app: app.name }) : t("addTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {/* Mounted while open: each opening starts from the stored values. */}
        {open ? (
          <AppForm
            corps={corps}
            app={app}
            corpRowId={corpRowId}
            onDone={done}
            onCancel={guard.close}
            onDirty={setDirty}
          />
        ) : null}
        {guard.prompt}
      </DialogContent>
    </Dialog>
  );
}
