"use client";

// The question a guarded form asks before its changes are dropped (./unsaved-changes.tsx
// loads it when the form first holds changes).
import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

export interface DiscardPromptProps {
  open: boolean;
  draftKept?: boolean;
  onStay: () => void;
  onLeave: () => void;
}

export function DiscardPrompt({ open, draftKept, onStay, onLeave }: DiscardPromptProps) {
  const t = useTranslations("unsavedChanges");
  return (
    <AlertDialog open={open} onOpenChange={(o) => !o && onStay()}>
      <AlertDialogContent data-testid="unsaved-changes">
        <AlertDialogHeader>
          <AlertDialogTitle>{t(draftKept ? "draftTitle" : "title")}</AlertDialogTitle>
          <AlertDialogDescription>
            {t(draftKept ? "draftDescription" : "description")}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("stay")}</AlertDialogCancel>
          <Button variant={draftKept ? "default" : "destructive"} onClick={onLeave}>
            {t(draftKept ? "leaveKeepDraft" : "discard")}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
